import type { AccountPublic, ServerUser, SignInResult } from '../../shared/serverApi/serverApi';
import { normaliseUsername } from '../admin/adminInputs';
import { appendAudit } from '../admin/auditLog';
import { findUser, userColumns, type UserRow } from '../admin/users';
import type { Database, SqlRunner } from '../db/sql';
import { credentialIdOf, deriveAccountKeys } from '../security/accountKeys';
import { accountOf, statementOf } from '../security/accountStatements';
import { newScryptParams, passwordMatches, spendDecoyCheck } from '../security/passwordHash';
import type { FailureThrottle } from './failureThrottle';
import { openSession } from './operatorSessions';
import { Refusal } from './refusal';
import type { KnownWorkstation } from './workstationGuard';

/** The same rule as the workstation's own lock (src-main/session/sessionService.ts). */
export const maxFailedAttempts = 5;
export const lockoutMinutes = 15;

export const serverUser = (row: UserRow): ServerUser => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  agencyId: row.agency_id,
  validUntil: new Date(row.valid_until).toISOString(),
  mustChangePassword: row.must_change_password,
});

export interface AccountDeps {
  db: Database;
  now: () => Date;
  /** Signs operators' statements (the server's TLS key, pki/server.key.pem). */
  serverKeyPem: string;
  /** Failed sign-ins per workstation. */
  throttle: FailureThrottle;
  /** Failed sign-ins per account name, across workstations (see verifyOperator). */
  accountThrottle: FailureThrottle;
}

/** Records a refused attempt in the audit log; an unknown user name is not kept (it may be a mistyped password). */
export async function auditRefusal(deps: Pick<AccountDeps, 'db' | 'now'>, workstation: KnownWorkstation, action: string, username: string | null, code: string): Promise<void> {
  await appendAudit(deps.db, { actor: username ?? `workstation:${workstation.id}`, action, target: workstation.id, details: { refused: code } }, deps.now());
}

async function onWorkstation(db: SqlRunner, workstation: KnownWorkstation, user: UserRow): Promise<boolean> {
  if (user.agency_id !== workstation.agencyId) return false;
  const { rows } = await db.query('SELECT 1 FROM workstation_users WHERE workstation_id = $1 AND username = $2', [workstation.id, user.username]);
  return rows.length > 0;
}

/**
 * Checks an operator's password as the server holds it (issue 12, point 5):
 * - the password is always checked (the scrypt always spent) before anything is said of the
 *   account: unknown, wrong, and wrong-while-locked all answer USER_UNKNOWN_OR_WRONG_PASSWORD;
 *   only the right password learns USER_LOCKED, then disabled / expired / not on this workstation;
 * - failures lock the account (five, for fifteen minutes, counted in the database) only when they
 *   come from a workstation the account is on: another workstation cannot lock it out;
 * - every failure slows the workstation that made it (per-workstation throttle) and, for
 *   workstations the account is not on, the account name across them (per-account throttle, in
 *   memory): many stolen certificates guessing one account are slowed too, while the account's
 *   own workstations are never slowed by strangers.
 */
export async function verifyOperator(deps: AccountDeps, workstation: KnownWorkstation, typedUsername: string, password: string, action: string): Promise<UserRow> {
  const username = normaliseUsername(typedUsername);
  const now = deps.now();
  const blocked = deps.throttle.blockedUntil(workstation.id, now);
  if (blocked) throw new Refusal('TOO_MANY_ATTEMPTS', { retryAfter: blocked.toISOString() });
  const user = await findUser(deps.db, username);
  const own = user !== null && (await onWorkstation(deps.db, workstation, user));
  if (!own) {
    const accountBlocked = deps.accountThrottle.blockedUntil(username, now);
    if (accountBlocked) throw new Refusal('TOO_MANY_ATTEMPTS', { retryAfter: accountBlocked.toISOString() });
  }
  let matches = false;
  if (user) matches = await passwordMatches(password, { hash: user.password_hash, kdf: user.kdf });
  else await spendDecoyCheck(password);
  if (!user || !matches) {
    deps.throttle.fail(workstation.id, now);
    deps.accountThrottle.fail(username, now);
    if (user && own) {
      await deps.db.query(
        `UPDATE users SET
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END,
           failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END
         WHERE username = $1`,
        [user.username, maxFailedAttempts, new Date(now.getTime() + lockoutMinutes * 60_000)],
      );
    }
    await auditRefusal(deps, workstation, action, own ? username : null, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
    throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
    await auditRefusal(deps, workstation, action, user.username, 'USER_LOCKED');
    throw new Refusal('USER_LOCKED', { retryAfter: new Date(user.locked_until).toISOString() });
  }
  if (own && (user.failed_attempts > 0 || user.locked_until)) {
    await deps.db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = $1', [user.username]);
  }
  await checkAccountUsable(deps, workstation, user, action);
  return user;
}

/** Disabled, expired, or not issued to this workstation: refused even with the right password. */
export async function checkAccountUsable(deps: Pick<AccountDeps, 'db' | 'now'>, workstation: KnownWorkstation, user: UserRow, action: string): Promise<void> {
  const refuse = async (code: 'USER_DISABLED' | 'USER_EXPIRED' | 'USER_NOT_ON_WORKSTATION') => {
    await auditRefusal(deps, workstation, action, user.username, code);
    return new Refusal(code);
  };
  if (user.disabled) throw await refuse('USER_DISABLED');
  if (new Date(user.valid_until).getTime() <= deps.now().getTime()) throw await refuse('USER_EXPIRED');
  if (!(await onWorkstation(deps.db, workstation, user))) throw await refuse('USER_NOT_ON_WORKSTATION');
}

/**
 * An account made before account keys (migration 005) gets them at its first online sign-in,
 * derived from the password just typed and checked.
 */
export async function ensureAccountKeys(db: SqlRunner, user: UserRow, password: string): Promise<UserRow> {
  if (accountOf(user)) return user;
  const keys = await deriveAccountKeys(password, newScryptParams());
  const { rows } = await db.query<UserRow>(
    `UPDATE users SET account_kdf = $2::jsonb, sign_pub = $3, wrap_pub = $4 WHERE username = $1 AND sign_pub IS NULL RETURNING ${userColumns}`,
    [user.username, JSON.stringify(keys.public.kdf), keys.public.signPub, keys.public.wrapPub],
  );
  return rows[0] ?? ((await findUser(db, user.username)) as UserRow);
}

/** A new session for an operator whose account has keys, with the account and its signed statement. */
export async function signInResult(deps: Pick<AccountDeps, 'serverKeyPem'>, db: SqlRunner, workstation: KnownWorkstation, user: UserRow, now: Date): Promise<SignInResult> {
  const account: AccountPublic | null = accountOf(user);
  if (!account) throw new Refusal('ACCOUNT_KEYS_MISSING');
  const session = await openSession(db, workstation.id, user.username, credentialIdOf(account), now);
  return { user: serverUser(user), session, account, statement: statementOf(deps.serverKeyPem, workstation.id, user, account, now) };
}
