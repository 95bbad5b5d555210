import type { Migration } from './migration';

/**
 * The registry itself (Pack 3 §2.4.5, §3.4): every record with every revision, who sent each from
 * which workstation, the change ids already applied (idempotent pushes), photos, and what the
 * administrator sees of each workstation's sync. `seq` orders changes for the pull cursor.
 */
export const syncSchema: Migration = {
  version: 2,
  name: 'sync',
  statements: [
    `CREATE SEQUENCE record_change_seq AS integer`,
    `CREATE TABLE records (
       id uuid PRIMARY KEY,
       form_id text NOT NULL,
       form_version integer NOT NULL,
       agency_id text NOT NULL REFERENCES agencies (id),
       subject_id uuid REFERENCES records (id),
       values jsonb NOT NULL,
       revision integer NOT NULL CHECK (revision >= 1),
       seq integer NOT NULL,
       created_at timestamptz NOT NULL,
       created_by text NOT NULL,
       updated_at timestamptz NOT NULL,
       updated_by text NOT NULL
     )`,
    `CREATE INDEX records_by_agency_seq ON records (agency_id, seq)`,
    `CREATE INDEX records_by_seq ON records (seq)`,
    `CREATE INDEX records_by_form ON records (form_id, updated_at)`,
    `CREATE TABLE record_revisions (
       record_id uuid NOT NULL REFERENCES records (id),
       revision integer NOT NULL,
       change_id uuid NOT NULL UNIQUE,
       values jsonb NOT NULL,
       sections jsonb NOT NULL,
       workstation_id text NOT NULL REFERENCES workstations (id),
       author text NOT NULL,
       made_at timestamptz NOT NULL,
       received_at timestamptz NOT NULL,
       reason text,
       content_hash text NOT NULL,
       PRIMARY KEY (record_id, revision)
     )`,
    `CREATE TABLE blobs (
       id uuid PRIMARY KEY,
       mime_type text NOT NULL,
       sha256 text NOT NULL,
       data_base64 text NOT NULL,
       agency_id text NOT NULL REFERENCES agencies (id),
       received_at timestamptz NOT NULL
     )`,
    // Revisions are the registry's memory: never changed, never removed.
    `CREATE FUNCTION record_revisions_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'record revisions are kept as received (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER record_revisions_final BEFORE UPDATE OR DELETE ON record_revisions
       FOR EACH ROW EXECUTE FUNCTION record_revisions_are_final()`,
    `ALTER TABLE workstations ADD COLUMN last_contact_at timestamptz`,
    `ALTER TABLE workstations ADD COLUMN pending_count integer NOT NULL DEFAULT 0`,
    `ALTER TABLE workstations ADD COLUMN refusal_count integer NOT NULL DEFAULT 0`,
    `ALTER TABLE workstations ADD COLUMN last_refusal text`,
  ],
};
