import type { SqlRunner } from '../db/sql';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string | null;
  /** Never a password, hash or activation code. */
  details: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
}

/**
 * Appends to the audit log, in the caller's transaction: the action and its record stand or fall
 * together. The database chains the entry (server migration 006): a trigger takes the audit
 * chain's transaction-scoped advisory lock, reads the tail and sets seq, prev_hash and hash, so
 * appends are serialised across transactions and server processes — in a transaction the lock is
 * held until it commits, so append audit entries after the transaction's other locks (the sync
 * writers' lock first, as applyBatch does). Outside a transaction the INSERT is its own.
 */
export async function appendAudit(tx: SqlRunner, entry: AuditEntry, at: Date): Promise<void> {
  await tx.query('INSERT INTO audit_log (at, actor, action, target, details) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    at,
    entry.actor,
    entry.action,
    entry.target,
    JSON.stringify(entry.details),
  ]);
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** The latest entries, oldest first. */
export async function readAudit(db: SqlRunner, limit: number): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRow>(
    'SELECT id, at, actor, action, target, details FROM (SELECT * FROM audit_log ORDER BY id DESC LIMIT $1) latest ORDER BY id',
    [limit],
  );
  return rows.map((row) => ({ id: row.id, at: new Date(row.at).toISOString(), actor: row.actor, action: row.action, target: row.target, details: row.details }));
}
