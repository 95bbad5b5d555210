import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { resumeMessage } from '../../../shared/serverApi/accountProofs';
import { serverRoutes, sessionHeader, type SignInResult } from '../../../shared/serverApi/serverApi';
import { testAgency } from '../../support/serverAdmin';
import { findUser, type UserRow } from '../../../src-server/admin/users';
import { FailureThrottle } from '../../../src-server/http/failureThrottle';
import { ensureAccountKeys, signInResult } from '../../../src-server/http/operatorAccounts';
import { requireSession, tokenHash } from '../../../src-server/http/operatorSessions';
import { credentialIdOf, deriveAccountKeys, signMessage } from '../../../src-server/security/accountKeys';
import { verifyStatement } from '../../../src-server/security/accountStatements';
import { describeStorages } from '../../support/serverStorage';
import { codeOf, errorOf, harnessForSuite, valueOf, type Harness, type Operator } from './httpHarness';

/*
 * Issue 22: the server's sign-in, lockout, throttles, sessions and resume (src-server/http),
 * run in process through inject, each refusal pinned to its code and each boundary to its value.
 */

const minute = 60_000;
const base = new Date('2026-03-02T09:00:00.000Z');
const later = (ms: number) => new Date(base.getTime() + ms);

describeStorages('sign-in, sessions and resume on the server, in process', (storage) => {
  const suite = harnessForSuite(storage, base, { throttle: new FailureThrottle(6, 10 * minute), accountThrottle: new FailureThrottle(3, 5 * minute) });
  const { name, signIn } = suite;

  type Ws = Awaited<ReturnType<Harness['workstation']>>;
  const session = async (ws: Ws, op: Operator) => {
    const answer = await signIn(ws, op.username, op.password);
    expect(codeOf(answer), JSON.stringify(answer.json)).toBe('ok');
    return valueOf<SignInResult>(answer).session.token;
  };
  const accounts = (ws: Ws, token?: string) => suite.h.request(ws, 'POST', serverRoutes.accounts, {}, token === undefined ? {} : { [sessionHeader]: token });
  const userRow = async (username: string) => (await findUser(suite.h.db, username)) as UserRow;
  const audits = async (target: string, action: string) =>
    (await suite.h.db.query<{ actor: string; details: unknown }>('SELECT actor, details FROM audit_log WHERE target = $1 AND action = $2 ORDER BY id', [target, action])).rows;

  it('signs an operator in with the account, a twelve-hour session and a statement the server signed', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('asel'), { workstations: [ws.id], validUntil: new Date('2026-05-01T00:00:00.000Z') });
    const answer = await signIn(ws, ` ${op.username.toUpperCase()} `, op.password);
    expect(answer.status).toBe(200);
    const result = valueOf<SignInResult>(answer);
    expect(result.user).toEqual({ username: op.username, displayName: `Display ${op.username}`, role: 'data_holder', agencyId: suite.h.agencyId, validUntil: '2026-05-01T00:00:00.000Z', mustChangePassword: true });
    expect(result.account).toEqual(op.keys.public);
    expect(result.session.expiresAt).toBe(later(12 * 3_600_000).toISOString());
    expect(result.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await suite.h.db.query<{ token_hash: string; username: string; workstation_id: string; credential_id: string; created_at: Date }>('SELECT token_hash, username, workstation_id, credential_id, created_at FROM operator_sessions WHERE username = $1', [op.username]);
    expect(stored.rows).toEqual([{ token_hash: tokenHash(result.session.token), username: op.username, workstation_id: ws.id, credential_id: credentialIdOf(op.keys.public), created_at: base }]);
    expect(verifyStatement(suite.h.setup.pki.serverCertPem, result.statement)).toEqual({
      workstationId: ws.id,
      username: op.username,
      credentialId: credentialIdOf(op.keys.public),
      validUntil: '2026-05-01T00:00:00.000Z',
      disabled: false,
      mustChangePassword: true,
      issuedAt: base.toISOString(),
    });
    expect(await audits(ws.id, 'session.signIn')).toEqual([{ actor: op.username, details: {} }]);
  });

  it('locks an account after five wrong passwords on its own workstation, for fifteen minutes exactly', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('bolot'), { workstations: [ws.id] });
    for (let attempt = 1; attempt <= 4; attempt += 1) expect(codeOf(await signIn(ws, op.username, `wrong-${attempt}`))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(await userRow(op.username)).toMatchObject({ failed_attempts: 4, locked_until: null });
    suite.h.now.value = later(minute);
    const fifth = await signIn(ws, op.username, 'wrong-5');
    expect([fifth.status, codeOf(fifth)]).toEqual([401, 'USER_UNKNOWN_OR_WRONG_PASSWORD']);
    expect(await userRow(op.username)).toMatchObject({ failed_attempts: 0, locked_until: later(16 * minute) });
    // Locked: the right password learns it, a wrong one does not.
    const locked = await signIn(ws, op.username, op.password);
    expect([locked.status, errorOf(locked)]).toEqual([429, { code: 'USER_LOCKED', retryAfter: later(16 * minute).toISOString(), message: `Too many wrong passwords: the account is locked until ${later(16 * minute).toISOString()}.` }]);
    expect(codeOf(await signIn(ws, op.username, 'wrong-6'))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect((await audits(ws.id, 'session.signIn')).map((row) => row.details)).toContainEqual({ refused: 'USER_LOCKED' });
    // The lock ends at its instant; the right password then clears it.
    suite.h.now.value = later(16 * minute - 1);
    expect(codeOf(await signIn(ws, op.username, op.password))).toBe('USER_LOCKED');
    suite.h.now.value = later(16 * minute);
    expect(codeOf(await signIn(ws, op.username, op.password))).toBe('ok');
    expect(await userRow(op.username)).toMatchObject({ failed_attempts: 0, locked_until: null });
  });

  it('clears the count of wrong passwords when the right one comes', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('chynara'), { workstations: [ws.id] });
    await signIn(ws, op.username, 'wrong-1');
    await signIn(ws, op.username, 'wrong-2');
    expect((await userRow(op.username)).failed_attempts).toBe(2);
    expect(codeOf(await signIn(ws, op.username, op.password))).toBe('ok');
    expect((await userRow(op.username)).failed_attempts).toBe(0);
  });

  it('does not let another workstation lock an account out, nor clear its count, and audits no name it was given', async () => {
    const own = await suite.h.workstation();
    const stranger = await suite.h.workstation();
    const op = await suite.h.operator(name('daniyar'), { workstations: [own.id] });
    await signIn(own, op.username, 'wrong-own');
    expect(codeOf(await signIn(stranger, op.username, 'wrong-stranger'))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect((await userRow(op.username)).failed_attempts).toBe(1);
    expect(codeOf(await signIn(stranger, op.username, op.password))).toBe('USER_NOT_ON_WORKSTATION');
    expect((await userRow(op.username)).failed_attempts).toBe(1);
    expect(await audits(stranger.id, 'session.signIn')).toEqual([
      { actor: `workstation:${stranger.id}`, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } },
      { actor: op.username, details: { refused: 'USER_NOT_ON_WORKSTATION' } },
    ]);
    expect(await audits(own.id, 'session.signIn')).toEqual([{ actor: op.username, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } }]);
  });

  it('slows strangers guessing one account across workstations, but never the account’s own workstation', async () => {
    const own = await suite.h.workstation();
    const op = await suite.h.operator(name('elnura'), { workstations: [own.id] });
    const strangers = [await suite.h.workstation(), await suite.h.workstation(), await suite.h.workstation(), await suite.h.workstation()];
    suite.h.now.value = later(0);
    expect(codeOf(await signIn(strangers[0] as Ws, op.username, 'guess-0'))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    suite.h.now.value = later(minute);
    expect(codeOf(await signIn(strangers[1] as Ws, op.username, 'guess-1'))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    expect(codeOf(await signIn(strangers[2] as Ws, op.username, 'guess-2'))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    const slowed = await signIn(strangers[3] as Ws, op.username, op.password);
    expect([slowed.status, errorOf(slowed).code, errorOf(slowed).retryAfter]).toEqual([429, 'TOO_MANY_ATTEMPTS', later(5 * minute).toISOString()]);
    expect(codeOf(await signIn(own, op.username, op.password))).toBe('ok');
    // A stranger's failures counted nothing against the account itself.
    expect((await userRow(op.username)).failed_attempts).toBe(0);
  });

  it('counts the own workstation’s failures towards the account-wide slowdown for strangers', async () => {
    const own = await suite.h.workstation();
    const stranger = await suite.h.workstation();
    const op = await suite.h.operator(name('farida'), { workstations: [own.id] });
    for (let attempt = 1; attempt <= 3; attempt += 1) await signIn(own, op.username, `wrong-${attempt}`);
    expect(codeOf(await signIn(stranger, op.username, op.password))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('slows a workstation that fails too often, whatever names it tries, from its oldest failure', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('gulnara'), { workstations: [ws.id] });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      suite.h.now.value = later(attempt * 1000);
      expect(codeOf(await signIn(ws, `nobody-${attempt}`, 'Guess-password-1'))).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
    }
    const slowed = await signIn(ws, op.username, op.password);
    expect([slowed.status, errorOf(slowed)]).toEqual([429, { code: 'TOO_MANY_ATTEMPTS', retryAfter: later(10 * minute).toISOString(), message: `Too many failed sign-ins from this workstation; try again after ${later(10 * minute).toISOString()}.` }]);
    expect((await audits(ws.id, 'session.signIn'))[0]).toEqual({ actor: `workstation:${ws.id}`, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } });
    suite.h.now.value = later(10 * minute);
    expect(codeOf(await signIn(ws, op.username, op.password))).toBe('ok');
  });

  it('refuses the right password of a disabled, expired or other workstation’s account, each distinctly and audited', async () => {
    const ws = await suite.h.workstation();
    const other = await suite.h.workstation();
    const disabled = await suite.h.operator(name('hasan'), { workstations: [ws.id], disabled: true });
    const expiring = await suite.h.operator(name('ilyas'), { workstations: [ws.id], validUntil: later(minute) });
    const elsewhere = await suite.h.operator(name('kanat'), { workstations: [other.id] });
    expect(codeOf(await signIn(ws, disabled.username, disabled.password))).toBe('USER_DISABLED');
    expect(codeOf(await signIn(ws, elsewhere.username, elsewhere.password))).toBe('USER_NOT_ON_WORKSTATION');
    suite.h.now.value = later(minute - 1);
    expect(codeOf(await signIn(ws, expiring.username, expiring.password))).toBe('ok');
    suite.h.now.value = later(minute);
    const expired = await signIn(ws, expiring.username, expiring.password);
    expect([expired.status, codeOf(expired)]).toEqual([403, 'USER_EXPIRED']);
    expect((await audits(ws.id, 'session.signIn')).map((row) => row.details)).toEqual([{ refused: 'USER_DISABLED' }, { refused: 'USER_NOT_ON_WORKSTATION' }, {}, { refused: 'USER_EXPIRED' }]);
  });

  it('refuses an account on the workstation’s list that belongs to another agency', async () => {
    const otherAgency = (await testAgency(suite.h.setup.admin, 'Талас балдар үйү')).id;
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('lira'), { workstations: [ws.id], agencyId: otherAgency });
    expect(codeOf(await signIn(ws, op.username, op.password))).toBe('USER_NOT_ON_WORKSTATION');
    // Not its own workstation: wrong passwords do not lock it.
    await signIn(ws, op.username, 'wrong-1');
    expect((await userRow(op.username)).failed_attempts).toBe(0);
  });

  it('lets a restricted workstation’s operator in read-only: refused with the reason, audited, no session', async () => {
    const ws = await suite.h.workstation({ status: 'restricted', reason: 'wrong data were sent' });
    const op = await suite.h.operator(name('madina'), { workstations: [ws.id] });
    const answer = await signIn(ws, op.username, op.password);
    expect([answer.status, errorOf(answer).code, errorOf(answer).reason]).toEqual([403, 'WORKSTATION_RESTRICTED', 'wrong data were sent']);
    expect(await audits(ws.id, 'session.signIn')).toEqual([{ actor: op.username, details: { readOnly: true } }]);
    expect((await suite.h.db.query('SELECT 1 FROM operator_sessions WHERE workstation_id = $1', [ws.id])).rows).toEqual([]);
  });

  it('gives an account made before account keys its keys at its first online sign-in, from the password typed', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('olzhas'), { workstations: [ws.id], keys: false });
    const result = valueOf<SignInResult>(await signIn(ws, op.username, op.password));
    const derived = await deriveAccountKeys(op.password, result.account.kdf);
    expect(result.account).toEqual(derived.public);
    expect(result.account.kdf.N).toBe(2 ** 15);
    expect(await userRow(op.username)).toMatchObject({ sign_pub: derived.public.signPub, wrap_pub: derived.public.wrapPub, account_kdf: derived.public.kdf });
    // Signing in again keeps them.
    expect(valueOf<SignInResult>(await signIn(ws, op.username, op.password)).account).toEqual(derived.public);
  });

  it('keeps the keys another sign-in gave the account first, and opens no session for an account without keys', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('pavel'), { workstations: [ws.id] });
    const stale = { ...(await userRow(op.username)), account_kdf: null, sign_pub: null, wrap_pub: null };
    const kept = await ensureAccountKeys(suite.h.db, stale, op.password);
    expect([kept.sign_pub, kept.wrap_pub]).toEqual([op.keys.public.signPub, op.keys.public.wrapPub]);
    await expect(signInResult({ serverKeyPem: suite.h.setup.pki.serverKeyPem }, suite.h.db, ws, stale, base)).rejects.toMatchObject({ code: 'ACCOUNT_KEYS_MISSING' });
  });

  it('serves a session only to its own workstation while it is live, and ends it at sign-out', async () => {
    const ws = await suite.h.workstation();
    const other = await suite.h.workstation();
    const op = await suite.h.operator(name('raisa'), { workstations: [ws.id, other.id] });
    const token = await session(ws, op);
    expect(codeOf(await accounts(ws, token))).toBe('ok');
    for (const bad of [undefined, '', token.slice(1), `${token}A`, crypto.randomBytes(32).toString('base64url')]) {
      const answer = await accounts(ws, bad);
      expect([answer.status, codeOf(answer)], String(bad)).toEqual([401, 'SESSION_REQUIRED']);
    }
    expect(codeOf(await accounts(other, token))).toBe('SESSION_REQUIRED');
    // Sign-out from another workstation ends nothing; from its own, once.
    const signOut = (from: Ws, value?: string) => suite.h.request(from, 'POST', serverRoutes.signOut, {}, value === undefined ? {} : { [sessionHeader]: value });
    expect(valueOf(await signOut(other, token))).toEqual({ ended: false });
    expect(valueOf(await signOut(ws, 'not-a-token'))).toEqual({ ended: false });
    expect(valueOf(await signOut(ws))).toEqual({ ended: false });
    expect(codeOf(await accounts(ws, token))).toBe('ok');
    suite.h.now.value = later(minute);
    expect(valueOf(await signOut(ws, token))).toEqual({ ended: true });
    const { rows } = await suite.h.db.query<{ ended_at: Date }>('SELECT ended_at FROM operator_sessions WHERE token_hash = $1', [tokenHash(token)]);
    expect(rows[0]?.ended_at).toEqual(later(minute));
    expect(valueOf(await signOut(ws, token))).toEqual({ ended: false });
    expect(codeOf(await accounts(ws, token))).toBe('SESSION_REQUIRED');
  });

  it('ends a session at twelve hours exactly', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('saltanat'), { workstations: [ws.id] });
    const token = await session(ws, op);
    suite.h.now.value = later(12 * 3_600_000 - 1);
    expect(codeOf(await accounts(ws, token))).toBe('ok');
    suite.h.now.value = later(12 * 3_600_000);
    expect(codeOf(await accounts(ws, token))).toBe('SESSION_REQUIRED');
  });

  it('names the operator the session belongs to, never one from the body', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('timur'), { workstations: [ws.id], role: 'data_holder' });
    const token = await session(ws, op);
    expect(await requireSession(suite.h.db, ws, token, base)).toEqual({ username: op.username, role: 'data_holder', agencyId: suite.h.agencyId, tokenHash: tokenHash(token) });
    const foreign = { ...ws, agencyId: 'another-agency' };
    await expect(requireSession(suite.h.db, foreign, token, base)).rejects.toMatchObject({ code: 'USER_NOT_ON_WORKSTATION' });
  });

  it('ends access with the account: disabled, expired, taken off the workstation, or its password changed', async () => {
    const ws = await suite.h.workstation();
    const make = async (stem: string, options: Parameters<Harness['operator']>[1] = {}) => {
      const op = await suite.h.operator(name(stem), { workstations: [ws.id], ...options });
      return { op, token: await session(ws, op) };
    };
    const disabled = await make('ulan');
    await suite.h.db.query('UPDATE users SET disabled = true WHERE username = $1', [disabled.op.username]);
    expect(codeOf(await accounts(ws, disabled.token))).toBe('USER_DISABLED');

    const expiring = await make('venera', { validUntil: later(minute) });
    suite.h.now.value = later(minute - 1);
    expect(codeOf(await accounts(ws, expiring.token))).toBe('ok');
    suite.h.now.value = later(minute);
    expect(codeOf(await accounts(ws, expiring.token))).toBe('USER_EXPIRED');
    suite.h.now.value = base;

    const removed = await make('yrys');
    await suite.h.db.query('DELETE FROM workstation_users WHERE username = $1', [removed.op.username]);
    expect(codeOf(await accounts(ws, removed.token))).toBe('USER_NOT_ON_WORKSTATION');

    const reset = await make('zarina');
    const other = await deriveAccountKeys('Another-Password-1', reset.op.keys.public.kdf);
    await suite.h.db.query('UPDATE users SET sign_pub = $2 WHERE username = $1', [reset.op.username, other.public.signPub]);
    expect(codeOf(await accounts(ws, reset.token))).toBe('SESSION_REQUIRED');
    await suite.h.db.query('UPDATE users SET sign_pub = $2, wrap_pub = $3 WHERE username = $1', [reset.op.username, reset.op.keys.public.signPub, other.public.wrapPub]);
    expect(codeOf(await accounts(ws, reset.token))).toBe('SESSION_REQUIRED');
    await suite.h.db.query('UPDATE users SET account_kdf = NULL, sign_pub = NULL, wrap_pub = NULL WHERE username = $1', [reset.op.username]);
    expect(codeOf(await accounts(ws, reset.token))).toBe('SESSION_REQUIRED');
  });

  const resume = (ws: Ws, op: Operator, at: Date, options: { username?: string; signWith?: Operator } = {}) => {
    const atText = at.toISOString();
    const signature = signMessage((options.signWith ?? op).keys.signKey, resumeMessage(ws.id, op.username, atText));
    return suite.h.request(ws, 'POST', serverRoutes.resume, { username: options.username ?? op.username, at: atText, signature });
  };

  it('resumes a session with a fresh signature of the account key, once', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('aibek'), { workstations: [ws.id] });
    const answer = await resume(ws, op, base, { username: op.username.toUpperCase() });
    expect(codeOf(answer)).toBe('ok');
    expect(valueOf<SignInResult>(answer)).toMatchObject({ user: { username: op.username }, account: op.keys.public });
    const replay = await resume(ws, op, base);
    expect([replay.status, errorOf(replay).message]).toEqual([400, 'The request is not valid. (signature: already used)']);
    expect(await audits(ws.id, 'session.resume')).toEqual([
      { actor: op.username, details: {} },
      { actor: op.username, details: { refused: 'INVALID_INPUT' } },
    ]);
  });

  it('takes a resume signed up to five minutes either side of the server’s clock, and no further', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('bakyt'), { workstations: [ws.id] });
    expect(codeOf(await resume(ws, op, later(-5 * minute)))).toBe('ok');
    expect(codeOf(await resume(ws, op, later(5 * minute)))).toBe('ok');
    for (const skew of [-5 * minute - 1, 5 * minute + 1]) {
      const answer = await resume(ws, op, later(skew));
      expect(errorOf(answer).message, String(skew)).toBe('The request is not valid. (at: not within five minutes of the server’s clock)');
    }
    expect((await audits(ws.id, 'session.resume')).slice(2)).toEqual([
      { actor: op.username, details: { refused: 'INVALID_INPUT' } },
      { actor: op.username, details: { refused: 'INVALID_INPUT' } },
    ]);
  });

  it('refuses a resume not signed by the account’s current key, alike for unknown names, and counts it against the workstation', async () => {
    const ws = await suite.h.workstation();
    const op = await suite.h.operator(name('cholpon'), { workstations: [ws.id] });
    const forger = await suite.h.operator(name('dinara'), { workstations: [ws.id] });
    const keyless = await suite.h.operator(name('emil'), { workstations: [ws.id], keys: false });
    const unknown: Operator = { ...forger, username: 'nobody-here' };
    for (const [who, signer] of [
      [op, forger],
      [keyless, keyless],
      [unknown, forger],
    ] as const) {
      const answer = await resume(ws, who, base, { signWith: signer });
      expect([answer.status, codeOf(answer)], who.username).toEqual([401, 'USER_UNKNOWN_OR_WRONG_PASSWORD']);
    }
    expect(await audits(ws.id, 'session.resume')).toEqual(Array.from({ length: 3 }, () => ({ actor: `workstation:${ws.id}`, details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } })));
    for (let n = 0; n < 3; n += 1) suite.h.throttle.fail(ws.id, base);
    const slowed = await resume(ws, op, base);
    expect([errorOf(slowed).code, errorOf(slowed).retryAfter]).toEqual(['TOO_MANY_ATTEMPTS', later(10 * minute).toISOString()]);
  });

  it('refuses a resume of a locked, disabled or restricted account with the right code', async () => {
    const ws = await suite.h.workstation();
    const locked = await suite.h.operator(name('farhad'), { workstations: [ws.id] });
    await suite.h.db.query('UPDATE users SET locked_until = $2 WHERE username = $1', [locked.username, later(minute)]);
    const refused = await resume(ws, locked, base);
    expect([refused.status, errorOf(refused).code, errorOf(refused).retryAfter]).toEqual([429, 'USER_LOCKED', later(minute).toISOString()]);
    suite.h.now.value = later(minute);
    expect(codeOf(await resume(ws, locked, later(minute)))).toBe('ok');
    suite.h.now.value = base;
    const disabled = await suite.h.operator(name('gaukhar'), { workstations: [ws.id], disabled: true });
    expect(codeOf(await resume(ws, disabled, base))).toBe('USER_DISABLED');
    const restricted = await suite.h.workstation({ status: 'restricted', reason: 'checking' });
    const op = await suite.h.operator(name('hamid'), { workstations: [restricted.id] });
    expect(errorOf(await resume(restricted, op, base))).toMatchObject({ code: 'WORKSTATION_RESTRICTED', reason: 'checking' });
    expect(await audits(restricted.id, 'session.resume')).toEqual([{ actor: op.username, details: { readOnly: true } }]);
  });

  it('lists the workstation’s operators with keys, signed, in name order', async () => {
    const ws = await suite.h.workstation({ status: 'suspended', reason: 'audit' });
    const seq = name('');
    const b = await suite.h.operator(`op-b${seq}`, { workstations: [ws.id] });
    const a = await suite.h.operator(`op-a${seq}`, { workstations: [ws.id], disabled: true });
    await suite.h.operator(`op-c${seq}`, { workstations: [ws.id], keys: false });
    await suite.h.operator(name('elsewhere'), { workstations: [(await suite.h.workstation()).id] });
    const answer = await suite.h.request(ws, 'GET', serverRoutes.operators);
    const { operators } = valueOf<{ operators: { username: string; statement: { statement: string; signature: string } }[] }>(answer);
    expect(operators.map((entry) => entry.username)).toEqual([a.username, b.username]);
    expect(verifyStatement(suite.h.setup.pki.serverCertPem, operators[0]?.statement as never)).toMatchObject({ workstationId: ws.id, username: a.username, disabled: true, credentialId: credentialIdOf(a.keys.public), issuedAt: base.toISOString() });
  });

  it('gives a signed-in operator the usable accounts of the workstation, with their keys', async () => {
    const ws = await suite.h.workstation();
    const otherAgency = (await testAgency(suite.h.setup.admin, 'Ош балдар үйү')).id;
    const seq = name('');
    const me = await suite.h.operator(`acc-a${seq}`, { workstations: [ws.id] });
    const peer = await suite.h.operator(`acc-b${seq}`, { workstations: [ws.id], role: 'data_holder' });
    await suite.h.operator(`acc-c${seq}`, { workstations: [ws.id], disabled: true });
    await suite.h.operator(`acc-d${seq}`, { workstations: [ws.id], validUntil: base });
    await suite.h.operator(`acc-e${seq}`, { workstations: [ws.id], agencyId: otherAgency });
    await suite.h.operator(`acc-f${seq}`, { workstations: [ws.id], keys: false });
    const token = await session(ws, me);
    const { accounts: listed } = valueOf<{ accounts: { username: string; displayName: string; role: string; account: unknown; statement: never }[] }>(await accounts(ws, token));
    expect(listed.map((entry) => entry.username)).toEqual([me.username, peer.username]);
    expect(listed[1]).toMatchObject({ username: peer.username, displayName: `Display ${peer.username}`, role: 'data_holder', account: peer.keys.public });
    expect(verifyStatement(suite.h.setup.pki.serverCertPem, listed[1]?.statement as never)).toMatchObject({ username: peer.username, workstationId: ws.id });
  });
});
