/** Records about another record (events on a pupil: a change of circumstances, a discharge). */
export const migration003 = `
ALTER TABLE records ADD COLUMN subject_id TEXT REFERENCES records (id);
CREATE INDEX records_subject ON records (subject_id, form_id);
`;
