/**
 * Registry records of every pack, their full history, per-operator drafts, encrypted blobs
 * (photos) and the identity keys duplicate search uses. Records are never deleted (Pack 1 keeps
 * them 75 years); history rows are append-only.
 */
export const migration002 = `
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  values_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX records_form ON records (form_id, updated_at);
CREATE TABLE record_history (
  record_id TEXT NOT NULL REFERENCES records (id),
  revision INTEGER NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  changes_json TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (record_id, revision)
);
CREATE TRIGGER record_history_append_only_update BEFORE UPDATE ON record_history BEGIN SELECT RAISE(ABORT, 'record history is append-only'); END;
CREATE TRIGGER record_history_append_only_delete BEFORE DELETE ON record_history BEGIN SELECT RAISE(ABORT, 'record history is append-only'); END;
CREATE TRIGGER records_never_deleted BEFORE DELETE ON records BEGIN SELECT RAISE(ABORT, 'records are kept, never deleted'); END;
CREATE TABLE record_keys (
  record_id TEXT NOT NULL REFERENCES records (id),
  form_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE INDEX record_keys_lookup ON record_keys (form_id, kind, value);
CREATE INDEX record_keys_record ON record_keys (record_id);
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  form_id TEXT NOT NULL,
  record_id TEXT,
  base_revision INTEGER,
  values_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX drafts_owner ON drafts (owner, updated_at);
CREATE TABLE blobs (
  id TEXT PRIMARY KEY,
  mime_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
`;
