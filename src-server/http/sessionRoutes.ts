import crypto from 'node:crypto';
import type { z } from 'zod';
import { passwordProblems } from '../../shared/profile/passwordPolicy';
import { cacheEscrowLabel, passwordChangeMessage, proofWindowMs, resumeMessage } from '../../shared/serverApi/accountProofs';
import {
  type AccountsResult,
  cacheKeyRequestSchema,
  changePasswordRequestSchema,
  offlinePasswordChangeRequestSchema,
  resumeRequestSchema,
  serverRoutes,
  signInRequestSchema,
  type OperatorsResult,
  type SignInResult,
  type WorkstationStatus,
} from '../../shared/serverApi/serverApi';
import { normaliseUsername } from '../admin/adminInputs';
import { appendAudit } from '../admin/auditLog';
import { endUserSessions, findUser, newCredential, userColumns, type UserRow } from '../admin/users';
import type { SqlRunner } from '../db/sql';
import { verifyMessage } from '../security/accountKeys';
import { accountOf, statementOf } from '../security/accountStatements';
import { strongEnough } from '../security/passwordHash';
import { auditRefusal, checkAccountUsable, ensureAccountKeys, signInResult, verifyOperator, type AccountDeps } from './operatorAccounts';
import { endSession } from './operatorSessions';
import { Refusal } from './refusal';
import type { GuardedRoutes } from './guardedRoutes';
import type { KnownWorkstation } from './workstationGuard';

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Refusal('INVALID_INPUT');
  return parsed.data;
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** Records a proof as used; false if it was used before (a replay). */
async function useProof(db: SqlRunner, kind: 'resume' | 'passwordChange', message: string, username: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query('INSERT INTO used_proofs (proof_hash, kind, username, used_at) VALUES ($1, $2, $3, $4) ON CONFLICT (proof_hash) DO NOTHING', [sha256(message), kind, username, now]);
  return (rowCount ?? 0) > 0;
}

/** A retry of an offline password change whose answer was lost is answered again for this long. */
export const passwordChangeRetryMs = 24 * 3_600_000;

/**
 * The workstation's status, sign-in, session and password routes (shared/serverApi/serverApi.ts,
 * docs/security.md). Every accepted sign-in, resume or password change answers a SignInResult:
 * the user, a new server session, the account's public keys and the server's signed statement.
 */
export function registerSessionRoutes(routes: GuardedRoutes, deps: AccountDeps & { serverKeyPem: string }): void {
  routes.get(serverRoutes.workstationStatus, 'status', (workstation): Promise<WorkstationStatus> =>
    Promise.resolve({ workstationId: workstation.id, status: workstation.status, reason: workstation.reason, serverTime: deps.now().toISOString() }),
  );

  /** Restricted: the operator is who they say, and may read locally; the answer says read-only, with the reason (no session). */
  const admitSignedIn = async (workstation: KnownWorkstation, user: UserRow, action: string): Promise<SignInResult> => {
    const readOnly = workstation.status === 'restricted';
    const now = deps.now();
    if (readOnly) {
      await appendAudit(deps.db, { actor: user.username, action, target: workstation.id, details: { readOnly } }, now);
      throw new Refusal('WORKSTATION_RESTRICTED', { reason: workstation.reason ?? '' });
    }
    return deps.db.transaction(async (tx) => {
      const result = await signInResult(deps, tx, workstation, user, now);
      await appendAudit(tx, { actor: user.username, action, target: workstation.id, details: {} }, now);
      return result;
    });
  };

  routes.post(serverRoutes.signIn, 'account', async (workstation, body) => {
    const { username, password } = parseBody(signInRequestSchema, body);
    const checked = await verifyOperator(deps, workstation, username, password, 'session.signIn');
    const user = await ensureAccountKeys(deps.db, checked, password);
    return admitSignedIn(workstation, user, 'session.signIn');
  });

  routes.post(serverRoutes.changePassword, 'account', async (workstation, body) => {
    const request = parseBody(changePasswordRequestSchema, body);
    const user = await verifyOperator(deps, workstation, request.username, request.currentPassword, 'session.changePassword');
    // A restricted workstation gets no session: the change waits until the restriction is lifted.
    if (workstation.status === 'restricted') throw new Refusal('WORKSTATION_RESTRICTED', { reason: workstation.reason ?? '' });
    const problems = passwordProblems(request.newPassword, user.username);
    if (problems.length > 0) throw new Refusal('PASSWORD_POLICY', { params: { problems: problems.join(', ') } });
    const { stored, account } = await newCredential(request.newPassword);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const { rows } = await tx.query<UserRow>(
        `UPDATE users SET password_hash = $2, kdf = $3::jsonb, must_change_password = false, password_changed_at = $4, account_kdf = $5::jsonb, sign_pub = $6, wrap_pub = $7
         WHERE username = $1 RETURNING ${userColumns}`,
        [user.username, stored.hash, JSON.stringify(stored.kdf), now, JSON.stringify(account.kdf), account.signPub, account.wrapPub],
      );
      await endUserSessions(tx, user.username, now);
      await appendAudit(tx, { actor: user.username, action: 'session.changePassword', target: workstation.id, details: {} }, now);
      return signInResult(deps, tx, workstation, rows[0] as UserRow, now);
    });
  });

  routes.post(serverRoutes.resume, 'account', async (workstation, body) => {
    const request = parseBody(resumeRequestSchema, body);
    const now = deps.now();
    const blocked = deps.throttle.blockedUntil(workstation.id, now);
    if (blocked) throw new Refusal('TOO_MANY_ATTEMPTS', { retryAfter: blocked.toISOString() });
    const username = normaliseUsername(request.username);
    const user = await findUser(deps.db, username);
    const account = user ? accountOf(user) : null;
    const message = resumeMessage(workstation.id, username, request.at);
    if (!user || !account || !verifyMessage(account.signPub, message, request.signature)) {
      // Not this account's current key: a password changed or reset since, or a forgery.
      deps.throttle.fail(workstation.id, now);
      await auditRefusal(deps, workstation, 'session.resume', null, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
      throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
    }
    if (Math.abs(Date.parse(request.at) - now.getTime()) > proofWindowMs) {
      await auditRefusal(deps, workstation, 'session.resume', user.username, 'INVALID_INPUT');
      throw new Refusal('INVALID_INPUT', { params: { detail: 'at: not within five minutes of the server’s clock' } });
    }
    if (user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) throw new Refusal('USER_LOCKED', { retryAfter: new Date(user.locked_until).toISOString() });
    await checkAccountUsable(deps, workstation, user, 'session.resume');
    if (!(await useProof(deps.db, 'resume', message, user.username, now))) {
      await auditRefusal(deps, workstation, 'session.resume', user.username, 'INVALID_INPUT');
      throw new Refusal('INVALID_INPUT', { params: { detail: 'signature: already used' } });
    }
    return admitSignedIn(workstation, user, 'session.resume');
  });

  routes.post(serverRoutes.signOut, 'status', async (workstation, _body, request) => {
    const ended = await endSession(deps.db, workstation, request.sessionToken, deps.now());
    return { ended };
  });

  routes.post(serverRoutes.offlinePasswordChange, 'account', async (workstation, body) => {
    const request = parseBody(offlinePasswordChangeRequestSchema, body);
    // Three derivations, three salts: a server hash equal to the account seed would open the cache.
    const salts = new Set([request.newKdf.salt, request.newAccount.kdf.salt]);
    if (!strongEnough(request.newKdf) || !strongEnough(request.newAccount.kdf) || salts.size !== 2) {
      throw new Refusal('INVALID_INPUT', { params: { detail: 'kdf' } });
    }
    const now = deps.now();
    if (Date.parse(request.at) > now.getTime() + proofWindowMs) throw new Refusal('INVALID_INPUT', { params: { detail: 'at: in the future' } });
    const blocked = deps.throttle.blockedUntil(workstation.id, now);
    if (blocked) throw new Refusal('TOO_MANY_ATTEMPTS', { retryAfter: blocked.toISOString() });
    const username = normaliseUsername(request.username);
    const user = await findUser(deps.db, username);
    if (!user) {
      deps.throttle.fail(workstation.id, now);
      await auditRefusal(deps, workstation, 'session.changePasswordOffline', null, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
      throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
    }
    const { signature, ...signed } = request;
    const message = passwordChangeMessage(workstation.id, signed);
    const current = accountOf(user);
    const alreadyApplied =
      current !== null &&
      user.password_hash === request.newPasswordHash &&
      user.kdf.salt === request.newKdf.salt &&
      current.signPub === request.newAccount.signPub &&
      current.wrapPub === request.newAccount.wrapPub &&
      current.kdf.salt === request.newAccount.kdf.salt;
    if (alreadyApplied) {
      // A retry whose first answer was lost: the same request, applied here within the last day.
      const { rows } = await deps.db.query<{ used_at: Date }>("SELECT used_at FROM used_proofs WHERE proof_hash = $1 AND kind = 'passwordChange'", [sha256(message)]);
      const usedAt = rows[0]?.used_at;
      if (usedAt && now.getTime() - new Date(usedAt).getTime() <= passwordChangeRetryMs) {
        await checkAccountUsable(deps, workstation, user, 'session.changePasswordOffline');
        return admitSignedIn(workstation, user, 'session.changePasswordOffline');
      }
    }
    if (!current || !verifyMessage(current.signPub, message, signature)) {
      // Not signed by the account's current key: the password changed since (a reset, a change elsewhere), or a forgery.
      deps.throttle.fail(workstation.id, now);
      await auditRefusal(deps, workstation, 'session.changePasswordOffline', user.username, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
      throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
    }
    // Only a proof of the current password learns the account's state (no user-name oracle).
    await checkAccountUsable(deps, workstation, user, 'session.changePasswordOffline');
    if (workstation.status === 'restricted') {
      await auditRefusal(deps, workstation, 'session.changePasswordOffline', user.username, 'WORKSTATION_RESTRICTED');
      throw new Refusal('WORKSTATION_RESTRICTED', { reason: workstation.reason ?? '' });
    }
    return deps.db.transaction(async (tx) => {
      if (!(await useProof(tx, 'passwordChange', message, user.username, now))) throw new Refusal('INVALID_INPUT', { params: { detail: 'signature: already used' } });
      const { rows } = await tx.query<UserRow>(
        `UPDATE users SET password_hash = $2, kdf = $3::jsonb, must_change_password = false, password_changed_at = $4, account_kdf = $5::jsonb, sign_pub = $6, wrap_pub = $7
         WHERE username = $1 AND sign_pub = $8 RETURNING ${userColumns}`,
        [user.username, request.newPasswordHash, JSON.stringify(request.newKdf), now, JSON.stringify(request.newAccount.kdf), request.newAccount.signPub, request.newAccount.wrapPub, current.signPub],
      );
      const row = rows[0];
      if (!row) throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
      await endUserSessions(tx, user.username, now);
      await appendAudit(tx, { actor: user.username, action: 'session.changePasswordOffline', target: workstation.id, details: { madeAt: request.at } }, now);
      return signInResult(deps, tx, workstation, row, now);
    });
  });

  routes.postAs(serverRoutes.cacheKey, 'read', async (workstation, operator, body) => {
    const { escrow } = parseBody(cacheKeyRequestSchema, body);
    let dataKey: Buffer;
    try {
      dataKey = crypto.privateDecrypt(
        { key: deps.serverKeyPem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(cacheEscrowLabel(workstation.id), 'utf8') },
        Buffer.from(escrow, 'base64'),
      );
    } catch {
      throw new Refusal('INVALID_INPUT', { params: { detail: 'escrow' } });
    }
    if (dataKey.length !== 32) throw new Refusal('INVALID_INPUT', { params: { detail: 'escrow' } });
    await appendAudit(deps.db, { actor: operator.username, action: 'session.cacheKey', target: workstation.id, details: {} }, deps.now());
    return { dataKey: dataKey.toString('base64') };
  });

  routes.get(serverRoutes.operators, 'status', async (workstation): Promise<OperatorsResult> => {
    const now = deps.now();
    const { rows } = await deps.db.query<UserRow>(
      `SELECT ${userColumns.split(', ').map((column) => `u.${column}`).join(', ')} FROM users u JOIN workstation_users wu ON wu.username = u.username WHERE wu.workstation_id = $1 ORDER BY u.username`,
      [workstation.id],
    );
    // An account without keys (made before them, never signed in online since) has no credential to state: left out.
    const operators = rows.flatMap((user) => {
      const account = accountOf(user);
      return account ? [{ username: user.username, statement: statementOf(deps.serverKeyPem, workstation.id, user, account, now) }] : [];
    });
    return { operators };
  });

  routes.postAs(serverRoutes.accounts, 'read', async (workstation): Promise<AccountsResult> => {
    const now = deps.now();
    const { rows } = await deps.db.query<UserRow>(
      `SELECT ${userColumns.split(', ').map((column) => `u.${column}`).join(', ')} FROM users u JOIN workstation_users wu ON wu.username = u.username
       WHERE wu.workstation_id = $1 AND NOT u.disabled AND u.valid_until > $2 AND u.agency_id = $3 ORDER BY u.username`,
      [workstation.id, now, workstation.agencyId],
    );
    const accounts = rows.flatMap((user) => {
      const account = accountOf(user);
      return account
        ? [{ username: user.username, displayName: user.display_name, role: user.role, account, statement: statementOf(deps.serverKeyPem, workstation.id, user, account, now) }]
        : [];
    });
    return { accounts };
  });
}
