import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultLanguage, isLanguage, languages, nativeLanguageNames, type Language } from '../../../shared/i18n/languages';
import { useDocumentAgain, usePrintMutation, usePrintProgress } from './mutations';

interface PrintPanelProps {
  recordIds: string[];
  /** Shown when a record has not reached the central server: the copy will say so. */
  undelivered?: boolean;
  /** The button's words ("Print", "Print the selected (3)"). */
  actionLabel?: string;
}

// The head's name typed last, for the next copy in this session (memory only: never written to disk).
let lastHeadName = '';

const newJobId = () => `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * The stamped paper copy (Pack 1 §20): the language of the copy (independent of the interface),
 * the head who signs it, then the PDF in the browser's viewer or the desktop's print preview.
 */
export function PrintPanel({ recordIds, undelivered = false, actionLabel }: PrintPanelProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [headName, setHeadName] = useState(lastHeadName);
  const [jobId, setJobId] = useState(newJobId);
  const print = usePrintMutation();
  const again = useDocumentAgain();
  const progress = usePrintProgress(jobId);
  const languageId = useId();
  const headId = useId();
  const outcome = print.data;
  const running = print.isPending && recordIds.length > 1;
  return (
    <section className="print-panel" aria-label={t('print.printTitle')}>
      <h2>{t('print.printTitle')}</h2>
      <p className="hint">{t('print.printLead')}</p>
      {undelivered ? <p className="hint">{t('print.notDeliveredHint')}</p> : null}
      <div className="print-panel__options">
        <div className="field">
          <label htmlFor={languageId}>{t('print.language')}</label>
          <select id={languageId} value={language} onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {nativeLanguageNames[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={headId}>{t('print.headName')}</label>
          <input id={headId} type="text" maxLength={200} value={headName} onChange={(event) => {
              lastHeadName = event.target.value;
              setHeadName(event.target.value);
            }} />
        </div>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={print.isPending || recordIds.length === 0}
          onClick={() => {
            const id = newJobId();
            setJobId(id);
            print.mutate({ recordIds, language, headName, jobId: id });
          }}
        >
          {actionLabel ?? t('print.print')}
        </button>
      </div>
      {print.isPending ? (
        <p role="status">
          {t('print.preparing')}
          {running ? (
            <>
              {' '}
              <progress max={recordIds.length} value={progress?.done ?? 0} aria-label={t('print.preparing')} /> {t('print.progress', { done: progress?.done ?? 0, total: recordIds.length })}
            </>
          ) : null}
        </p>
      ) : null}
      {print.error ? (
        <p className="error" role="alert">
          {print.error.message}
        </p>
      ) : null}
      {outcome ? (
        <div role="status" className="print-panel__done">
          <p>{t('print.ready', { cards: outcome.document.cards, pages: outcome.document.pages })}</p>
          <p className={outcome.shownIn === 'blocked' ? 'error' : 'hint'}>
            {t(outcome.shownIn === 'preview' ? 'print.openedPreview' : outcome.shownIn === 'tab' ? 'print.openedTab' : 'print.popupBlocked')}
          </p>
          {outcome.document.url ? (
            <p className="actions">
              <button type="button" className="link-button" disabled={again.isPending} onClick={() => again.mutate({ documentId: outcome.document.documentId, download: false })}>
                {t('print.openAgain')}
              </button>
              <button type="button" className="link-button" disabled={again.isPending} onClick={() => again.mutate({ documentId: outcome.document.documentId, download: true })}>
                {t('print.savePdf')}
              </button>
            </p>
          ) : null}
          {again.error ? (
            <p className="error" role="alert">
              {again.error.message}
            </p>
          ) : again.data === 'blocked' ? (
            <p className="error">{t('print.popupBlocked')}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
