import type { LocalisedName } from './classifier';

/** A role of a pack (system operator, data holder, ministry reader…), by the pack's own id. */
export type RoleId = string;

/** Who may see and who may change a field or section; absent means every role of the pack. */
export interface Access {
  view?: readonly RoleId[];
  edit?: readonly RoleId[];
}

/** How a field appears on the stamped paper copy. */
export interface PrintHint {
  /** Left off the paper copy (e.g. the photo is placed by the layout, not as a row). */
  omit?: boolean;
  /** Columns of the printed grid it spans (1 or 2). */
  span?: 1 | 2;
}

/** Required only when another field of the same level has (or has not) a given value. */
export type Condition =
  /** The other field has exactly this value. */
  | { field: string; equals: string | boolean }
  /** The other field has any non-empty value. */
  | { field: string; filled: true };

interface FieldCommon {
  /** Stable id: records store values under it; never reused for another meaning. */
  id: string;
  label: LocalisedName;
  hint?: LocalisedName;
  required?: boolean;
  requiredWhen?: Condition;
  access?: Access;
  print?: PrintHint;
}

export type FieldDef =
  | (FieldCommon & { kind: 'text'; maxLength: number; multiline?: boolean })
  | (FieldCommon & { kind: 'date'; notInFuture?: boolean; notBefore?: string })
  | (FieldCommon & { kind: 'choice'; classifier: string })
  | (FieldCommon & { kind: 'yesNo' })
  | (FieldCommon & { kind: 'number'; min: number; max: number; integer?: boolean })
  | (FieldCommon & { kind: 'personName'; patronymic: 'optional' | 'none' })
  | (FieldCommon & { kind: 'pin'; country: PinCountry; birthDateField?: string; sexField?: string })
  | (FieldCommon & { kind: 'territory'; classifier: string; level?: string })
  | (FieldCommon & { kind: 'phone' })
  | (FieldCommon & { kind: 'email' })
  | (FieldCommon & { kind: 'photo'; maxBytes: number })
  | (FieldCommon & { kind: 'group'; fields: readonly FieldDef[]; minItems?: number; maxItems: number; itemLabel: LocalisedName });

export type FieldKind = FieldDef['kind'];
export type PinCountry = 'KG' | 'KZ' | 'AZ';

export interface SectionDef {
  id: string;
  title: LocalisedName;
  fields: readonly FieldDef[];
  access?: Access;
}

/** A form is data: the engine renders, validates, stores and prints it without knowing its pack. */
export interface FormDef {
  id: string;
  version: number;
  title: LocalisedName;
  sections: readonly SectionDef[];
  /** A field whose value titles a record in lists and history (e.g. the child's name). */
  titleField?: string;
  /** Which roles may see records of this form, and which may create and change them. */
  access?: Access;
  /** Records of this form are about a record of another form (an event on a pupil). */
  subject?: { formId: string };
  /**
   * The regulation's deadline for entering the record: within `workingDays` of the date in
   * `field` (Pack 1 §17: a new child within two working days of arrival).
   */
  deadline?: { field: string; workingDays: number };
  /** Fields that identify a person, for duplicate search (§9.4): PIN, name, birth date. */
  identity?: { pin?: string; name?: string; birthDate?: string };
}

/** A person's name as the regulations list it: surname, name, patronymic (if any). */
export interface PersonNameValue {
  surname: string;
  givenName: string;
  patronymic?: string;
}

/** A photo stored as an encrypted blob in the cache; the record holds only its reference. */
export interface PhotoValue {
  blobId: string;
  mimeType: string;
  bytes: number;
}

export type FieldValue = string | number | boolean | PersonNameValue | PhotoValue | GroupItem[] | null;
export interface GroupItem {
  [fieldId: string]: FieldValue | undefined;
}
export type FormValues = GroupItem;
