import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { passwordChangeMessage, resumeMessage } from '../../../shared/serverApi/accountProofs';
import { serverRoutes, signInResultSchema, type OfflinePasswordChangeRequest } from '../../../shared/serverApi/serverApi';
import { syncRoutes } from '../../../shared/sync/syncProtocol';
import { AdminError } from '../../../src-server/admin/adminError';
import { issueWorkstation } from '../../../src-server/admin/workstations';
import { FailureThrottle } from '../../../src-server/http/failureThrottle';
import { deriveAccountKeys, signMessage } from '../../../src-server/security/accountKeys';
import { verifyStatement } from '../../../src-server/security/accountStatements';
import { newScryptParams, scryptHash } from '../../../src-server/security/passwordHash';
import { testAgency, testServerSetup, testWorkstation, type TestServerSetup, type TestWorkstation } from '../../support/serverAdmin';
import { startTestHttpServer, type RawAnswer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';

/*
 * Issue 12, points 2 and 5 (server side): the server's hash, the profile's verifier (account
 * public keys) and the key that unwraps a cache are separate; none stands in for the password.
 * Resumes and offline password changes are proven by the account's signing key, once. Sign-in
 * failures lock an account only from its own workstations, and unknown equals wrong.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const code = (answer: RawAnswer) => (answer.json as { error?: { code?: string } } | null)?.error?.code;

describeStorages('account secrets, proofs and sign-in hardening on the server', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let agencyId: string;
  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    // The per-account throttle is made wide here, so that the lockout itself can be seen.
    server = await startTestHttpServer(setup.admin.db, setup.pki, { throttle: new FailureThrottle(40, 60_000), accountThrottle: new FailureThrottle(30, 60_000) });
    agencyId = (await testAgency(setup.admin)).id;
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  const signIn = (ws: TestWorkstation, username: string, password: string) => ws.call(serverRoutes.signIn, { username, password });
  const keysOf = async (ws: TestWorkstation, username: string, password = ws.passwords[username] ?? '') => {
    const operator = ws.secret.operators.find((candidate) => candidate.username === username);
    if (!operator) throw new Error(username);
    return deriveAccountKeys(password, operator.account.kdf);
  };

  it('puts account public keys and a signed statement in the profile, never the password hash; none of it works as a password', async () => {
    const ws = await testWorkstation(setup, server, agencyId, ['aigul']);
    const { rows } = await setup.admin.db.query<{ password_hash: string; kdf: { salt: string }; account_kdf: { salt: string } }>("SELECT password_hash, kdf, account_kdf FROM users WHERE username = 'aigul'");
    const stored = rows[0];
    if (!stored) throw new Error('no user');
    const secretText = JSON.stringify(ws.secret);
    expect(secretText).not.toContain(stored.password_hash);
    expect(secretText).not.toContain(stored.kdf.salt);
    expect(stored.account_kdf.salt).not.toBe(stored.kdf.salt);
    const [operator] = ws.secret.operators;
    expect(Object.keys(operator ?? {}).sort()).toEqual(['account', 'displayName', 'mustChangePassword', 'role', 'statement', 'username', 'validUntil']);
    // The account keys derived from the right password are the profile's.
    expect((await keysOf(ws, 'aigul')).public).toEqual(operator?.account);
    expect(verifyStatement(ws.body.server.certPem, operator?.statement ?? { statement: '', signature: '' })).toMatchObject({ username: 'aigul', workstationId: ws.id });
    // Another server's certificate does not verify it.
    expect(verifyStatement(setup.pki.ca.certPem, operator?.statement ?? { statement: '', signature: '' })).toBeNull();
    for (const stolen of [operator?.account.signPub ?? '', operator?.account.wrapPub ?? '', stored.password_hash]) {
      const answer = await signIn(ws, 'aigul', stolen);
      expect(answer.status).toBe(401);
      expect(code(answer)).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    }
    expect((await signIn(ws, 'aigul', ws.passwords.aigul ?? '')).status).toBe(200);
  });

  it('resumes a session on the account key’s signature, once, within five minutes, for this workstation only', async () => {
    const ws = await testWorkstation(setup, server, agencyId, ['bakyt']);
    const other = await testWorkstation(setup, server, agencyId, ['bermet']);
    const keys = await keysOf(ws, 'bakyt');
    const resume = (at: string, signature: string, on = ws) => on.call(serverRoutes.resume, { username: 'bakyt', at, signature });
    const now = new Date().toISOString();
    const good = signMessage(keys.signKey, resumeMessage(ws.id, 'bakyt', now));
    const answer = await resume(now, good);
    expect(answer.status, answer.body).toBe(200);
    const result = signInResultSchema.parse((answer.json as { value: unknown }).value);
    expect((await ws.call(syncRoutes.pull, { cursor: 0 }, { 'x-bala-session': result.session.token })).status).toBe(200);
    // Replayed.
    expect(code(await resume(now, good))).toBe('INVALID_INPUT');
    // Stale, and from the future.
    for (const shift of [-6 * 60_000, 6 * 60_000]) {
      const at = new Date(Date.now() + shift).toISOString();
      expect(code(await resume(at, signMessage(keys.signKey, resumeMessage(ws.id, 'bakyt', at))))).toBe('INVALID_INPUT');
    }
    // A wrong key (a wrong password), and the profile's public key in place of a signature.
    const wrong = await deriveAccountKeys('not-the-password', keys.public.kdf);
    const at = new Date().toISOString();
    expect(code(await resume(at, signMessage(wrong.signKey, resumeMessage(ws.id, 'bakyt', at))))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(code(await resume(at, keys.public.signPub))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    // Signed for this workstation, sent by another one; and for an operator not on the sender.
    expect(code(await resume(at, signMessage(keys.signKey, resumeMessage(ws.id, 'bakyt', at)), other))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(code(await resume(at, signMessage(keys.signKey, resumeMessage(other.id, 'bakyt', at)), other))).toBe('USER_NOT_ON_WORKSTATION');
  });

  it('takes an offline password change signed by the current account key, once; never the old hash-as-proof shape', async () => {
    const ws = await testWorkstation(setup, server, agencyId, ['cholpon']);
    const send = (body: object) => ws.call(serverRoutes.offlinePasswordChange, body);
    const { rows } = await setup.admin.db.query<{ kdf: Parameters<typeof scryptHash>[1] }>("SELECT kdf FROM users WHERE username = 'cholpon'");
    const serverKdf = rows[0]?.kdf;
    if (!serverKdf) throw new Error('no user');
    const currentPasswordHash = (await scryptHash(ws.passwords.cholpon ?? '', serverKdf)).toString('base64');
    const request = async (password: string, signer: Awaited<ReturnType<typeof keysOf>>, at = new Date().toISOString()): Promise<OfflinePasswordChangeRequest> => {
      const newKdf = newScryptParams();
      const newAccount = (await deriveAccountKeys(password, newScryptParams())).public;
      const unsigned = { username: 'cholpon', newPasswordHash: (await scryptHash(password, newKdf)).toString('base64'), newKdf, newAccount, at };
      return { ...unsigned, signature: signMessage(signer.signKey, passwordChangeMessage(ws.id, unsigned)) };
    };
    const current = await keysOf(ws, 'cholpon');
    const change = await request('Offline-Changed-7', current);
    // The old shape: the server's hash as the proof of the current password.
    expect(code(await send({ username: 'cholpon', currentPasswordHash, newPasswordHash: change.newPasswordHash, newKdf: change.newKdf }))).toBe('INVALID_INPUT');
    // Weak or shared salts.
    expect(code(await send({ ...change, newKdf: { ...change.newKdf, N: 1024 } }))).toBe('INVALID_INPUT');
    expect(code(await send({ ...change, newAccount: { ...change.newAccount, kdf: change.newKdf } }))).toBe('INVALID_INPUT');
    // Signed by a wrong key; a signature over other content.
    expect(code(await send(await request('Offline-Changed-7', await deriveAccountKeys('guess', current.public.kdf))))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(code(await send({ ...change, newPasswordHash: (await request('Other-Changed-8', current)).newPasswordHash }))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');

    const accepted = await send(change);
    expect(accepted.status, accepted.body).toBe(200);
    expect((accepted.json as { value: unknown }).value).toMatchObject({ user: { username: 'cholpon', mustChangePassword: false }, account: change.newAccount });
    // The first answer lost: the same request is answered again.
    expect((await send(change)).status).toBe(200);
    // Another change signed by the old key (a copy of the old profile): refused.
    expect(code(await send(await request('Third-Changed-9', current)))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(code(await signIn(ws, 'cholpon', ws.passwords.cholpon ?? ''))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect((await signIn(ws, 'cholpon', 'Offline-Changed-7')).status).toBe(200);
  });

  it('changes a password online with new account keys and ends the old sessions', async () => {
    const ws = await testWorkstation(setup, server, agencyId, ['dinara']);
    const before = await ws.session('dinara');
    const answer = await ws.call(serverRoutes.changePassword, { username: 'dinara', currentPassword: ws.passwords.dinara, newPassword: 'Better-Secret-42' });
    expect(answer.status, answer.body).toBe(200);
    const result = signInResultSchema.parse((answer.json as { value: unknown }).value);
    expect(result.account).not.toEqual(ws.secret.operators[0]?.account);
    expect((await deriveAccountKeys('Better-Secret-42', result.account.kdf)).public).toEqual(result.account);
    expect(code(await ws.call(syncRoutes.pull, { cursor: 0 }, { 'x-bala-session': before }))).toBe('SESSION_REQUIRED');
    expect((await ws.call(syncRoutes.pull, { cursor: 0 }, { 'x-bala-session': result.session.token })).status).toBe(200);
  });

  it('lets no workstation lock out an account of another, and answers unknown, wrong and wrong-while-locked the same', async () => {
    const own = await testWorkstation(setup, server, agencyId, ['elmira']);
    const stranger = await testWorkstation(setup, server, agencyId, ['erlan']);
    for (let attempt = 0; attempt < 8; attempt += 1) expect(code(await signIn(stranger, 'elmira', `wrong-${attempt}`))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    const { rows } = await setup.admin.db.query<{ failed_attempts: number; locked_until: Date | null }>("SELECT failed_attempts, locked_until FROM users WHERE username = 'elmira'");
    expect(rows[0]).toEqual({ failed_attempts: 0, locked_until: null });
    expect((await signIn(own, 'elmira', own.passwords.elmira ?? '')).status).toBe(200);
    // Nor do the proofs tell a stranger which names exist: an unsigned offline change or resume for elmira answers as for no one.
    const forged = async (username: string) => {
      const kdf = newScryptParams();
      const account = (await deriveAccountKeys('Any-Password-1', newScryptParams())).public;
      const at = new Date().toISOString();
      return [
        await stranger.call(serverRoutes.offlinePasswordChange, { username, newPasswordHash: Buffer.alloc(32, 1).toString('base64'), newKdf: kdf, newAccount: account, at, signature: Buffer.alloc(64, 2).toString('base64') }),
        await stranger.call(serverRoutes.resume, { username, at, signature: Buffer.alloc(64, 2).toString('base64') }),
      ].map((answer) => [answer.status, answer.body]);
    };
    expect(await forged('elmira')).toEqual(await forged('no.such.user'));

    // From its own workstation five failures lock it; then only the right password learns so.
    for (let attempt = 0; attempt < 5; attempt += 1) await signIn(own, 'elmira', `wrong-${attempt}`);
    const unknown = await signIn(own, 'no.such.user', 'Some-Password-1');
    const wrong = await signIn(own, 'erlan', 'Some-Password-1');
    const wrongWhileLocked = await signIn(own, 'elmira', 'Some-Password-1');
    for (const answer of [unknown, wrong, wrongWhileLocked]) {
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual(unknown.json);
    }
    expect(code(await signIn(own, 'elmira', own.passwords.elmira ?? ''))).toBe('USER_LOCKED');
  });

  it('slows many workstations guessing one account name, without slowing the account’s own workstation', async () => {
    const own = await testWorkstation(setup, server, agencyId, ['farhat']);
    const strangers = await Promise.all([0, 1, 2].map((i) => testWorkstation(setup, server, agencyId, [`stranger${i}`])));
    let throttled = 0;
    for (let attempt = 0; attempt < 33; attempt += 1) {
      const answer = await signIn(strangers[attempt % 3] as TestWorkstation, 'farhat', `guess-${attempt}`);
      if (code(answer) === 'TOO_MANY_ATTEMPTS') throttled += 1;
    }
    expect(throttled).toBeGreaterThan(0);
    expect((await signIn(own, 'farhat', own.passwords.farhat ?? '')).status).toBe(200);
  });

  it('gives an account made before account keys its keys at its first online sign-in; until then it cannot be put in a profile', async () => {
    const ws = await testWorkstation(setup, server, agencyId, ['gaukhar']);
    await setup.admin.db.query("UPDATE users SET account_kdf = NULL, sign_pub = NULL, wrap_pub = NULL WHERE username = 'gaukhar'");
    await expect(issueWorkstation(setup.admin, { agency: agencyId, users: ['gaukhar'] })).rejects.toEqual(new AdminError('USER_KEYS_MISSING', { username: 'gaukhar' }));
    const answer = await signIn(ws, 'gaukhar', ws.passwords.gaukhar ?? '');
    expect(answer.status, answer.body).toBe(200);
    const result = signInResultSchema.parse((answer.json as { value: unknown }).value);
    expect((await deriveAccountKeys(ws.passwords.gaukhar ?? '', result.account.kdf)).public).toEqual(result.account);
    await expect(issueWorkstation(setup.admin, { agency: agencyId, users: ['gaukhar'] })).resolves.toBeDefined();
  });

  it('keeps the token out of the log and the database', async () => {
    const ws = await testWorkstation(setup, server, agencyId, ['hamid']);
    const token = await ws.session('hamid');
    await ws.call(syncRoutes.pull, { cursor: 0 }, { 'x-bala-session': token });
    expect(server.logLines.join('\n')).not.toContain(token);
    const hash = crypto.createHash('sha256').update(token).digest('hex');
    expect((await setup.admin.db.query('SELECT 1 FROM operator_sessions WHERE token_hash = $1', [hash])).rows).toHaveLength(1);
  });
});
