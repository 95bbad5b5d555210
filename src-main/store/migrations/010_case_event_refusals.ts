/**
 * The central server's refusals of case events pushed from here (docs/sync.md "Case events"). The
 * case log stays append-only, so a refusal is kept beside it, not in it: one row per refused
 * event, written once, never changed or deleted. A refused event leaves the fold (the case's state
 * is the one every other workstation sees) and is shown in the case's history with its code.
 */
export const migration010 = `
CREATE TABLE case_event_refusals (
  event_id TEXT PRIMARY KEY REFERENCES case_events (id),
  code TEXT NOT NULL,
  reason TEXT,
  at TEXT NOT NULL
);
CREATE TRIGGER case_event_refusals_no_update BEFORE UPDATE ON case_event_refusals
  BEGIN SELECT RAISE(ABORT, 'case log is append-only'); END;
CREATE TRIGGER case_event_refusals_no_delete BEFORE DELETE ON case_event_refusals
  BEGIN SELECT RAISE(ABORT, 'case log is append-only'); END;
CREATE INDEX case_events_unpushed ON case_events (pushed_at) WHERE pushed_at IS NULL;
`;
