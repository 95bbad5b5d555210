import type { FormDef, FormValues } from './formTypes';

/**
 * What names a record in lists, alerts, history and drafts: the form's title field as text
 * ("Асанова Айпери"), or '' when the form has none or it is not filled in yet.
 */
export function recordTitle(form: FormDef, values: FormValues): string {
  const value = form.titleField ? values[form.titleField] : undefined;
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && 'surname' in value) {
    return [value.surname, value.givenName, value.patronymic]
      .map((part) => (typeof part === 'string' ? part.trim() : ''))
      .filter(Boolean)
      .join(' ');
  }
  return '';
}
