import type { FieldDef, FormDef, FormValues } from '../../shared/forms/formTypes';
import type { CacheDatabase } from '../store/cacheDatabase';

/** Field kinds reports count and filter by; names, PINs and free text are not written as facts. */
const countedKinds = new Set<FieldDef['kind']>(['choice', 'yesNo', 'date', 'number', 'territory']);

/** The record's counted values: codes and dates as text, yes/no as booleans, numbers as numbers. */
export function recordFacts(form: FormDef, values: FormValues): Record<string, string | number | boolean> {
  const facts: Record<string, string | number | boolean> = {};
  for (const field of form.sections.flatMap((section) => section.fields)) {
    if (!countedKinds.has(field.kind)) continue;
    const value = values[field.id];
    if (typeof value === 'boolean' || typeof value === 'number' || (typeof value === 'string' && value !== '')) facts[field.id] = value;
  }
  return facts;
}

/**
 * Rewrites a record's facts (docs/reports.md). `holder` is the agency holding the record:
 * 'thisWorkstation' for what this workstation saves; the server's agency id for a received record
 * ('' where the server did not say). A record keeps the first holder it was given, unless that was ''.
 */
export function writeRecordFacts(db: CacheDatabase, form: FormDef, id: string, values: FormValues, holder: string, subjectId: string | null = null): void {
  const holderSql = holder === 'thisWorkstation' ? "coalesce((SELECT json_extract(agency_json, '$.id') FROM workstation LIMIT 1), '')" : '?';
  db.prepare(
    `INSERT INTO record_facts (form_id, record_id, subject_id, holder, facts) VALUES (?, ?, ?, ${holderSql}, jsonb(?))
     ON CONFLICT (form_id, record_id) DO UPDATE SET facts = excluded.facts,
       holder = CASE WHEN record_facts.holder = '' THEN excluded.holder ELSE record_facts.holder END`,
  ).run(...[form.id, id, subjectId, ...(holder === 'thisWorkstation' ? [] : [holder]), JSON.stringify(recordFacts(form, values))]);
}
