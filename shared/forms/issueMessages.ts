import type { TFunction } from 'i18next';
import type { FieldError } from '../api/result';
import type { FormIssue } from './formIssue';
import type { FieldDef, FormDef } from './formTypes';
import type { Language } from '../i18n/languages';

function findField(fields: readonly FieldDef[], id: string): FieldDef | undefined {
  for (const field of fields) {
    if (field.id === id) return field;
    if (field.kind === 'group') {
      const inner = findField(field.fields, id);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Form issues as API field errors, each message in the operator's language. */
export function issuesToFieldErrors(form: FormDef, issues: readonly FormIssue[], t: TFunction, language: Language): FieldError[] {
  const fields = form.sections.flatMap((section) => section.fields);
  return issues.map((issue) => {
    const params: Record<string, string> = { ...issue.params };
    if (issue.code === 'dateBefore' && issue.params?.field) params.fieldLabel = findField(fields, issue.params.field)?.label[language] ?? issue.params.field;
    // Dates as on documents (day.month.year), as the operator typed them.
    if (issue.code === 'pinBirthDate' && issue.params?.encoded) params.encoded = issue.params.encoded.split('-').reverse().join('.');
    if (issue.code === 'pinSex' && issue.params?.encoded) params.encoded = t(`form.${issue.params.encoded}`);
    return { path: issue.path, code: issue.code, message: t(`form.${issue.code}`, params) };
  });
}
