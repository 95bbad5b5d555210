import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../shared/api/records';
import type { FormDef } from '../../../shared/forms/formTypes';
import { recordTitle } from '../../../shared/forms/recordTitle';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import { defaultLanguage, isLanguage, type Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { draftAgeText } from './draftAge';
import { recordKeys, recordQueries } from './queries';
import './drafts.css';

/** The current time, renewed every half minute so that "saved 5 minutes ago" stays true. */
function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Unsaved work of this operator on a form, kept through a crash or a lock: each draft named by
 * its child (the title its record would get), its form and its age; continue it, or discard it
 * after a confirmation in the page.
 */
export function DraftList({ form, onContinue }: { form: FormDef; onContinue: (draft: DraftView) => void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const drafts = useQuery(recordQueries.drafts(useClient())).data?.filter((draft) => draft.formId === form.id) ?? [];
  const now = useNow();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // What was just discarded, said once in the list of this form only.
  const [discarded, setDiscarded] = useState<{ formId: string; text: string } | null>(null);
  const done = discarded?.formId === form.id ? discarded.text : null;
  if (drafts.length === 0 && !done) return null;
  return (
    <section className="drafts" aria-label={t('records.drafts')}>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('records.drafts')}
      </h2>
      {drafts.length > 0 ? <p className="drafts__count">{t('records.draftsCount', { count: drafts.length })}</p> : null}
      <p className="drafts__done" role="status">
        {done ?? ''}
      </p>
      {drafts.length > 0 ? (
        <ul className="drafts__list">
          {drafts.map((draft) => (
            <DraftRow
              key={draft.id}
              draft={draft}
              form={form}
              language={language}
              now={now}
              onContinue={() => onContinue(draft)}
              onDiscarded={(name) => {
                setDiscarded({ formId: form.id, text: t('records.draftDiscarded', { name }) });
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DraftRow(props: { draft: DraftView; form: FormDef; language: Language; now: Date; onContinue: () => void; onDiscarded: (name: string) => void }) {
  const { draft, form, language } = props;
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const nameId = useId();
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const discardRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const title = recordTitle(form, draft.values);
  const name = title || t('records.draftNoName');
  const savedAt = new Date(draft.updatedAt);
  const discard = useMutation({
    mutationFn: () => unwrap(client.call('drafts.discard', { id: draft.id })),
    onSuccess: async () => {
      props.onDiscarded(name);
      await queryClient.invalidateQueries({ queryKey: recordKeys.drafts() });
    },
  });

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const keep = () => {
    setConfirming(false);
    discard.reset();
    // Back where the operator was: the row's own Discard button.
    requestAnimationFrame(() => discardRef.current?.focus());
  };

  return (
    <li className="draft">
      <div className="draft__about">
        <strong id={nameId} className={title ? 'draft__name' : 'draft__name draft__name--none'}>
          {name}
        </strong>
        <span className="draft__form">
          {form.title[language]}
          {draft.recordId ? ` · ${t('records.draftOfRecord')}` : ''}
        </span>
        <time className="draft__age" dateTime={draft.updatedAt} title={`${formatDate(savedAt, language)} ${formatTime(savedAt)}`}>
          {draftAgeText(savedAt, props.now, t, language)}
        </time>
      </div>
      {confirming ? (
        <div
          className="draft__confirm"
          role="group"
          aria-labelledby={questionId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') keep();
          }}
        >
          <p id={questionId}>{t('records.discardDraftQuestion', { name })}</p>
          <button type="button" className="draft__discard" disabled={discard.isPending} onClick={() => discard.mutate()}>
            {t('records.discardDraftConfirm')}
          </button>
          <button ref={keepRef} type="button" className="secondary-button" onClick={keep}>
            {t('records.discardDraftKeep')}
          </button>
          {discard.error ? (
            <p className="draft__error" role="alert">
              {discard.error.message}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="draft__actions">
          <button type="button" aria-describedby={nameId} onClick={props.onContinue}>
            {t('records.continueDraft')}
          </button>
          <button ref={discardRef} type="button" className="secondary-button" aria-describedby={nameId} onClick={() => setConfirming(true)}>
            {t('records.discardDraft')}
          </button>
        </div>
      )}
    </li>
  );
}
