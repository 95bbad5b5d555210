import type { FieldDef, FormDef, FormValues } from '../../shared/forms/formTypes';
import type { CacheDatabase } from '../store/cacheDatabase';

/** Field kinds reports count and filter by; names, PINs and free text are not written as facts. */
const countedKinds = new Set<FieldDef['kind']>(['choice', 'yesNo', 'date', 'number', 'territory']);

/** The record's counted values as SQL values: codes and dates as text, yes/no as 1/0, numbers as numbers. */
export function recordFacts(form: FormDef, values: FormValues): [field: string, value: string | number][] {
  const facts: [string, string | number][] = [];
  for (const field of form.sections.flatMap((section) => section.fields)) {
    if (!countedKinds.has(field.kind)) continue;
    const value = values[field.id];
    if (typeof value === 'boolean') facts.push([field.id, value ? 1 : 0]);
    else if (typeof value === 'number' || (typeof value === 'string' && value !== '')) facts.push([field.id, value]);
  }
  return facts;
}

/**
 * Rewrites a record's facts (docs/reports.md). `holder` is the agency holding the record:
 * 'thisWorkstation' for what this workstation saves; '' where it is not known here (a received record).
 */
export function writeRecordFacts(db: CacheDatabase, form: FormDef, id: string, values: FormValues, holder: string): void {
  db.prepare('DELETE FROM record_facts WHERE record_id = ? AND field != ?').run(id, '@holder');
  const insert = db.prepare('INSERT INTO record_facts (record_id, form_id, field, value) VALUES (?, ?, ?, ?)');
  for (const [field, value] of recordFacts(form, values)) insert.run(id, form.id, field, value);
  if (holder === 'thisWorkstation') {
    db.prepare(
      "INSERT OR IGNORE INTO record_facts (record_id, form_id, field, value) VALUES (?, ?, '@holder', coalesce((SELECT json_extract(agency_json, '$.id') FROM workstation LIMIT 1), ''))",
    ).run(id, form.id);
  } else {
    db.prepare("INSERT OR IGNORE INTO record_facts (record_id, form_id, field, value) VALUES (?, ?, '@holder', ?)").run(id, form.id, holder);
  }
}
