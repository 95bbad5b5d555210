/**
 * Statistics (docs/reports.md): one narrow row per record with its counted values — codes,
 * yes/no, dates, numbers — as a small JSONB object (read without parsing text), and the agency whose workstation holds the
 * record (the institution a pupil lives in). Keyed by form first, so a report reads one form's
 * rows as one contiguous range of a table a fraction of the records' size. Records already in
 * the cache get theirs here: every short top-level scalar value (the next save rewrites them
 * exactly from the form) and this workstation's agency as holder.
 */
export const migration005 = `
CREATE TABLE record_facts (
  form_id TEXT NOT NULL,
  record_id TEXT NOT NULL REFERENCES records (id),
  subject_id TEXT,
  holder TEXT NOT NULL,
  facts BLOB NOT NULL,
  PRIMARY KEY (form_id, record_id)
) WITHOUT ROWID;
CREATE INDEX record_facts_subject ON record_facts (subject_id) WHERE subject_id IS NOT NULL;
INSERT INTO record_facts (form_id, record_id, subject_id, holder, facts)
  SELECT r.form_id, r.id, r.subject_id,
         coalesce((SELECT json_extract(agency_json, '$.id') FROM workstation LIMIT 1), ''),
         jsonb(coalesce((SELECT json_group_object(j.key, j.value) FROM json_each(r.values_json) j
                   WHERE j.type IN ('integer', 'real', 'true', 'false') OR (j.type = 'text' AND length(j.value) BETWEEN 1 AND 64)), '{}'))
  FROM records r;
`;
