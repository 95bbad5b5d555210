import type { ServerUser } from '../../shared/serverApi/serverApi';
import { normaliseUsername } from '../admin/adminInputs';
import { appendAudit } from '../admin/auditLog';
import { findUser, type UserRow } from '../admin/users';
import type { Database } from '../db/sql';
import { passwordMatches, spendDecoyCheck } from '../security/passwordHash';
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
}

/** Records a refused attempt in the audit log; an unknown user name is not kept (it may be a mistyped password). */
export async function auditRefusal(deps: AccountDeps, workstation: KnownWorkstation, action: string, username: string | null, code: string): Promise<void> {
  await appendAudit(deps.db, { actor: username ?? `workstation:${workstation.id}`, action, target: workstation.id, details: { refused: code } }, deps.now());
}

/**
 * Checks an operator's password as the server holds it. The lock is checked before the
 * password (a locked account gives no oracle); the account's state after it (a guesser learns
 * nothing about accounts). Five failures lock the account for fifteen minutes, counted in the
 * database, so a restart or a second server process does not reset them.
 */
export async function verifyOperator(deps: AccountDeps, workstation: KnownWorkstation, typedUsername: string, password: string, action: string): Promise<UserRow> {
  const username = normaliseUsername(typedUsername);
  const user = await findUser(deps.db, username);
  const now = deps.now();
  if (!user) {
    await spendDecoyCheck(password);
    await auditRefusal(deps, workstation, action, null, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
    throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
    throw new Refusal('USER_LOCKED', { retryAfter: new Date(user.locked_until).toISOString() });
  }
  if (!(await passwordMatches(password, { hash: user.password_hash, kdf: user.kdf }))) {
    await deps.db.query(
      `UPDATE users SET
         locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END,
         failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END
       WHERE username = $1`,
      [user.username, maxFailedAttempts, new Date(now.getTime() + lockoutMinutes * 60_000)],
    );
    await auditRefusal(deps, workstation, action, user.username, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
    throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
  }
  if (user.failed_attempts > 0 || user.locked_until) {
    await deps.db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = $1', [user.username]);
  }
  await checkAccountUsable(deps, workstation, user, action);
  return user;
}

/** Disabled, expired, or not issued to this workstation: refused even with the right password. */
export async function checkAccountUsable(deps: AccountDeps, workstation: KnownWorkstation, user: UserRow, action: string): Promise<void> {
  const refuse = async (code: 'USER_DISABLED' | 'USER_EXPIRED' | 'USER_NOT_ON_WORKSTATION') => {
    await auditRefusal(deps, workstation, action, user.username, code);
    return new Refusal(code);
  };
  if (user.disabled) throw await refuse('USER_DISABLED');
  if (new Date(user.valid_until).getTime() <= deps.now().getTime()) throw await refuse('USER_EXPIRED');
  const { rows } = await deps.db.query('SELECT 1 FROM workstation_users WHERE workstation_id = $1 AND username = $2', [workstation.id, user.username]);
  if (rows.length === 0 || user.agency_id !== workstation.agencyId) throw await refuse('USER_NOT_ON_WORKSTATION');
}
