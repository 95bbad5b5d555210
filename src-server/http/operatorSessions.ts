import crypto from 'node:crypto';
import type { ServerSession } from '../../shared/serverApi/serverApi';
import type { SqlRunner } from '../db/sql';
import { credentialIdOf } from '../security/accountKeys';
import { Refusal } from './refusal';
import type { KnownWorkstation } from './workstationGuard';

/*
 * Operators' server sessions (docs/security.md): an online sign-in, a resume or a password change
 * opens one, bound to the workstation (its client certificate) and the operator, for twelve hours.
 * The workstation holds the token in memory and names it in the x-bala-session header; the server
 * keeps only its SHA-256. Pull, photos and push take the operator from here, never from the body.
 */

export const sessionHours = 12;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export const tokenHash = (token: string): string => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** The operator a live session names: who acts, with what role, for the rest of the request. */
export interface SessionOperator {
  username: string;
  role: string;
  agencyId: string;
  tokenHash: string;
}

export async function openSession(db: SqlRunner, workstationId: string, username: string, credentialId: string, now: Date): Promise<ServerSession> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  await db.query(
    'INSERT INTO operator_sessions (token_hash, workstation_id, username, credential_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [tokenHash(token), workstationId, username, credentialId, now, expiresAt],
  );
  return { token, expiresAt: expiresAt.toISOString() };
}

/** Ends the session the token names on this workstation (sign-out, lock); true if one was live. */
export async function endSession(db: SqlRunner, workstation: KnownWorkstation, token: string | undefined, now: Date): Promise<boolean> {
  if (!token || !tokenPattern.test(token)) return false;
  const { rowCount } = await db.query('UPDATE operator_sessions SET ended_at = $3 WHERE token_hash = $1 AND workstation_id = $2 AND ended_at IS NULL', [tokenHash(token), workstation.id, now]);
  return (rowCount ?? 0) > 0;
}

interface SessionRow {
  username: string;
  credential_id: string;
  expires_at: Date;
  ended_at: Date | null;
  role: string;
  agency_id: string;
  disabled: boolean;
  valid_until: Date;
  sign_pub: string | null;
  wrap_pub: string | null;
  on_workstation: boolean;
}

/**
 * The live session the header names, of this workstation, whose account is still enabled, valid,
 * on this workstation and with the same password (credential) as when the session began.
 */
export async function requireSession(db: SqlRunner, workstation: KnownWorkstation, token: string | undefined, now: Date): Promise<SessionOperator> {
  if (!token || !tokenPattern.test(token)) throw new Refusal('SESSION_REQUIRED');
  const hash = tokenHash(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT s.username, s.credential_id, s.expires_at, s.ended_at, u.role, u.agency_id, u.disabled, u.valid_until, u.sign_pub, u.wrap_pub,
            EXISTS (SELECT 1 FROM workstation_users wu WHERE wu.workstation_id = s.workstation_id AND wu.username = s.username) AS on_workstation
     FROM operator_sessions s JOIN users u ON u.username = s.username
     WHERE s.token_hash = $1 AND s.workstation_id = $2`,
    [hash, workstation.id],
  );
  const row = rows[0];
  if (!row || row.ended_at !== null || new Date(row.expires_at).getTime() <= now.getTime()) throw new Refusal('SESSION_REQUIRED');
  if (row.disabled) throw new Refusal('USER_DISABLED');
  if (new Date(row.valid_until).getTime() <= now.getTime()) throw new Refusal('USER_EXPIRED');
  if (!row.on_workstation || row.agency_id !== workstation.agencyId) throw new Refusal('USER_NOT_ON_WORKSTATION');
  // A reset or a change of the password since: the session belonged to the old one.
  if (!row.sign_pub || !row.wrap_pub || credentialIdOf({ signPub: row.sign_pub, wrapPub: row.wrap_pub }) !== row.credential_id) throw new Refusal('SESSION_REQUIRED');
  return { username: row.username, role: row.role, agencyId: row.agency_id, tokenHash: hash };
}
