import { registryPacks } from '../../shared/packs';
import type { ScryptParams } from '../../shared/profile/profileFormat';
import { sqlState, uniqueViolation, type SqlRunner } from '../db/sql';
import { newOperatorPassword } from '../security/generatedSecrets';
import { deriveAccountKeys } from '../security/accountKeys';
import type { AccountColumns } from '../security/accountStatements';
import { hashPassword, newScryptParams, type StoredPassword } from '../security/passwordHash';
import type { AccountPublic } from '../../shared/serverApi/serverApi';
import type { AdminContext } from './adminContext';
import { AdminError, parseInput } from './adminError';
import { addUserInput, disableUserInput, listUsersInput, usernameInput } from './adminInputs';
import { findAgency } from './agencies';
import { appendAudit } from './auditLog';

export interface UserView {
  username: string;
  displayName: string;
  agencyId: string;
  role: string;
  validUntil: string;
  disabled: boolean;
  disabledReason: string | null;
  lockedUntil: string | null;
  mustChangePassword: boolean;
}

export interface UserRow extends AccountColumns {
  username: string;
  display_name: string;
  agency_id: string;
  role: string;
  password_hash: string;
  kdf: ScryptParams;
  valid_until: Date;
  disabled: boolean;
  disabled_reason: string | null;
  failed_attempts: number;
  locked_until: Date | null;
  must_change_password: boolean;
}

export const userColumns =
  'username, display_name, agency_id, role, password_hash, kdf, valid_until, disabled, disabled_reason, failed_attempts, locked_until, must_change_password, account_kdf, sign_pub, wrap_pub';

/** What a password becomes on the server: its hash (own salt) and the public halves of its account keys (another salt). */
export interface NewCredential {
  stored: StoredPassword;
  account: AccountPublic;
}

export async function newCredential(password: string): Promise<NewCredential> {
  const stored = await hashPassword(password);
  const keys = await deriveAccountKeys(password, newScryptParams());
  return { stored, account: keys.public };
}

/** Ends every live server session of a user (a reset, a disabling, a password change elsewhere). */
export async function endUserSessions(db: SqlRunner, username: string, now: Date): Promise<void> {
  await db.query('UPDATE operator_sessions SET ended_at = $2 WHERE username = $1 AND ended_at IS NULL', [username, now]);
}

export const userView = (row: UserRow): UserView => ({
  username: row.username,
  displayName: row.display_name,
  agencyId: row.agency_id,
  role: row.role,
  validUntil: new Date(row.valid_until).toISOString(),
  disabled: row.disabled,
  disabledReason: row.disabled_reason,
  lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
  mustChangePassword: row.must_change_password,
});

/** A new account and the password generated for it: shown once, never stored. */
export interface IssuedPassword {
  user: UserView;
  password: string;
}

const day = 86_400_000;

/** Roles come from the registry packs; before any pack is registered, any well-formed role id. */
function checkRole(role: string): void {
  const known = new Set(registryPacks.flatMap((pack) => pack.roles.map((def) => def.id)));
  if (known.size > 0 && !known.has(role)) throw new AdminError('ROLE_UNKNOWN', { role, known: [...known].sort().join(', ') });
}

export async function findUser(db: SqlRunner, username: string, forUpdate = false): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${userColumns} FROM users WHERE username = $1${forUpdate ? ' FOR UPDATE' : ''}`, [username]);
  return rows[0] ?? null;
}

async function mustFindUser(db: SqlRunner, username: string): Promise<UserRow> {
  const row = await findUser(db, username, true);
  if (!row) throw new AdminError('USER_NOT_FOUND', { username });
  return row;
}

/** `user add`: an account valid for N days (Pack 1 §10.3) with a generated password it must change. */
export async function addUser(ctx: AdminContext, input: unknown): Promise<IssuedPassword> {
  const request = parseInput(addUserInput, input);
  checkRole(request.role);
  const password = newOperatorPassword(request.username);
  const { stored, account } = await newCredential(password);
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const agency = await findAgency(tx, request.agency);
      const { rows } = await tx.query<UserRow>(
        `INSERT INTO users (username, display_name, agency_id, role, password_hash, kdf, valid_until, must_change_password, password_changed_at, created_at, account_kdf, sign_pub, wrap_pub)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, true, $8, $8, $9::jsonb, $10, $11) RETURNING ${userColumns}`,
        [
          request.username,
          request.displayName ?? request.username,
          agency.id,
          request.role,
          stored.hash,
          JSON.stringify(stored.kdf),
          new Date(now.getTime() + request.validDays * day),
          now,
          JSON.stringify(account.kdf),
          account.signPub,
          account.wrapPub,
        ],
      );
      const user = userView(rows[0] as UserRow);
      await appendAudit(tx, { actor: ctx.actor, action: 'user.add', target: user.username, details: { agency: agency.id, role: user.role, validUntil: user.validUntil } }, now);
      return { user, password };
    });
  } catch (error) {
    if (sqlState(error) === uniqueViolation) throw new AdminError('USER_EXISTS', { username: request.username });
    throw error;
  }
}

/**
 * `user reset-password`: a new generated password, to be changed at the next sign-in; the lock is
 * lifted; new account keys (the old password stops opening anything at the workstations' next
 * contact) and the account's server sessions end.
 */
export async function resetPassword(ctx: AdminContext, input: unknown): Promise<IssuedPassword> {
  const { username } = parseInput(usernameInput, input);
  const password = newOperatorPassword(username);
  const { stored, account } = await newCredential(password);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await mustFindUser(tx, username);
    const { rows } = await tx.query<UserRow>(
      `UPDATE users SET password_hash = $2, kdf = $3::jsonb, must_change_password = true, failed_attempts = 0, locked_until = NULL, password_changed_at = $4,
         account_kdf = $5::jsonb, sign_pub = $6, wrap_pub = $7
       WHERE username = $1 RETURNING ${userColumns}`,
      [username, stored.hash, JSON.stringify(stored.kdf), now, JSON.stringify(account.kdf), account.signPub, account.wrapPub],
    );
    await endUserSessions(tx, username, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'user.resetPassword', target: username, details: {} }, now);
    return { user: userView(rows[0] as UserRow), password };
  });
}

/** `user disable`: the account stops working at once, on the server and at the next online check of each workstation. */
export async function disableUser(ctx: AdminContext, input: unknown): Promise<UserView> {
  const { username, reason } = parseInput(disableUserInput, input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await mustFindUser(tx, username);
    const { rows } = await tx.query<UserRow>(`UPDATE users SET disabled = true, disabled_reason = $2 WHERE username = $1 RETURNING ${userColumns}`, [username, reason]);
    await endUserSessions(tx, username, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'user.disable', target: username, details: { reason } }, now);
    return userView(rows[0] as UserRow);
  });
}

export async function enableUser(ctx: AdminContext, input: unknown): Promise<UserView> {
  const { username } = parseInput(usernameInput, input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await mustFindUser(tx, username);
    const { rows } = await tx.query<UserRow>(`UPDATE users SET disabled = false, disabled_reason = NULL WHERE username = $1 RETURNING ${userColumns}`, [username]);
    await appendAudit(tx, { actor: ctx.actor, action: 'user.enable', target: username, details: {} }, now);
    return userView(rows[0] as UserRow);
  });
}

export async function listUsers(ctx: AdminContext, input: unknown): Promise<UserView[]> {
  const { agency } = parseInput(listUsersInput, input);
  const agencyId = agency ? (await findAgency(ctx.db, agency)).id : null;
  const { rows } = await ctx.db.query<UserRow>(`SELECT ${userColumns} FROM users WHERE $1::text IS NULL OR agency_id = $1 ORDER BY username`, [agencyId]);
  return rows.map(userView);
}
