import type { Classifier } from '../forms/classifier';
import type { FieldDef, FieldValue } from '../forms/formTypes';
import type { Language } from '../i18n/languages';

export interface ValueWords {
  yes: string;
  no: string;
}

/** 2026-03-08 → 08.03.2026: the way registers and documents in all five countries write a date. */
const paperDate = (iso: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
};

/** A coded entry with the entries above it: "Аламүдүн району, Чүй облусу" — a district alone is ambiguous on paper. */
function entryText(classifier: Classifier | undefined, code: string, language: Language): string {
  if (!classifier) return code;
  const names: string[] = [];
  let current = classifier.entries.find((entry) => entry.code === code);
  for (let depth = 0; current && depth < 4; depth += 1) {
    names.push(current.names[language]);
    const parent = current.parent;
    current = parent ? classifier.entries.find((entry) => entry.code === parent) : undefined;
  }
  return names.length > 0 ? names.join(', ') : code;
}

/** A field's value as it is written on the paper copy, in the print language. */
export function printedValue(field: FieldDef, value: FieldValue | undefined, language: Language, classifiers: Readonly<Record<string, Classifier>>, words: ValueWords): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.kind) {
    case 'date':
      return typeof value === 'string' ? paperDate(value) : '';
    case 'choice':
    case 'territory':
      return typeof value === 'string' ? entryText(classifiers[field.classifier], value, language) : '';
    case 'yesNo':
      return value === true ? words.yes : words.no;
    case 'personName':
      return typeof value === 'object' && 'surname' in value ? [value.surname, value.givenName, value.patronymic].filter(Boolean).join(' ') : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'group':
    case 'photo':
      return '';
    default:
      return typeof value === 'string' ? value : '';
  }
}
