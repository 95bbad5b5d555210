/**
 * Who may open this cache, as the server last said (docs/security.md). The keyring beside the
 * cache holds only key wraps and lock-out counters; what decides is here, inside the encrypted,
 * authenticated cache: each operator's current credential (the account key their wrap must
 * match: NULL once their access was removed), the previous one while a local password change
 * waits to reach the server, validity, disabling, the forced change, and the time of the
 * newest server statement applied (an older one, replayed, changes nothing). Offline password
 * changes are kept as the signed request the server will check.
 */
export const migration008 = `
ALTER TABLE operators ADD COLUMN credential_id TEXT;
ALTER TABLE operators ADD COLUMN previous_credential_id TEXT;
ALTER TABLE operators ADD COLUMN valid_until TEXT;
ALTER TABLE operators ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE operators ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE operators ADD COLUMN statement_at TEXT;
ALTER TABLE operators ADD COLUMN legacy INTEGER NOT NULL DEFAULT 1;
ALTER TABLE pending_password_changes ADD COLUMN request_json TEXT;
ALTER TABLE pending_password_changes ADD COLUMN signature TEXT;
`;
