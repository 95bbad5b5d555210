import type { Classifier } from '../../../shared/forms/classifier';
import type { FieldDef, FieldValue } from '../../../shared/forms/formTypes';
import type { Language } from '../../../shared/i18n/languages';
import { showDate } from './fields/DateInput';

/** A field's value as a person reads it (names, dates, list entries in the chosen language). */
export function valueText(field: FieldDef, value: FieldValue | undefined, language: Language, classifiers: Readonly<Record<string, Classifier>>, yesNo: [string, string]): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.kind) {
    case 'date':
      return showDate(value);
    case 'choice':
    case 'territory': {
      const entry = classifiers[field.classifier]?.entries.find((candidate) => candidate.code === value);
      return entry ? entry.names[language] : typeof value === 'string' ? value : '';
    }
    case 'yesNo':
      return value === true ? yesNo[0] : yesNo[1];
    case 'personName':
      return typeof value === 'object' && 'surname' in value ? [value.surname, value.givenName, value.patronymic].filter(Boolean).join(' ') : '';
    case 'group':
      return Array.isArray(value) ? String(value.length) : '';
    case 'photo':
      return '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}
