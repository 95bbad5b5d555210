import type { Migration } from './migration';

/**
 * The audit log becomes a hash chain (issue 12, docs/security.md "The audit chain"). The
 * append-only triggers stop the server's own account, but the database owner can switch them off;
 * the chain makes such an edit, deletion, insertion or reordering visible to
 * `bala-server audit verify` (src-server/admin/auditVerify.ts recomputes every hash in Node).
 *
 * Each entry carries `seq` (1, 2, 3… without gaps), `prev_hash` (the previous entry's hash; 64
 * zeros for the first) and `hash` = SHA-256 (hex) of this encoding, in UTF-8:
 *
 *   "bala-audit-v1\n" then, for seq, id, at, actor, action, target, details, prev_hash in turn,
 *   "<byte length>:<text>\n" — or "-\n" for a null —
 *
 * where `at` is written in UTC as YYYY-MM-DDTHH:MM:SS.ffffffZ (microseconds) and `details` as
 * PostgreSQL writes jsonb as text. A BEFORE INSERT trigger fills the three columns under a
 * transaction-scoped advisory lock, so every writer (in a transaction or not, any number of server
 * processes on one PostgreSQL) extends one chain, and a plain INSERT cannot choose its own hash.
 * The rows that exist are chained here, in the order of their ids.
 */
export const auditChain: Migration = {
  version: 6,
  name: 'audit_chain',
  statements: [
    `ALTER TABLE audit_log ADD COLUMN seq integer`,
    `ALTER TABLE audit_log ADD COLUMN prev_hash text`,
    `ALTER TABLE audit_log ADD COLUMN hash text`,
    `CREATE FUNCTION audit_chain_field(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
       SELECT CASE WHEN $1 IS NULL THEN '-' ELSE octet_length(convert_to($1, 'UTF8'))::text || ':' || $1 END || chr(10)
     $$`,
    `CREATE FUNCTION audit_chain_hash(integer, integer, timestamptz, text, text, text, jsonb, text) RETURNS text LANGUAGE sql STABLE AS $$
       SELECT encode(sha256(convert_to(
         'bala-audit-v1' || chr(10)
         || audit_chain_field($1::text)
         || audit_chain_field($2::text)
         || audit_chain_field(to_char($3 AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
         || audit_chain_field($4)
         || audit_chain_field($5)
         || audit_chain_field($6)
         || audit_chain_field($7::text)
         || audit_chain_field($8),
         'UTF8')), 'hex')
     $$`,
    `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`,
    `DO $$
     DECLARE
       entry record;
       previous text := repeat('0', 64);
       n integer := 0;
     BEGIN
       FOR entry IN SELECT id, at, actor, action, target, details FROM audit_log ORDER BY id LOOP
         n := n + 1;
         UPDATE audit_log
            SET seq = n,
                prev_hash = previous,
                hash = audit_chain_hash(n, entry.id, entry.at, entry.actor, entry.action, entry.target, entry.details, previous)
          WHERE id = entry.id
          RETURNING hash INTO previous;
       END LOOP;
     END $$`,
    `ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete`,
    `ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL`,
    `ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL`,
    `ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL`,
    `ALTER TABLE audit_log ADD CONSTRAINT audit_log_seq_positive CHECK (seq >= 1)`,
    `ALTER TABLE audit_log ADD CONSTRAINT audit_log_hashes_hex CHECK (hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$')`,
    // One entry per place in the chain: two writers that somehow read the same tail cannot both commit.
    `ALTER TABLE audit_log ADD CONSTRAINT audit_log_seq_unique UNIQUE (seq)`,
    // 73502: the audit chain's lock (73501 is the sync writers' lock, src-server/sync/applyBatch.ts).
    `CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       last_seq integer;
       last_hash text;
     BEGIN
       PERFORM pg_advisory_xact_lock(73502);
       SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
       NEW.seq := coalesce(last_seq, 0) + 1;
       NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
       NEW.hash := audit_chain_hash(NEW.seq, NEW.id, NEW.at, NEW.actor, NEW.action, NEW.target, NEW.details, NEW.prev_hash);
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`,
  ],
};
