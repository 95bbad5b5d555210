/**
 * The case log (docs/workflows.md): each workflow event of a case, as its author made it, kept
 * forever. Append-only like `audit_log`: the event, its record, time and author never change and
 * no row is deleted; only `pushed_at` (when the server acknowledged it, for the sync step) may
 * be set once. A second event with an id already here is ignored by the store (logs merge as a
 * union by id) and refused by the primary key.
 */
export const migration009 = `
CREATE TABLE case_events (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  event_json TEXT NOT NULL,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  pushed_at TEXT
);
CREATE INDEX case_events_by_record ON case_events (record_id, at);
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE OF id, record_id, event_json, at, author ON case_events
  BEGIN SELECT RAISE(ABORT, 'case log is append-only'); END;
CREATE TRIGGER case_events_pushed_once BEFORE UPDATE OF pushed_at ON case_events WHEN OLD.pushed_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'case log is append-only'); END;
CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case log is append-only'); END;
`;
