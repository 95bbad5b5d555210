import type { Classifier } from '../../../../shared/forms/classifier';
import type { FieldDef, FieldValue } from '../../../../shared/forms/formTypes';
import type { Language } from '../../../../shared/i18n/languages';

/** What every field input gets: its definition, value, where it is, and its problems by path. */
export interface FieldProps<F extends FieldDef = FieldDef> {
  field: F;
  value: FieldValue | undefined;
  onChange: (value: FieldValue | undefined) => void;
  /** The field's path in the record (`name`, `relatives.2.name`). */
  path: string;
  /** Messages by path, already in the operator's language. */
  errors: Readonly<Record<string, string>>;
  disabled: boolean;
  language: Language;
  classifiers: Readonly<Record<string, Classifier>>;
  /** Whether the field is required now (required, or its condition holds). */
  required: boolean;
}

export const inputId = (path: string) => `field-${path.replace(/\./g, '-')}`;
export const errorId = (path: string) => `${inputId(path)}-error`;
export const hintId = (path: string) => `${inputId(path)}-hint`;
