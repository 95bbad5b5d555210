import { findEntry, type Classifier } from './classifier';
import { isIsoDate } from './dates';
import type { FormIssue } from './formIssue';
import type { Condition, FieldDef, FieldValue, FormDef, GroupItem, PersonNameValue } from './formTypes';
import { readPin } from './pin/readPin';

export interface ValidationContext {
  classifiers: Readonly<Record<string, Classifier>>;
  /** Today at the workstation, `YYYY-MM-DD` (dates in the future are refused against it). */
  today: string;
}

const photoTypes = new Set(['image/jpeg', 'image/png']);
const nameCharacters = /^[\p{L}\p{M}][\p{L}\p{M}'’ .-]*$/u;
const phone = /^\+?[0-9][0-9 ()-]{4,18}[0-9]$/;
const email = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

export function isEmpty(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'surname' in value) return !value.surname.trim() && !value.givenName.trim() && !value.patronymic?.trim();
  return false;
}

/** Whether a field must be filled given the other values at its level. */
export const isRequired = (field: FieldDef, scope: GroupItem): boolean =>
  field.required === true || (field.requiredWhen !== undefined && conditionHolds(field.requiredWhen, scope));

function conditionHolds(condition: Condition, scope: GroupItem): boolean {
  const other = scope[condition.field];
  return 'filled' in condition ? !isEmpty(other) : other === condition.equals;
}

/**
 * Checks a record's values against its form: one validator for the UI (as the operator types),
 * the workstation backend (before it stores) and the server (before it accepts). Answers every
 * problem found, each at the field it concerns; an empty list means the record may be saved.
 */
export function validateForm(form: FormDef, values: FormValues, ctx: ValidationContext): FormIssue[] {
  const fields = form.sections.flatMap((section) => section.fields);
  return validateLevel(fields, values, '', ctx);
}

type FormValues = GroupItem;

function validateLevel(fields: readonly FieldDef[], scope: GroupItem, prefix: string, ctx: ValidationContext): FormIssue[] {
  const issues: FormIssue[] = [];
  const known = new Set(fields.map((field) => field.id));
  for (const key of Object.keys(scope)) {
    if (!known.has(key)) issues.push({ path: prefix + key, code: 'unknownField' });
  }
  for (const field of fields) {
    const value = scope[field.id];
    const path = prefix + field.id;
    const required = isRequired(field, scope);
    if (isEmpty(value)) {
      if (required) issues.push({ path, code: 'required' });
      continue;
    }
    issues.push(...validateValue(field, value as FieldValue, scope, path, ctx));
  }
  return issues;
}

function validateValue(field: FieldDef, value: FieldValue, scope: GroupItem, path: string, ctx: ValidationContext): FormIssue[] {
  const wrongType: FormIssue[] = [{ path, code: 'wrongType' }];
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') return wrongType;
      return value.length > field.maxLength ? [{ path, code: 'tooLong', params: { max: String(field.maxLength) } }] : [];
    case 'date':
      if (typeof value !== 'string') return wrongType;
      return validateDate(field, value, scope, path, ctx);
    case 'choice':
    case 'territory': {
      if (typeof value !== 'string') return wrongType;
      const classifier = ctx.classifiers[field.classifier];
      const entry = classifier ? findEntry(classifier, value) : undefined;
      if (!entry) return [{ path, code: 'unknownCode' }];
      if (field.kind === 'territory' && field.level && entry.kind !== field.level) return [{ path, code: 'wrongLevel', params: { level: field.level } }];
      return [];
    }
    case 'yesNo':
      return typeof value === 'boolean' ? [] : wrongType;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType;
      if (field.integer && !Number.isInteger(value)) return [{ path, code: 'numberInteger' }];
      return value < field.min || value > field.max ? [{ path, code: 'numberRange', params: { min: String(field.min), max: String(field.max) } }] : [];
    case 'personName':
      return validatePersonName(field.patronymic, value, path);
    case 'pin':
      if (typeof value !== 'string') return wrongType;
      return validatePin(field, value, scope, path);
    case 'phone':
      if (typeof value !== 'string') return wrongType;
      return phone.test(value.trim()) ? [] : [{ path, code: 'phoneFormat' }];
    case 'email':
      if (typeof value !== 'string') return wrongType;
      return email.test(value.trim()) ? [] : [{ path, code: 'emailFormat' }];
    case 'photo':
      return validatePhoto(field.maxBytes, value, path);
    case 'group':
      return validateGroup(field, value, path, ctx);
  }
}

function validateDate(field: Extract<FieldDef, { kind: 'date' }>, value: string, scope: GroupItem, path: string, ctx: ValidationContext): FormIssue[] {
  if (!isIsoDate(value)) return [{ path, code: 'dateInvalid' }];
  if (field.notInFuture && value > ctx.today) return [{ path, code: 'dateInFuture' }];
  if (field.notBefore) {
    const other = scope[field.notBefore];
    if (typeof other === 'string' && isIsoDate(other) && value < other) {
      return [{ path, code: 'dateBefore', params: { field: field.notBefore } }];
    }
  }
  return [];
}

function validatePersonName(patronymic: 'optional' | 'none', value: FieldValue, path: string): FormIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('surname' in value)) return [{ path, code: 'wrongType' }];
  const name = value;
  const issues: FormIssue[] = [];
  const parts: [keyof PersonNameValue, string | undefined, boolean][] = [
    ['surname', name.surname, true],
    ['givenName', name.givenName, true],
    ['patronymic', name.patronymic, false],
  ];
  for (const [part, text, needed] of parts) {
    const trimmed = (text ?? '').trim();
    if (part === 'patronymic' && patronymic === 'none' && trimmed) issues.push({ path: `${path}.${part}`, code: 'unknownField' });
    else if (!trimmed) {
      if (needed) issues.push({ path: `${path}.${part}`, code: 'required' });
    } else if (trimmed.length > 80) issues.push({ path: `${path}.${part}`, code: 'tooLong', params: { max: '80' } });
    else if (!nameCharacters.test(trimmed)) issues.push({ path: `${path}.${part}`, code: 'nameCharacters' });
  }
  return issues;
}

function validatePin(field: Extract<FieldDef, { kind: 'pin' }>, value: string, scope: GroupItem, path: string): FormIssue[] {
  const reading = readPin(field.country, value);
  if (!reading.ok) return [{ path, code: 'pinFormat', params: { country: field.country } }];
  const issues: FormIssue[] = [];
  const birthDate = field.birthDateField ? scope[field.birthDateField] : undefined;
  if (reading.birthDate && typeof birthDate === 'string' && isIsoDate(birthDate) && birthDate !== reading.birthDate) {
    issues.push({ path, code: 'pinBirthDate', params: { encoded: reading.birthDate } });
  }
  const sex = field.sexField ? scope[field.sexField] : undefined;
  if (reading.sex && typeof sex === 'string' && (sex === 'male' || sex === 'female') && sex !== reading.sex) {
    issues.push({ path, code: 'pinSex', params: { encoded: reading.sex } });
  }
  return issues;
}

function validatePhoto(maxBytes: number, value: FieldValue, path: string): FormIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('blobId' in value)) return [{ path, code: 'wrongType' }];
  const photo = value;
  if (!photoTypes.has(photo.mimeType)) return [{ path, code: 'photoType' }];
  return photo.bytes > maxBytes ? [{ path, code: 'photoTooLarge', params: { max: String(Math.round(maxBytes / 1024)) } }] : [];
}

function validateGroup(field: Extract<FieldDef, { kind: 'group' }>, value: FieldValue, path: string, ctx: ValidationContext): FormIssue[] {
  if (!Array.isArray(value)) return [{ path, code: 'wrongType' }];
  const issues: FormIssue[] = [];
  if (field.minItems !== undefined && value.length < field.minItems) issues.push({ path, code: 'tooFewItems', params: { min: String(field.minItems) } });
  if (value.length > field.maxItems) issues.push({ path, code: 'tooManyItems', params: { max: String(field.maxItems) } });
  value.slice(0, field.maxItems).forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) issues.push({ path: `${path}.${index}`, code: 'wrongType' });
    else issues.push(...validateLevel(field.fields, item, `${path}.${index}.`, ctx));
  });
  return issues;
}
