import { useTranslation } from 'react-i18next';
import { ownsCaseSteps } from '../cases/caseText';
import { TaskList } from '../cases/TaskList';
import { DraftList } from '../records/DraftList';
import { SyncIssues } from '../sync/SyncIssues';
import type { Language } from '../../../shared/i18n/languages';
import { AlertList } from './AlertList';
import { useNavigation } from './navigation';
import type { RegistryForm } from './registryForms';
import { ViewHeading } from './ViewHeading';

/** Due and overdue work: the case steps the role owns, the warnings, the changes the server sent back for a decision, unfinished cards. */
export function Dashboard({ forms, role, language, due }: { forms: RegistryForm[]; role: string; language: Language; due: number }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  return (
    <section className="view" aria-labelledby="view-heading">
      <ViewHeading title={t('workspace.dashboardTitle')} />
      <p className="lead">{t('workspace.dashboardLead')}</p>
      {due === 0 ? <p className="hint">{t('workspace.nothingDue')}</p> : null}
      {ownsCaseSteps(role) ? <TaskList language={language} /> : null}
      <AlertList enabled={forms.length > 0} />
      <SyncIssues language={language} onOpen={(formId, recordId) => go({ kind: 'open', formId, recordId })} />
      {forms.map(({ form }) => (
        <DraftList
          key={form.id}
          form={form}
          onContinue={(draft) => go(draft.recordId ? { kind: 'open', formId: form.id, recordId: draft.recordId, draft } : { kind: 'new', formId: form.id, draft })}
        />
      ))}
    </section>
  );
}
