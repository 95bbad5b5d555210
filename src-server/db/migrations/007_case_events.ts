import type { Migration } from './migration';

/**
 * The case logs on the server (docs/workflows.md, docs/sync.md "Case events"): every workflow
 * event a workstation pushed and the server accepted, kept forever. Append-only like the audit
 * log: a trigger refuses UPDATE, DELETE and TRUNCATE. `seq` comes from the records' sequence
 * (`record_change_seq`), so one pull cursor orders records and events together. `agency` is the
 * author's agency as the server knows it (not the record holder's: an approval comes from another
 * agency); `event` is the event exactly as pushed (checked by shared/workflows' checkEvent).
 */
export const caseEvents: Migration = {
  version: 7,
  name: 'case_events',
  statements: [
    `CREATE TABLE case_events (
       id text PRIMARY KEY,
       record_id uuid NOT NULL REFERENCES records (id),
       event jsonb NOT NULL,
       at timestamptz NOT NULL,
       author text NOT NULL,
       agency text NOT NULL,
       seq integer NOT NULL UNIQUE,
       workstation_id text NOT NULL,
       received_at timestamptz NOT NULL
     )`,
    `CREATE INDEX case_events_by_record ON case_events (record_id, seq)`,
    `CREATE FUNCTION case_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
       END $$`,
    `CREATE TRIGGER case_events_no_update_or_delete BEFORE UPDATE OR DELETE ON case_events
       FOR EACH ROW EXECUTE FUNCTION case_events_are_append_only()`,
    `CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
       FOR EACH STATEMENT EXECUTE FUNCTION case_events_are_append_only()`,
  ],
};
