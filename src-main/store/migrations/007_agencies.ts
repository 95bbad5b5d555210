/**
 * Who holds what (docs/security.md, "Scope per operator on the workstation"): the agencies the
 * server named with pulled records, with their territory code and department, so that each
 * operator's reads are limited to their role's reach even when another operator of this
 * workstation pulled more. The names kept so far in `sync_state` (`agency:<id>`) move here
 * (territory and department unknown until the next pull: out of every reach but 'all'). The
 * pull cursor becomes one per operator (`pullCursor:<username>`): the shared one is dropped and
 * the next pull reads again from 0 (idempotent), filling in the territories.
 */
export const migration007 = `
CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  territory TEXT,
  department TEXT
);
INSERT INTO agencies (id, name)
  SELECT substr(key, 8), value FROM sync_state WHERE key LIKE 'agency:%' AND length(key) > 7;
DELETE FROM sync_state WHERE key LIKE 'agency:%';
DELETE FROM sync_state WHERE key = 'pullCursor';
`;
