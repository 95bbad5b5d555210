import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DraftView, RecordView } from '../../../shared/api/records';
import { visibleSections } from '../../../shared/forms/access';
import { formatTime } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { CasePanel } from '../cases/CasePanel';
import { workflowOfForm } from '../cases/caseText';
import { PrintPanel } from '../print/PrintPanel';
import { RecordEditor } from '../records/RecordEditor';
import { RecordHistory } from '../records/RecordHistory';
import { recordQueries } from '../records/queries';
import { AlertList } from './AlertList';
import { useNavigation } from './navigation';
import { sectionAnchor } from '../records/FormRenderer';
import { recordTitle, type RegistryForm } from './registryForms';
import { SubjectEvents } from './SubjectEvents';
import { ViewHeading } from './ViewHeading';

type Saved = { kind: 'new' | 'change'; at: string };

const jumpTo = (id: string) => {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
};

/** The side index of a record: its sections, then (for a saved record) its paper copy, events and history. */
function SectionIndex({ entry, role, language, saved }: { entry: RegistryForm; role: string; language: Language; saved: boolean }) {
  const { t } = useTranslation();
  const items = visibleSections(entry.form, role).map((section) => ({ id: sectionAnchor(entry.form.id, section.id), label: section.title[language] }));
  if (saved && workflowOfForm(entry.form.id)) items.unshift({ id: 'record-case', label: t('cases.panelLabel') });
  if (saved) items.push({ id: 'record-paper-copy', label: t('workspace.paperCopy') }, { id: 'record-events', label: t('records.events') }, { id: 'record-history', label: t('records.history') });
  return (
    <nav className="record-index" aria-label={t('workspace.sections')}>
      <ol>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="link-button" onClick={() => jumpTo(item.id)}>
              {item.label}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function SavedNotice({ saved }: { saved: Saved | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="record-page__saved" role="status">
      {saved ? <p className="notice notice--done">{saved.kind === 'new' ? t('workspace.savedNew') : t('workspace.savedChange', { time: formatTime(new Date(saved.at)) })}</p> : null}
    </div>
  );
}

/** A new record of a form: its own view, the editor beside the index of its sections. */
export function NewRecordPage({ entry, role, language, draft }: { entry: RegistryForm; role: string; language: Language; draft?: DraftView }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const { form, pack } = entry;
  return (
    <section className="view record-page" aria-labelledby="view-heading">
      <ViewHeading title={t('records.newRecord', { form: form.title[language] })}>
        <BackToList formId={form.id} />
      </ViewHeading>
      <div className="record-page__body">
        <SectionIndex entry={entry} role={role} language={language} saved={false} />
        <div className="record-page__main">
          <RecordEditor
            pack={pack}
            form={form}
            role={role}
            inPage
            {...(draft ? { draft } : {})}
            onSaved={(record) => go({ kind: 'open', formId: record.formId, recordId: record.id, saved: { kind: 'new', at: new Date().toISOString() } })}
            onOpenRecord={(recordId) => go({ kind: 'open', formId: form.id, recordId })}
            onCancel={() => go({ kind: 'list', formId: form.id })}
          />
        </div>
      </div>
    </section>
  );
}

/** A saved record: its title (the child's name), the card, its paper copy, events and history. */
export function OpenRecordPage(props: { entry: RegistryForm; role: string; language: Language; recordId: string; draft?: DraftView; saved?: Saved }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const record = useQuery(recordQueries.one(useClient(), props.recordId));
  const { entry, role, language } = props;
  if (!record.data) return null;
  const title = recordTitle(entry, record.data.values, language, [t('records.yes'), t('records.no')]) || entry.form.title[language];
  const onSaved = (saved: RecordView) => go({ kind: 'open', formId: saved.formId, recordId: saved.id, saved: { kind: 'change', at: new Date().toISOString() } });
  return (
    <section className="view record-page" aria-labelledby="view-heading">
      <ViewHeading key={props.recordId} title={title}>
        <BackToList formId={entry.form.id} />
      </ViewHeading>
      <SavedNotice saved={props.saved} />
      <AlertList enabled recordId={props.recordId} />
      <div className="record-page__body">
        <SectionIndex entry={entry} role={role} language={language} saved />
        <div className="record-page__main">
          {workflowOfForm(entry.form.id) ? (
            <div id="record-case" tabIndex={-1}>
              <CasePanel recordId={props.recordId} role={role} language={language} />
            </div>
          ) : null}
          <RecordEditor
            key={`${record.data.id}-${record.data.revision}`}
            pack={entry.pack}
            form={entry.form}
            role={role}
            record={record.data}
            inPage
            {...(props.draft ? { draft: props.draft } : {})}
            onSaved={onSaved}
            onOpenRecord={(recordId) => go({ kind: 'open', formId: entry.form.id, recordId })}
            onCancel={() => go({ kind: 'list', formId: entry.form.id })}
          />
          <div id="record-paper-copy" tabIndex={-1}>
            <PrintPanel key={`print-${record.data.id}`} recordIds={[record.data.id]} undelivered={record.data.serverRevision === null} />
          </div>
          <div id="record-events" tabIndex={-1}>
            <SubjectEvents pack={entry.pack} subjectForm={entry.form} subjectId={props.recordId} role={role} />
          </div>
          <div id="record-history" tabIndex={-1}>
            <RecordHistory form={entry.form} recordId={props.recordId} />
          </div>
        </div>
      </div>
    </section>
  );
}

function BackToList({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  return (
    <button type="button" className="secondary-button" onClick={() => go({ kind: 'list', formId })}>
      {t('workspace.backToList')}
    </button>
  );
}
