import type { FormDef, FormValues } from '../forms/formTypes';

/** A record's values cut by the form's sections: the unit of sync, conflict and merge. */
export type SectionValues = Record<string, FormValues>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The values of the named sections (every section when `sectionIds` is null). */
export function pickSections(form: FormDef, values: FormValues, sectionIds: readonly string[] | null): SectionValues {
  const picked: SectionValues = {};
  for (const section of form.sections) {
    if (sectionIds && !sectionIds.includes(section.id)) continue;
    const part: FormValues = {};
    for (const field of section.fields) {
      const value = values[field.id];
      if (value !== undefined && value !== null) part[field.id] = value;
    }
    picked[section.id] = part;
  }
  return picked;
}

/** The sections in which two versions differ, in form order. */
export function changedSections(form: FormDef, before: FormValues, after: FormValues): string[] {
  return form.sections
    .filter((section) => section.fields.some((field) => !same(before[field.id], after[field.id])))
    .map((section) => section.id);
}

/** `base` with the given sections replaced wholesale (a field missing from a section is cleared). */
export function applySections(form: FormDef, base: FormValues, sections: SectionValues): FormValues {
  const result: FormValues = { ...base };
  for (const section of form.sections) {
    const replacement = sections[section.id];
    if (!replacement) continue;
    for (const field of section.fields) {
      const value = replacement[field.id];
      if (value === undefined || value === null) delete result[field.id];
      else result[field.id] = value;
    }
  }
  return result;
}

/** Section ids a change names that the form does not have (a hostile or outdated payload). */
export function unknownSections(form: FormDef, sections: SectionValues): string[] {
  const known = new Set(form.sections.map((section) => section.id));
  return Object.keys(sections).filter((id) => !known.has(id));
}

/** Fields inside a section that belong to another section or to no section. */
export function strayFields(form: FormDef, sections: SectionValues): string[] {
  const stray: string[] = [];
  for (const section of form.sections) {
    const own = new Set(section.fields.map((field) => field.id));
    for (const key of Object.keys(sections[section.id] ?? {})) if (!own.has(key)) stray.push(key);
  }
  return stray;
}
