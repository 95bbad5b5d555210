import { useTranslation } from 'react-i18next';
import { canEdit } from '../../../shared/forms/access';
import type { Language } from '../../../shared/i18n/languages';
import { BatchPrint } from '../print/BatchPrint';
import { DraftList } from '../records/DraftList';
import { RecordList } from '../records/RecordList';
import { AlertList } from './AlertList';
import { useNavigation } from './navigation';
import { keeperNames, roleName, type RegistryForm } from './registryForms';
import { ViewHeading } from './ViewHeading';

/** One form's registry: its records (searchable), unfinished cards, a new record, paper copies of several. */
export function RegistryView({ entry, role, language }: { entry: RegistryForm; role: string; language: Language }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const { form } = entry;
  const mayCreate = canEdit(form.access, role);
  return (
    <section className="view" aria-labelledby="view-heading">
      <ViewHeading title={form.title[language]}>
        {mayCreate ? (
          <button type="button" onClick={() => go({ kind: 'new', formId: form.id })}>
            {t('records.newRecord', { form: form.title[language] })}
          </button>
        ) : null}
      </ViewHeading>
      {mayCreate ? null : <p className="notice notice--info">{t('workspace.keptBy', { roles: keeperNames(entry, language).join(', '), role: roleName(role, language) })}</p>}
      <AlertList enabled />
      <DraftList
        form={form}
        onContinue={(draft) => go(draft.recordId ? { kind: 'open', formId: form.id, recordId: draft.recordId, draft } : { kind: 'new', formId: form.id, draft })}
      />
      <RecordList form={form} onOpen={(recordId) => go({ kind: 'open', formId: form.id, recordId })} />
      <BatchPrint form={form} />
    </section>
  );
}
