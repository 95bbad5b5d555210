/**
 * Statistics (docs/reports.md): one row per record and counted field — codes, yes/no, dates,
 * numbers — indexed so a report groups and filters in SQL without parsing every record's JSON.
 * `@holder` is the agency whose workstation holds the record (the institution a pupil lives
 * in). Records already in the cache get their facts here: every short top-level scalar value
 * (the next save rewrites them exactly from the form), and this workstation's agency as holder.
 */
export const migration005 = `
CREATE TABLE record_facts (
  record_id TEXT NOT NULL REFERENCES records (id),
  form_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value NOT NULL,
  PRIMARY KEY (record_id, field)
) WITHOUT ROWID;
CREATE INDEX record_facts_by_value ON record_facts (form_id, field, value);
INSERT INTO record_facts (record_id, form_id, field, value)
  SELECT r.id, r.form_id, j.key, j.value FROM records r, json_each(r.values_json) j
  WHERE j.type IN ('integer', 'real', 'true', 'false') OR (j.type = 'text' AND length(j.value) BETWEEN 1 AND 64);
INSERT INTO record_facts (record_id, form_id, field, value)
  SELECT r.id, r.form_id, '@holder', coalesce((SELECT json_extract(agency_json, '$.id') FROM workstation LIMIT 1), '') FROM records r;
`;
