import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import type { ScryptParams } from '../../../shared/profile/profileFormat';
import { cacheEscrowLabel, passwordChangeMessage } from '../../../shared/serverApi/accountProofs';
import { serverRoutes, sessionHeader, type SignInResult } from '../../../shared/serverApi/serverApi';
import { findUser, type UserRow } from '../../../src-server/admin/users';
import { FailureThrottle } from '../../../src-server/http/failureThrottle';
import { deriveAccountKeys, signMessage } from '../../../src-server/security/accountKeys';
import { newScryptParams, scryptHash } from '../../../src-server/security/passwordHash';
import { describeStorages } from '../../support/serverStorage';
import { cheapKdf, codeOf, errorOf, harnessForSuite, valueOf, type Harness, type Operator } from './httpHarness';

/*
 * Issue 22: the server's password changes (online, and offline proven by the account key) and
 * the cache-key escrow (src-server/http/sessionRoutes.ts), each refusal pinned to its code.
 */

const minute = 60_000;
const hour = 3_600_000;
const base = new Date('2026-03-02T09:00:00.000Z');
const later = (ms: number) => new Date(base.getTime() + ms);

describeStorages('password changes and the cache key on the server, in process', (storage) => {
  const suite = harnessForSuite(storage, base, { throttle: new FailureThrottle(6, 10 * minute), accountThrottle: new FailureThrottle(50, 5 * minute) });
  const { name, signIn } = suite;

  type Ws = Awaited<ReturnType<Harness['workstation']>>;
  const session = async (ws: Ws, op: Operator) => valueOf<SignInResult>(await signIn(ws, op.username, op.password)).session.token;
  const accounts = (ws: Ws, token: string) => suite.h.request(ws, 'POST', serverRoutes.accounts, {}, { [sessionHeader]: token });
  const userRow = async (username: string) => (await findUser(suite.h.db, username)) as UserRow;
  const audits = async (target: string, action: string) =>
    (await suite.h.db.query<{ actor: string; details: unknown }>('SELECT actor, details FROM audit_log WHERE target = $1 AND action = $2 ORDER BY id', [target, action])).rows;

  it('changes a password online under the policy, ends the old sessions and answers a new one', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('aidai'), { workstations: [ws.id] });
    const old = await session(ws, op);
    const change = (newPassword: string, currentPassword = op.password) => suite.h.request(ws, 'POST', serverRoutes.changePassword, { username: op.username, currentPassword, newPassword });
    const weak = await change('short');
    expect([weak.status, errorOf(weak).code, errorOf(weak).message]).toEqual([422, 'PASSWORD_POLICY', 'The new password does not meet the rules (tooShort, tooSimple).']);
    expect(codeOf(await change('Better-Secret-42', 'not-the-password'))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    suite.h.now.value = later(minute);
    const changed = await change('Better-Secret-42');
    expect(codeOf(changed)).toBe('ok');
    const result = valueOf<SignInResult>(changed);
    expect(result.user).toMatchObject({ username: op.username, mustChangePassword: false });
    expect(result.account).toEqual((await deriveAccountKeys('Better-Secret-42', result.account.kdf)).public);
    expect(codeOf(await accounts(ws, old))).toBe('SESSION_REQUIRED');
    expect(codeOf(await accounts(ws, result.session.token))).toBe('ok');
    expect(await audits(ws.id, 'session.changePassword')).toEqual([
      { actor: op.username, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } },
      { actor: op.username, details: {} },
    ]);
    expect(codeOf(await signIn(ws, op.username, op.password))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(codeOf(await signIn(ws, op.username, 'Better-Secret-42'))).toBe('ok');
  });

  it('keeps a restricted workstation’s password change for later, with the reason', async () => {
    const ws = await suite.h.workstation({ status: 'restricted', reason: 'inspection' });
    const op = await suite.h.operator(name('baktygul'), { workstations: [ws.id] });
    const answer = await suite.h.request(ws, 'POST', serverRoutes.changePassword, { username: op.username, currentPassword: op.password, newPassword: 'Better-Secret-42' });
    expect([answer.status, errorOf(answer).code, errorOf(answer).reason]).toEqual([403, 'WORKSTATION_RESTRICTED', 'inspection']);
    expect((await userRow(op.username)).sign_pub).toBe(op.keys.public.signPub);
  });

  /** An offline change as the workstation makes it: new verifiers, signed by the current account key. */
  async function offlineChange(ws: Ws, op: Operator, newPassword: string, options: { at?: Date; newKdf?: ScryptParams; accountKdf?: ScryptParams; signWith?: Operator; username?: string } = {}) {
    const newKdf = options.newKdf ?? newScryptParams();
    const accountKdf = options.accountKdf ?? newScryptParams();
    const signed = {
      username: options.username ?? op.username,
      newPasswordHash: (await scryptHash(newPassword, newKdf)).toString('base64'),
      newKdf,
      newAccount: (await deriveAccountKeys(newPassword, accountKdf)).public,
      at: (options.at ?? suite.h.now.value).toISOString(),
    };
    return { ...signed, signature: signMessage((options.signWith ?? op).keys.signKey, passwordChangeMessage(ws.id, signed)) };
  }
  const sendOffline = (ws: Ws, request: unknown) => suite.h.request(ws, 'POST', serverRoutes.offlinePasswordChange, request);

  it('applies an offline password change signed by the current key, ending the old sessions', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('cholpon'), { workstations: [ws.id] });
    const old = await session(ws, op);
    const madeAt = later(-3 * 24 * hour);
    const request = await offlineChange(ws, op, 'Offline-Secret-7', { at: madeAt });
    suite.h.now.value = later(minute);
    const answer = await sendOffline(ws, request);
    expect(codeOf(answer)).toBe('ok');
    expect(valueOf<SignInResult>(answer)).toMatchObject({ user: { username: op.username, mustChangePassword: false }, account: request.newAccount });
    expect(await userRow(op.username)).toMatchObject({ password_hash: request.newPasswordHash, kdf: request.newKdf, sign_pub: request.newAccount.signPub, wrap_pub: request.newAccount.wrapPub, must_change_password: false });
    expect(codeOf(await accounts(ws, old))).toBe('SESSION_REQUIRED');
    expect(await audits(ws.id, 'session.changePasswordOffline')).toEqual([{ actor: op.username, details: { madeAt: madeAt.toISOString() } }]);
    expect(codeOf(await signIn(ws, op.username, 'Offline-Secret-7'))).toBe('ok');
  });

  it('answers a retry of an applied change for a day, then refuses it; a disabled account’s retry is refused', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('dastan'), { workstations: [ws.id] });
    const request = await offlineChange(ws, op, 'Offline-Secret-8');
    expect(codeOf(await sendOffline(ws, request))).toBe('ok');
    suite.h.now.value = later(24 * hour);
    const retry = await sendOffline(ws, request);
    expect(codeOf(retry)).toBe('ok');
    expect(valueOf<SignInResult>(retry).account).toEqual(request.newAccount);
    suite.h.now.value = later(24 * hour + 1);
    expect(codeOf(await sendOffline(ws, request))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    suite.h.now.value = later(hour);
    await suite.h.db.query('UPDATE users SET disabled = true WHERE username = $1', [op.username]);
    expect(codeOf(await sendOffline(ws, request))).toBe('USER_DISABLED');
  });

  it('refuses a replayed change even when the account is back on the key that signed it', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('damir'), { workstations: [ws.id] });
    const before = await userRow(op.username);
    const request = await offlineChange(ws, op, 'Offline-Secret-13');
    expect(codeOf(await sendOffline(ws, request))).toBe('ok');
    // The administrator restores the account's former credential (e.g. from a backup).
    await suite.h.db.query('UPDATE users SET password_hash = $2, kdf = $3::jsonb, account_kdf = $4::jsonb, sign_pub = $5, wrap_pub = $6 WHERE username = $1', [
      op.username,
      before.password_hash,
      JSON.stringify(before.kdf),
      JSON.stringify(before.account_kdf),
      before.sign_pub,
      before.wrap_pub,
    ]);
    const replay = await sendOffline(ws, request);
    expect([replay.status, errorOf(replay).message]).toEqual([400, 'The request is not valid. (signature: already used)']);
    expect((await userRow(op.username)).sign_pub).toBe(before.sign_pub);
  });

  it('refuses verifiers cheaper than the server’s, or sharing one salt', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('erkin'), { workstations: [ws.id] });
    const shared = newScryptParams();
    for (const [label, options] of [
      ['cheap password hash', { newKdf: cheapKdf() }],
      ['cheap account keys', { accountKdf: cheapKdf() }],
      ['one salt for both', { newKdf: shared, accountKdf: { ...shared } }],
    ] as const) {
      const answer = await sendOffline(ws, await offlineChange(ws, op, 'Offline-Secret-9', options));
      expect([answer.status, errorOf(answer).message], label).toEqual([400, 'The request is not valid. (kdf)']);
    }
    expect((await userRow(op.username)).sign_pub).toBe(op.keys.public.signPub);
  });

  it('refuses a change dated more than five minutes ahead of the server’s clock', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('farida'), { workstations: [ws.id] });
    const ahead = await sendOffline(ws, await offlineChange(ws, op, 'Offline-Secret-10', { at: later(5 * minute + 1) }));
    expect(errorOf(ahead).message).toBe('The request is not valid. (at: in the future)');
    expect(codeOf(await sendOffline(ws, await offlineChange(ws, op, 'Offline-Secret-10', { at: later(5 * minute) })))).toBe('ok');
  });

  it('refuses a change not signed by the current key, alike for unknown names, and counts it against the workstation', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('galina'), { workstations: [ws.id] });
    const forger = await suite.h.operator(name('hakim'), { workstations: [ws.id] });
    const keyless = await suite.h.operator(name('inkar'), { workstations: [ws.id], keys: false });
    const forged = await sendOffline(ws, await offlineChange(ws, op, 'Offline-Secret-11', { signWith: forger }));
    expect([forged.status, codeOf(forged)]).toEqual([401, 'USER_UNKNOWN_OR_WRONG_PASSWORD']);
    expect(codeOf(await sendOffline(ws, await offlineChange(ws, keyless, 'Offline-Secret-11')))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(codeOf(await sendOffline(ws, await offlineChange(ws, forger, 'Offline-Secret-11', { username: 'nobody-at-all' })))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(await audits(ws.id, 'session.changePasswordOffline')).toEqual([
      { actor: op.username, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } },
      { actor: keyless.username, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } },
      { actor: `workstation:${ws.id}`, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } },
    ]);
    expect(suite.h.throttle.blockedUntil(ws.id, base)).toBeNull();
    for (let n = 0; n < 3; n += 1) suite.h.throttle.fail(ws.id, base);
    const slowed = await sendOffline(ws, await offlineChange(ws, op, 'Offline-Secret-11'));
    expect([slowed.status, errorOf(slowed).code, errorOf(slowed).retryAfter]).toEqual([429, 'TOO_MANY_ATTEMPTS', later(10 * minute).toISOString()]);
  });

  it('refuses a proven change for a disabled account, or on a restricted workstation, audited', async () => {
    const ws = await suite.h.workstation();
    const disabled = await suite.h.operator(name('jamila'), { workstations: [ws.id], disabled: true });
    expect(codeOf(await sendOffline(ws, await offlineChange(ws, disabled, 'Offline-Secret-12')))).toBe('USER_DISABLED');
    const restricted = await suite.h.workstation({ status: 'restricted', reason: 'inspection' });
    const op = await suite.h.operator(name('kairat'), { workstations: [restricted.id] });
    const answer = await sendOffline(restricted, await offlineChange(restricted, op, 'Offline-Secret-12'));
    expect([errorOf(answer).code, errorOf(answer).reason]).toEqual(['WORKSTATION_RESTRICTED', 'inspection']);
    expect(await audits(restricted.id, 'session.changePasswordOffline')).toEqual([{ actor: op.username, details: { refused: 'WORKSTATION_RESTRICTED' } }]);
    expect((await userRow(op.username)).sign_pub).toBe(op.keys.public.signPub);
  });

  it('refuses a malformed body on every session route with INVALID_INPUT', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('lola'), { workstations: [ws.id] });
    for (const route of [serverRoutes.signIn, serverRoutes.changePassword, serverRoutes.resume, serverRoutes.offlinePasswordChange]) {
      const answer = await suite.h.request(ws, 'POST', route, { username: op.username });
      expect([answer.status, errorOf(answer)], route).toEqual([400, { code: 'INVALID_INPUT', message: 'The request is not valid.' }]);
    }
    const token = await session(ws, op);
    const answer = await suite.h.request(ws, 'POST', serverRoutes.cacheKey, { escrow: 42 }, { [sessionHeader]: token });
    expect([answer.status, codeOf(answer)]).toEqual([400, 'INVALID_INPUT']);
  });

  const escrowFor = (workstationId: string, key: Buffer) =>
    crypto
      .publicEncrypt({ key: suite.h.setup.pki.serverCertPem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(cacheEscrowLabel(workstationId), 'utf8') }, key)
      .toString('base64');

  it('unwraps a cache key escrowed for this workstation to a signed-in operator, audited', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('marat'), { workstations: [ws.id] });
    const token = await session(ws, op);
    const dataKey = crypto.randomBytes(32);
    const cacheKey = (escrow: string, headers: Record<string, string> = { [sessionHeader]: token }) => suite.h.request(ws, 'POST', serverRoutes.cacheKey, { escrow }, headers);
    expect(valueOf(await cacheKey(escrowFor(ws.id, dataKey)))).toEqual({ dataKey: dataKey.toString('base64') });
    expect(await audits(ws.id, 'session.cacheKey')).toEqual([{ actor: op.username, details: {} }]);
    expect(codeOf(await cacheKey(escrowFor(ws.id, dataKey), {}))).toBe('SESSION_REQUIRED');
    for (const [label, escrow] of [
      ['another workstation’s escrow', escrowFor('ws-another1', dataKey)],
      ['a short key', escrowFor(ws.id, crypto.randomBytes(31))],
      ['a long key', escrowFor(ws.id, crypto.randomBytes(33))],
      ['not an escrow', Buffer.from('garbage').toString('base64')],
    ]) {
      const answer = await cacheKey(escrow ?? '');
      expect([answer.status, errorOf(answer).message], label).toEqual([400, 'The request is not valid. (escrow)']);
    }
  });
});
