/** The activated workstation, its operators, and the local audit log. */
export const migration001 = `
CREATE TABLE workstation (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  agency_json TEXT NOT NULL,
  scope_json TEXT NOT NULL,
  server_url TEXT NOT NULL,
  tls_server_name TEXT NOT NULL,
  ca_cert_pem TEXT NOT NULL,
  client_key_pem TEXT NOT NULL,
  client_cert_pem TEXT NOT NULL,
  profile_id TEXT NOT NULL,
  profile_expires_at TEXT NOT NULL,
  activated_at TEXT NOT NULL
);
CREATE TABLE operators (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL
);
CREATE TABLE pending_password_changes (
  username TEXT PRIMARY KEY,
  current_hash TEXT NOT NULL,
  new_hash TEXT NOT NULL,
  new_kdf_json TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  details_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;
