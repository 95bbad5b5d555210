import type { FieldValue, FormValues } from '../../shared/forms/formTypes';

/** One field's change in a record's history. */
export interface FieldChange {
  field: string;
  before: FieldValue | null;
  after: FieldValue | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The top-level fields that differ between two versions of a record, in a stable order. */
export function diffValues(before: FormValues, after: FormValues): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
