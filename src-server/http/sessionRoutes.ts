import type { z } from 'zod';
import { passwordProblems } from '../../shared/profile/passwordPolicy';
import {
  changePasswordRequestSchema,
  offlinePasswordChangeRequestSchema,
  serverRoutes,
  signInRequestSchema,
  type WorkstationStatus,
} from '../../shared/serverApi/serverApi';
import { normaliseUsername } from '../admin/adminInputs';
import { appendAudit } from '../admin/auditLog';
import { findUser, userColumns, type UserRow } from '../admin/users';
import { hashPassword, sameHash, strongEnough } from '../security/passwordHash';
import type { FailureThrottle } from './failureThrottle';
import { auditRefusal, checkAccountUsable, serverUser, verifyOperator, type AccountDeps } from './operatorAccounts';
import { Refusal } from './refusal';
import type { GuardedRoutes } from './guardedRoutes';

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Refusal('INVALID_INPUT');
  return parsed.data;
}

/** The workstation's status, sign-in and password routes (shared/serverApi/serverApi.ts). */
export function registerSessionRoutes(routes: GuardedRoutes, deps: AccountDeps & { throttle: FailureThrottle }): void {
  routes.get(serverRoutes.workstationStatus, 'status', (workstation): Promise<WorkstationStatus> =>
    Promise.resolve({ workstationId: workstation.id, status: workstation.status, reason: workstation.reason, serverTime: deps.now().toISOString() }),
  );

  routes.post(serverRoutes.signIn, 'account', async (workstation, body) => {
    const { username, password } = parseBody(signInRequestSchema, body);
    const blocked = deps.throttle.blockedUntil(workstation.id, deps.now());
    if (blocked) throw new Refusal('TOO_MANY_ATTEMPTS', { retryAfter: blocked.toISOString() });
    let user: UserRow;
    try {
      user = await verifyOperator(deps, workstation, username, password, 'session.signIn');
    } catch (error) {
      if (error instanceof Refusal && error.code === 'USER_UNKNOWN_OR_WRONG_PASSWORD') deps.throttle.fail(workstation.id, deps.now());
      throw error;
    }
    const readOnly = workstation.status === 'restricted';
    await appendAudit(deps.db, { actor: user.username, action: 'session.signIn', target: workstation.id, details: readOnly ? { readOnly } : {} }, deps.now());
    // Restricted: the operator is who they say, and may read; the answer says read-only, with the reason.
    if (readOnly) throw new Refusal('WORKSTATION_RESTRICTED', { reason: workstation.reason ?? '' });
    return { user: serverUser(user) };
  });

  routes.post(serverRoutes.changePassword, 'account', async (workstation, body) => {
    const request = parseBody(changePasswordRequestSchema, body);
    const user = await verifyOperator(deps, workstation, request.username, request.currentPassword, 'session.changePassword');
    const problems = passwordProblems(request.newPassword, user.username);
    if (problems.length > 0) throw new Refusal('PASSWORD_POLICY', { params: { problems: problems.join(', ') } });
    const stored = await hashPassword(request.newPassword);
    const now = deps.now();
    const updated = await deps.db.transaction(async (tx) => {
      const { rows } = await tx.query<UserRow>(
        `UPDATE users SET password_hash = $2, kdf = $3::jsonb, must_change_password = false, password_changed_at = $4 WHERE username = $1 RETURNING ${userColumns}`,
        [user.username, stored.hash, JSON.stringify(stored.kdf), now],
      );
      await appendAudit(tx, { actor: user.username, action: 'session.changePassword', target: workstation.id, details: {} }, now);
      return rows[0] as UserRow;
    });
    return { user: serverUser(updated) };
  });

  routes.post(serverRoutes.offlinePasswordChange, 'account', async (workstation, body) => {
    const request = parseBody(offlinePasswordChangeRequestSchema, body);
    if (!strongEnough(request.newKdf)) throw new Refusal('INVALID_INPUT');
    const username = normaliseUsername(request.username);
    const user = await findUser(deps.db, username);
    if (!user) {
      await auditRefusal(deps, workstation, 'session.changePasswordOffline', null, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
      throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
    }
    await checkAccountUsable(deps, workstation, user, 'session.changePasswordOffline');
    const stored = Buffer.from(user.password_hash, 'base64');
    const alreadyApplied = sameHash(Buffer.from(request.newPasswordHash, 'base64'), stored) && user.kdf.salt === request.newKdf.salt;
    if (alreadyApplied) return { user: serverUser(user) }; // a retry whose first answer was lost
    if (!sameHash(Buffer.from(request.currentPasswordHash, 'base64'), stored)) {
      // The server's password changed since (an administrator's reset, or a change elsewhere).
      await auditRefusal(deps, workstation, 'session.changePasswordOffline', user.username, 'USER_UNKNOWN_OR_WRONG_PASSWORD');
      throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
    }
    const now = deps.now();
    const updated = await deps.db.transaction(async (tx) => {
      const { rows } = await tx.query<UserRow>(
        `UPDATE users SET password_hash = $2, kdf = $3::jsonb, must_change_password = false, password_changed_at = $4
         WHERE username = $1 AND password_hash = $5 RETURNING ${userColumns}`,
        [user.username, request.newPasswordHash, JSON.stringify(request.newKdf), now, user.password_hash],
      );
      const row = rows[0];
      if (!row) throw new Refusal('USER_UNKNOWN_OR_WRONG_PASSWORD');
      await appendAudit(tx, { actor: user.username, action: 'session.changePasswordOffline', target: workstation.id, details: {} }, now);
      return row;
    });
    return { user: serverUser(updated) };
  });
}
