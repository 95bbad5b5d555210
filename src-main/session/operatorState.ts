import crypto from 'node:crypto';
import { accountStatementSchema, type AccountStatement, type SignedStatement } from '../../shared/serverApi/serverApi';
import type { CacheDatabase } from '../store/cacheDatabase';
import type { Keyring, RemovalReason } from '../store/keyring';

/*
 * Each operator's standing on this workstation, as the server's signed statements last said,
 * kept in the encrypted cache (migration 008). docs/security.md: why this, and not the keyring,
 * decides.
 */

export interface OperatorRow {
  username: string;
  display_name: string;
  role: string;
  credential_id: string | null;
  previous_credential_id: string | null;
  valid_until: string | null;
  disabled: number;
  must_change_password: number;
  statement_at: string | null;
  legacy: number;
}

export function operatorRow(db: CacheDatabase, username: string): OperatorRow | undefined {
  return db.prepare('SELECT * FROM operators WHERE lower(username) = lower(?)').get(username) as OperatorRow | undefined;
}

export function serverCertOf(db: CacheDatabase): string | null {
  const row = db.prepare('SELECT server_cert_pem FROM workstation LIMIT 1').get() as { server_cert_pem: string | null } | undefined;
  return row?.server_cert_pem ?? null;
}

/** The statement, if the server's key signed exactly these bytes; null otherwise. */
export function verifyStatement(signed: SignedStatement, serverCertPem: string): AccountStatement | null {
  try {
    const bytes = Buffer.from(signed.statement, 'base64');
    const key = new crypto.X509Certificate(serverCertPem).publicKey;
    if (!crypto.verify('sha256', bytes, key, Buffer.from(signed.signature, 'base64'))) return null;
    const parsed = accountStatementSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const hasPendingChange = (db: CacheDatabase, username: string): boolean =>
  db.prepare('SELECT 1 FROM pending_password_changes WHERE lower(username) = lower(?) AND request_json IS NOT NULL').get(username) !== undefined;

/** Destroys an operator's wrap and records that the cache no longer admits any credential of theirs. */
export function removeAccess(db: CacheDatabase, keyring: Keyring, username: string, reason: RemovalReason, now: Date): void {
  keyring.remove(username, reason);
  keyring.save();
  db.prepare('UPDATE operators SET credential_id = NULL, previous_credential_id = NULL, legacy = 0 WHERE lower(username) = lower(?)').run(username);
  db.prepare("DELETE FROM pending_password_changes WHERE lower(username) = lower(?)").run(username);
  db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)').run(now.toISOString(), username, 'session.accessRemoved', JSON.stringify({ reason }));
}

/**
 * Applies what the server says of an operator. Older than the last one applied: ignored (a
 * replayed statement changes nothing). Disabled, or a credential other than the one this
 * workstation holds (the password was reset or changed elsewhere): the wrap is destroyed — unless
 * the statement still names the password this workstation changed from, while that change waits
 * to reach the server. Answers whether access was removed.
 */
export function applyStatement(db: CacheDatabase, keyring: Keyring, statement: AccountStatement, now: Date): { removed: boolean } {
  if (statement.workstationId !== keyring.workstationId) return { removed: false };
  const row = operatorRow(db, statement.username);
  if (!row) return { removed: false };
  if (row.statement_at && Date.parse(row.statement_at) > Date.parse(statement.issuedAt)) return { removed: false };
  const waiting = hasPendingChange(db, row.username) && statement.credentialId === row.previous_credential_id;
  db.prepare('UPDATE operators SET valid_until = ?, disabled = ?, statement_at = ?, must_change_password = ? WHERE username = ?').run(
    statement.validUntil,
    statement.disabled ? 1 : 0,
    statement.issuedAt,
    waiting ? row.must_change_password : statement.mustChangePassword ? 1 : 0,
    row.username,
  );
  if (statement.disabled) {
    if (row.credential_id !== null || row.legacy === 1 || keyring.wrapOf(row.username)) removeAccess(db, keyring, row.username, 'disabled', now);
    return { removed: true };
  }
  if (waiting) return { removed: false };
  if (row.legacy === 1 || row.credential_id === statement.credentialId) {
    if (row.legacy !== 1) db.prepare('UPDATE operators SET previous_credential_id = NULL WHERE username = ?').run(row.username);
    return { removed: false };
  }
  if (row.credential_id === null && !keyring.wrapOf(row.username)) return { removed: false };
  removeAccess(db, keyring, row.username, 'credentialChanged', now);
  return { removed: true };
}

/** Records the credential the operator's new wrap opens with, and the statement that names it. */
export function adoptCredential(db: CacheDatabase, username: string, credentialId: string, previous: string | null): void {
  db.prepare('UPDATE operators SET credential_id = ?, previous_credential_id = ?, legacy = 0 WHERE lower(username) = lower(?)').run(credentialId, previous, username);
}
