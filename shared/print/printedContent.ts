import type { FieldDef, FormDef, FormValues } from '../forms/formTypes';

/*
 * What a paper copy certifies, independent of the print language and of who holds the record:
 * the record's id, its form and the values of every field the form prints (the photo included,
 * by reference). The workstation and the central server hash exactly this, so a copy printed
 * from one can be verified against the other's stored revision.
 */

/** The fields a paper copy shows: all but those the form leaves off, and the photo the layout places. */
export function printedFields(form: FormDef): FieldDef[] {
  return form.sections.flatMap((section) => section.fields).filter((field) => field.kind === 'photo' || !field.print?.omit);
}

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** JSON with keys sorted at every level and empty values dropped: "absent", null and "" print the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => !isEmpty(inner))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The canonical text whose SHA-256 the verification code carries. */
export function printedContent(form: FormDef, recordId: string, values: FormValues): string {
  const printed = Object.fromEntries(printedFields(form).map((field) => [field.id, values[field.id]]));
  return canonicalJson({ form: form.id, record: recordId, values: printed });
}
