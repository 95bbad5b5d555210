/**
 * Sync with the central server: every saved change waits in the outbox (with its UUID change id
 * and the server revision it was made on) until the server answers it; records remember the
 * latest revision the server confirmed; the pull cursor and the last outcome are kept.
 * An outbox row freezes the record's values as saved (a retry sends the same bytes) and names
 * the sections that changed (NULL: all of them, a new record). Records saved before sync existed
 * are queued whole, so nothing entered offline is left behind.
 */
export const migration004 = `
ALTER TABLE records ADD COLUMN server_revision INTEGER;
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id TEXT NOT NULL UNIQUE,
  record_id TEXT NOT NULL REFERENCES records (id),
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  subject_id TEXT,
  base_revision INTEGER NOT NULL,
  values_json TEXT NOT NULL,
  sections_json TEXT,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict', 'rejected')),
  answer_json TEXT,
  attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_record ON outbox (record_id, seq);
CREATE INDEX outbox_state ON outbox (state, seq);
INSERT INTO outbox (change_id, record_id, form_id, form_version, subject_id, base_revision, values_json, sections_json, author, at, reason)
  SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
         id, form_id, form_version, subject_id, 0, values_json, NULL, updated_by, updated_at, NULL
  FROM (SELECT hex(randomblob(16)) AS h, * FROM records ORDER BY subject_id IS NOT NULL, created_at);
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
