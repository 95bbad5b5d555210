import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView, DuplicateCandidate, RecordView } from '../../../shared/api/records';
import type { FieldError } from '../../../shared/api/result';
import { localToday } from '../../../shared/forms/dates';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { issuesToFieldErrors } from '../../../shared/forms/issueMessages';
import { classifierMap, type PackDef } from '../../../shared/forms/packTypes';
import { validateForm } from '../../../shared/forms/validateForm';
import { formatTime } from '../../../shared/i18n/format';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { DuplicatePanel } from './DuplicatePanel';
import { inputId } from './fields/fieldProps';
import { FormRenderer } from './FormRenderer';
import { LiveDuplicates } from './LiveDuplicates';
import { recordKeys } from './queries';
import { useDraftAutosave } from './useDraftAutosave';
import { useLiveDuplicates } from './useLiveDuplicates';

export interface RecordEditorProps {
  pack: PackDef;
  form: FormDef;
  role: string;
  /** The record being changed, or undefined for a new one. */
  record?: RecordView;
  /** Unsaved work to go on with. */
  draft?: DraftView;
  subjectId?: string;
  /** Inside a record's own view, whose h1 names it: the editor's heading is then the form's title, an h2. */
  inPage?: boolean;
  onSaved: (record: RecordView) => void;
  onOpenRecord: (id: string) => void;
  onCancel: () => void;
}

const byPath = (errors: readonly FieldError[]) => Object.fromEntries(errors.map((error) => [error.path, error.message]));

/** Enter or change a record: checked as typed, kept as a draft, duplicates shown before a new child is saved. */
export function RecordEditor(props: RecordEditorProps) {
  const { pack, form, role, record, draft } = props;
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const client = useClient();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(draft?.values ?? record?.values ?? {});
  const [dirty, setDirty] = useState(Boolean(draft));
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const baseRevision = draft?.baseRevision ?? record?.revision ?? null;
  const headingId = useId();
  const autosave = useDraftAutosave({ formId: form.id, recordId: record?.id ?? null, baseRevision, values, dirty, initialDraftId: draft?.id ?? null });

  // A new child of a form with identity: possible duplicates are looked up while typing (the early warning).
  const liveCandidates = useLiveDuplicates(form, values, !record && Boolean(form.identity));
  const issues = useMemo(() => validateForm(form, values, { classifiers: classifierMap(pack), today: localToday() }), [form, pack, values]);
  const localErrors = useMemo(() => issuesToFieldErrors(form, issues, t, language), [form, issues, t, language]);
  // Before the first save, "fill this in" would shout at an empty form: show only real mistakes.
  const shown = { ...byPath(attempted ? localErrors : localErrors.filter((error) => error.code !== 'required')), ...serverErrors };

  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const focusFirstError = (paths: string[]) => {
    const first = paths.map((path) => document.getElementById(inputId(path))).find(Boolean);
    first?.focus();
  };

  const save = async (newDespiteDuplicates?: string) => {
    setFailure(null);
    if (issues.length > 0) {
      setAttempted(true);
      focusFirstError(localErrors.map((error) => error.path));
      return;
    }
    setBusy(true);
    try {
      if (!record && form.identity && !newDespiteDuplicates) {
        const found = await client.call('records.checkDuplicates', { formId: form.id, values });
        if (found.ok && found.value.length > 0) {
          setDuplicates(found.value);
          return;
        }
      }
      const result = record
        ? await client.call('records.update', { id: record.id, baseRevision: baseRevision ?? record.revision, values })
        : await client.call('records.create', {
            formId: form.id,
            values,
            ...(props.subjectId ? { subjectId: props.subjectId } : {}),
            ...(newDespiteDuplicates ? { newDespiteDuplicates } : {}),
          });
      if (!result.ok) {
        setAttempted(true);
        setServerErrors(byPath(result.error.fields ?? []));
        setFailure(result.error.message);
        focusFirstError((result.error.fields ?? []).map((error) => error.path));
        return;
      }
      await autosave.discard();
      setDirty(false);
      setDuplicates(null);
      await queryClient.invalidateQueries({ queryKey: recordKeys.all });
      await queryClient.invalidateQueries({ queryKey: recordKeys.drafts() });
      props.onSaved(result.value);
    } finally {
      setBusy(false);
    }
  };

  const problemCount = Object.keys(shown).length;
  return (
    <form
      className="record-editor"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <header className="record-editor__head">
        {props.inPage ? (
          <h2 id={headingId}>{form.title[language]}</h2>
        ) : (
          <h1 id={headingId}>{record ? form.title[language] : t('records.newRecord', { form: form.title[language] })}</h1>
        )}
        <p className="record-editor__draft" aria-live="polite">
          {autosave.saving ? t('records.draftSaving') : autosave.savedAt ? t('records.draftSaved', { time: formatTime(autosave.savedAt) }) : ''}
        </p>
      </header>
      {attempted && problemCount > 0 ? (
        <p className="form-summary" role="alert">
          {t('records.fixErrors', { count: problemCount })}
        </p>
      ) : null}
      {failure && problemCount === 0 ? (
        <p className="form-summary" role="alert">
          {failure}
        </p>
      ) : null}
      {/* Once Save has listed the matches (below, with the "different child" confirmation), they are not listed twice. */}
      {!record && form.identity ? <LiveDuplicates candidates={duplicates ? [] : liveCandidates} onOpen={props.onOpenRecord} /> : null}
      <FormRenderer
        pack={pack}
        form={form}
        role={role}
        values={values}
        errors={shown}
        onChange={(next) => {
          setValues(next);
          setDirty(true);
          setServerErrors({});
        }}
      />
      {duplicates ? <DuplicatePanel candidates={duplicates} busy={busy} onOpen={props.onOpenRecord} onConfirm={(reason) => void save(reason)} /> : null}
      <div className="record-editor__actions">
        <button type="submit" disabled={busy}>
          {busy ? t('records.saving') : t('records.save')}
        </button>
        <button
          type="button"
          className="secondary-button"
          onClick={() => {
            if (!dirty || window.confirm(t('records.unsavedLeave'))) props.onCancel();
          }}
        >
          {t('records.cancel')}
        </button>
      </div>
    </form>
  );
}
