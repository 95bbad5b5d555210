import { describe, expect, it, vi } from 'vitest';
import { resumeMessage, passwordChangeMessage } from '../../../shared/serverApi/accountProofs';
import { serverRoutes, type OfflinePasswordChangeRequest } from '../../../shared/serverApi/serverApi';
import { credentialIdOf, verifyMessage } from '../../../src-main/security/accountKeys';
import { scryptHash } from '../../../src-main/security/scrypt';
import { fakeServer, ok, refused } from './sessionFakeServer';
import { described, operatorsValidUntil as validUntil, stationsPerTest, type Station } from './sessionStation';

/*
 * Issue 22 (session module): the operator's server session (kept, resumed with the account key,
 * ended), password changes online and offline and their delivery, and the other operators'
 * standing brought up to the server's word. In-process: the server is scripted.
 */

vi.mock('../../../src-main/serverLink/serverClient', async () => ({ serverRequest: (await import('./sessionFakeServer')).fakeServer.request }));

const stations = stationsPerTest();

const twoOperators = () => stations.twoOperators(false);

const db = (s: Station) => s.service.database();
const pendingOf = (s: Station, username: string) =>
  (db(s).prepare('SELECT request_json FROM pending_password_changes WHERE username = ?').get(username) as { request_json: string } | undefined)?.request_json;
const operator = (s: Station, username: string) => db(s).prepare('SELECT credential_id, previous_credential_id, disabled FROM operators WHERE username = ?').get(username);

/** bakyt signed in online: the server answered with his own account (the profile's), a session of an hour. */
async function online(s: Station) {
  const account = await s.account('Bakyt-Pass-2026', 'bakyt');
  const result = s.signInResult('bakyt', account);
  fakeServer.on(serverRoutes.signIn, ok(result));
  await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
  fakeServer.reset();
  return { account, result };
}

describe('the operator’s server session', () => {
  it('is refused to nobody signed in', async () => {
    const s = await twoOperators();
    await expect(s.service.liveConnection()).rejects.toMatchObject({ code: 'SIGNED_OUT' });
    s.service.dropServerSession();
    await s.service.afterContact();
    expect(fakeServer.requests).toEqual([]);
  });

  it('is reused until a minute before it ends, then resumed with a signature of the account key', async () => {
    const s = await twoOperators();
    const { account, result } = await online(s);
    const ends = Date.parse(result.session.expiresAt);
    s.clock.now = new Date(ends - 60_001);
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'ok', connection: { session: result.session.token, url: 'https://127.0.0.1:9/' } });
    expect(fakeServer.requests).toEqual([]);

    s.clock.now = new Date(ends - 60_000);
    const next = s.signInResult('bakyt', account);
    fakeServer.on(serverRoutes.resume, ok(next));
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'ok', connection: { session: next.session.token } });
    const asked = fakeServer.requests[0];
    expect(asked).toMatchObject({ method: 'POST', route: serverRoutes.resume, body: { username: 'bakyt', at: s.clock.now.toISOString() } });
    expect(asked?.connection.session).toBeUndefined();
    const { at, signature } = asked?.body as { at: string; signature: string };
    expect(verifyMessage(account.signPub, resumeMessage(s.workstationId, 'bakyt', at), signature)).toBe(true);
    // The resumed session is kept: asked again, no new request.
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'ok', connection: { session: next.session.token } });
    expect(fakeServer.requests).toHaveLength(1);
  });

  it('is resumed after an offline sign-in, and again once the server dropped it', async () => {
    const s = await twoOperators();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(s.service.status()).toMatchObject({ verifiedOnline: false });
    fakeServer.reset();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    const first = s.signInResult('bakyt', account);
    const second = s.signInResult('bakyt', account);
    fakeServer.on(serverRoutes.resume, ok(first), ok(second));
    expect(await s.service.liveConnection()).toMatchObject({ connection: { session: first.session.token } });
    expect(s.service.status()).toMatchObject({ verifiedOnline: true });
    s.service.dropServerSession();
    expect(await s.service.liveConnection()).toMatchObject({ connection: { session: second.session.token } });
    expect(fakeServer.routesAsked().filter((route) => route === serverRoutes.resume)).toHaveLength(2);
  });

  it('passes on the server being unreachable or refusing, keeping the operator signed in', async () => {
    const s = await twoOperators();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    fakeServer.reset();
    expect(await s.service.liveConnection()).toEqual({ kind: 'unreachable', detail: 'ECONNREFUSED' });
    fakeServer.on(serverRoutes.resume, refused('WORKSTATION_SUSPENDED', { reason: 'moved' }));
    expect(await s.service.liveConnection()).toEqual({ kind: 'refused', error: { code: 'WORKSTATION_SUSPENDED', message: 'server says WORKSTATION_SUSPENDED', reason: 'moved' } });
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'account' });
  });

  it('ends access at a resume the server refuses for the operator: disabled, moved off, or another password', async () => {
    const cases = [
      ['USER_DISABLED', 'disabled'],
      ['USER_NOT_ON_WORKSTATION', 'notOnWorkstation'],
      ['USER_UNKNOWN_OR_WRONG_PASSWORD', 'credentialChanged'],
    ] as const;
    for (const [code, reason] of cases) {
      const s = await twoOperators();
      await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
      fakeServer.reset();
      fakeServer.on(serverRoutes.resume, refused(code));
      expect(await s.service.liveConnection()).toMatchObject({ kind: 'refused', error: { code } });
      expect(s.service.status()).toMatchObject({ state: 'signedOut' });
      expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'removed', reason });
      fakeServer.reset();
    }
  });

  it('tells the server the session ended at sign-out and at lock, and not again', async () => {
    const s = await twoOperators();
    const { result } = await online(s);
    s.service.lock();
    expect(fakeServer.requests).toMatchObject([{ route: serverRoutes.signOut, connection: { session: result.session.token }, timeoutMs: 3_000 }]);
    s.service.signOut();
    expect(fakeServer.requests).toHaveLength(1);
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
  });
});

describe('the other operators’ standing, at each contact', () => {
  it('destroys the wrap of an operator the server no longer lists, or whose statement it did not sign, and keeps the listed ones', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    const aigulCredential = (s.keyring().wrapOf('aigul') as { credentialId: string }).credentialId;
    fakeServer.on(serverRoutes.signIn, ok(s.signInResult('bakyt', account)));
    const forged = s.sign(s.statement({ username: 'aigul', credentialId: aigulCredential }));
    forged.signature = s.sign(s.statement({ username: 'bakyt', credentialId: aigulCredential })).signature;
    fakeServer.on(serverRoutes.operators, ok({ operators: [{ username: 'bakyt', statement: s.sign(s.statement({ username: 'BAKYT', credentialId: credentialIdOf(account) })) }, { username: 'aigul', statement: forged }] }));
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'removed', reason: 'notOnWorkstation' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'account' });
    expect(operator(s, 'aigul')).toMatchObject({ credential_id: null });
    // With the session, the accounts to wrap for are asked next.
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.signIn, serverRoutes.operators, serverRoutes.accounts]);
    expect(fakeServer.requests[2]?.connection.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('keeps everyone when the server does not answer the list', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, ok(s.signInResult('bakyt', await s.account('Bakyt-Pass-2026', 'bakyt'))));
    fakeServer.on(serverRoutes.operators, refused('SESSION_REQUIRED'));
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'account' });
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.signIn, serverRoutes.operators]);
  });

  it('signs the operator out after a contact that says their own access ended', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    const { result } = await online(s);
    fakeServer.on(serverRoutes.operators, ok({ operators: [{ username: 'bakyt', statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(account), disabled: true })) }] }));
    await s.service.afterContact();
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'removed', reason: 'disabled' });
    // Removed: no accounts were asked for, and the server heard the session end.
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.operators, serverRoutes.signOut]);
    expect(fakeServer.requests[1]?.connection.session).toBe(result.session.token);
  });

  it('keeps the operator signed in when the list cannot be had, or is refused, and when another operator loses access', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    await online(s);
    const aigulCredential = (s.keyring().wrapOf('aigul') as { credentialId: string }).credentialId;
    // Nothing scripted: the server is unreachable.
    await s.service.afterContact();
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
    fakeServer.on(serverRoutes.operators, refused('WORKSTATION_SUSPENDED'));
    await s.service.afterContact();
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
    fakeServer.on(serverRoutes.operators, ok({ operators: [
      { username: 'bakyt', statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(account) })) },
      { username: 'aigul', statement: s.sign(s.statement({ username: 'aigul', credentialId: aigulCredential, disabled: true })) },
    ] }));
    await s.service.afterContact();
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'removed', reason: 'disabled' });
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
  });

  it('signs the operator out when the list no longer names them, and keeps them when it does', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    await online(s);
    fakeServer.on(serverRoutes.operators, ok({ operators: [{ username: 'bakyt', statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(account) })) }] }));
    await s.service.afterContact();
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'removed', reason: 'notOnWorkstation' });
    fakeServer.on(serverRoutes.operators, ok({ operators: [] }));
    await s.service.afterContact();
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'removed', reason: 'notOnWorkstation' });
  });

  it('wraps the cache key for an operator added at the server, who then signs in offline; refuses offers that do not hold together', async () => {
    const s = await twoOperators();
    const bakyt = await s.account('Bakyt-Pass-2026', 'bakyt');
    const aigulCredential = (s.keyring().wrapOf('aigul') as { credentialId: string }).credentialId;
    await online(s);
    const chinara = await s.account('Chinara-Pass-2026');
    const offer = (username: string, fields: Parameters<Station['statement']>[0], account = chinara) => ({ username, displayName: 'Чынара', role: 'data_holder', account, statement: s.sign(s.statement(fields)) });
    const listed = [
      { username: 'bakyt', statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(bakyt) })) },
      { username: 'aigul', statement: s.sign(s.statement({ username: 'aigul', credentialId: aigulCredential })) },
    ];
    fakeServer.on(serverRoutes.operators, ok({ operators: listed }));
    fakeServer.on(
      serverRoutes.accounts,
      ok({
        accounts: [
          offer('dana', { username: 'dana', credentialId: credentialIdOf(chinara), disabled: true }),
          offer('erlan', { username: 'someone', credentialId: credentialIdOf(chinara) }),
          offer('farida', { username: 'farida', credentialId: credentialIdOf(chinara), workstationId: 'ws-other' }),
          offer('gulnara', { username: 'gulnara', credentialId: credentialIdOf(bakyt) }),
          { ...offer('hasan', { username: 'hasan', credentialId: credentialIdOf(chinara) }), statement: { statement: 'AAAA', signature: 'AAAA' } },
          offer('Chinara', { username: 'chinara', credentialId: credentialIdOf(chinara) }),
        ],
      }),
    );
    await s.service.afterContact();
    expect(fakeServer.requests.find((request) => request.route === serverRoutes.accounts)?.connection.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const refusedName of ['dana', 'erlan', 'farida', 'gulnara', 'hasan']) expect(s.keyring().find(refusedName)).toBeUndefined();
    expect(s.keyring().find('chinara')).toMatchObject({ kind: 'account', credentialId: credentialIdOf(chinara), failedAttempts: 0, lockedUntil: null });
    expect(db(s).prepare("SELECT username, display_name, role, credential_id, legacy, valid_until FROM operators WHERE lower(username) = 'chinara'").get()).toEqual({
      username: 'Chinara',
      display_name: 'Чынара',
      role: 'data_holder',
      credential_id: credentialIdOf(chinara),
      legacy: 0,
      valid_until: '2027-06-30T00:00:00.000Z',
    });
    expect(db(s).prepare("SELECT actor, details_json FROM audit_log WHERE action = 'session.accessGranted'").all()).toEqual([{ actor: 'Chinara', details_json: '{"by":"bakyt"}' }]);
    s.service.signOut();
    fakeServer.reset();
    expect(await s.service.signIn('chinara', 'Chinara-Pass-2026')).toMatchObject({ state: 'signedIn', user: { username: 'Chinara', displayName: 'Чынара' } });
  });

  it('leaves alone an operator who already holds that wrap, and one whose password change waits here', async () => {
    const s = await twoOperators();
    const bakyt = await s.account('Bakyt-Pass-2026', 'bakyt');
    const aigulEntry = s.keyring().wrapOf('aigul');
    await online(s);
    db(s).prepare("INSERT INTO pending_password_changes (username, current_hash, new_hash, new_kdf_json, changed_at, request_json) VALUES ('aigul', '', '', '', 'x', '[]')").run();
    const other = await s.account('Aigul-New-2026');
    fakeServer.on(serverRoutes.operators, ok({ operators: [{ username: 'bakyt', statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(bakyt) })) }, { username: 'aigul', statement: s.sign(s.statement({ username: 'aigul', credentialId: (aigulEntry as { credentialId: string }).credentialId })) }] }));
    fakeServer.on(serverRoutes.accounts, ok({ accounts: [{ username: 'bakyt', displayName: 'B', role: 'data_holder', account: bakyt, statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(bakyt) })) }, { username: 'aigul', displayName: 'A', role: 'data_holder', account: other, statement: s.sign(s.statement({ username: 'aigul', credentialId: credentialIdOf(other) })) }] }));
    const bakytEntry = s.keyring().wrapOf('bakyt');
    await s.service.afterContact();
    expect(s.keyring().wrapOf('bakyt')).toEqual(bakytEntry);
    expect(s.keyring().wrapOf('aigul')).toEqual(aigulEntry);
    expect(db(s).prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'session.accessGranted'").get()).toEqual({ n: 0 });
  });

  it('after an offline sign-in, brings the standing up to date but wraps for nobody without a server session', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    fakeServer.reset();
    fakeServer.on(serverRoutes.operators, ok({ operators: [{ username: 'bakyt', statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(account) })) }] }));
    await s.service.afterContact();
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.operators]);
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'removed', reason: 'notOnWorkstation' });
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
  });
});

describe('a password change', () => {
  it('is refused to nobody signed in, and a weak or wrong password by its code', async () => {
    const s = await twoOperators();
    await expect(s.service.changePassword('Bakyt-Pass-2026', 'Better-Secret-42')).rejects.toMatchObject({ code: 'SIGNED_OUT' });
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    await expect(s.service.changePassword('Bakyt-Pass-2026', 'short')).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
      params: { problems: [described('passwordRules.tooShort', { min: '10', max: '128' }), described('passwordRules.tooSimple', { min: '10', max: '128' })].join('; ') },
    });
    await expect(s.service.changePassword('wrong-current', 'Better-Secret-42')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.signIn]);
  });

  it('online: takes the server’s new account, re-wraps the cache key to it, and only the new password opens it', async () => {
    const s = await twoOperators();
    await online(s);
    const renewed = await s.account('Better-Secret-42');
    fakeServer.on(serverRoutes.changePassword, ok(s.signInResult('bakyt', renewed)));
    expect(await s.service.changePassword('Bakyt-Pass-2026', 'Better-Secret-42')).toMatchObject({ state: 'signedIn', mustChangePassword: false, verifiedOnline: true });
    expect(fakeServer.requests[0]?.body).toEqual({ username: 'bakyt', currentPassword: 'Bakyt-Pass-2026', newPassword: 'Better-Secret-42' });
    expect(db(s).prepare("SELECT details_json FROM audit_log WHERE action = 'session.passwordChanged'").all()).toEqual([{ details_json: '{"online":true}' }]);
    expect(s.keyring().wrapOf('bakyt')).toMatchObject({ credentialId: credentialIdOf(renewed) });
    s.service.signOut();
    fakeServer.reset();
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(await s.service.signIn('bakyt', 'Better-Secret-42')).toMatchObject({ state: 'signedIn' });
  });

  it('online: passes on the server’s policy message, its refusal of the operator, or any other refusal', async () => {
    const s = await twoOperators();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    fakeServer.on(serverRoutes.changePassword, refused('PASSWORD_POLICY', { message: 'seen in a breach' }), refused('TOO_MANY_ATTEMPTS'), refused('USER_DISABLED'));
    await expect(s.service.changePassword('Bakyt-Pass-2026', 'Better-Secret-42')).rejects.toMatchObject({ code: 'PASSWORD_POLICY', params: { problems: 'seen in a breach' } });
    await expect(s.service.changePassword('Bakyt-Pass-2026', 'Better-Secret-42')).rejects.toMatchObject({ code: 'SERVER_REFUSED', params: { message: 'server says TOO_MANY_ATTEMPTS' } });
    await expect(s.service.changePassword('Bakyt-Pass-2026', 'Better-Secret-42')).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'removed', reason: 'disabled' });
  });

  it('offline, or refused only for the workstation’s state: made here, signed by the current key, and sent in order at the next contact', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    const original = credentialIdOf(account);
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    s.clock.now = new Date('2026-11-20T10:00:00.000Z');
    expect(await s.service.changePassword('Bakyt-Pass-2026', 'Second-Secret-42')).toMatchObject({ mustChangePassword: false });
    fakeServer.on(serverRoutes.changePassword, refused('WORKSTATION_RESTRICTED', { reason: 'audit' }));
    s.clock.now = new Date('2026-11-20T10:05:00.000Z');
    await s.service.changePassword('Second-Secret-42', 'Third-Secret-42');
    const queue = JSON.parse(pendingOf(s, 'bakyt') as string) as OfflinePasswordChangeRequest[];
    expect(queue.map((request) => [request.username, request.at])).toEqual([
      ['bakyt', '2026-11-20T10:00:00.000Z'],
      ['bakyt', '2026-11-20T10:05:00.000Z'],
    ]);
    // The server checks the new password's verifier, made with the parameters sent with it.
    expect(queue[0]?.newPasswordHash).toBe((await scryptHash('Second-Secret-42', (queue[0] as OfflinePasswordChangeRequest).newKdf)).toString('base64'));
    expect(queue[0]?.newKdf.salt).not.toBe(queue[0]?.newAccount.kdf.salt);
    // The first is signed by the original account key, the second by the first change's.
    const [first, second] = queue as [OfflinePasswordChangeRequest, OfflinePasswordChangeRequest];
    const { signature: firstSignature, ...firstUnsigned } = first;
    expect(verifyMessage(account.signPub, passwordChangeMessage(s.workstationId, firstUnsigned), firstSignature)).toBe(true);
    const { signature: secondSignature, ...secondUnsigned } = second;
    expect(verifyMessage(first.newAccount.signPub, passwordChangeMessage(s.workstationId, secondUnsigned), secondSignature)).toBe(true);
    expect(operator(s, 'bakyt')).toMatchObject({ credential_id: credentialIdOf(second.newAccount), previous_credential_id: original });
    expect(db(s).prepare("SELECT details_json FROM audit_log WHERE action = 'session.passwordChanged'").all()).toEqual([{ details_json: '{"online":false}' }, { details_json: '{"online":false}' }]);
    s.service.signOut();

    // Offline, only the newest password opens the cache.
    fakeServer.reset();
    await expect(s.service.signIn('bakyt', 'Second-Secret-42')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await s.service.signIn('bakyt', 'Third-Secret-42');
    s.service.signOut();

    // The next contact: the first goes through, then the server stops answering; the second waits.
    fakeServer.reset();
    const afterFirst = s.signInResult('bakyt', first.newAccount);
    fakeServer.on(serverRoutes.offlinePasswordChange, ok(afterFirst), { kind: 'unreachable', detail: 'gone' });
    expect(await s.service.signIn('bakyt', 'Third-Secret-42')).toMatchObject({ verifiedOnline: false });
    expect(fakeServer.requests.map((request) => request.body)).toEqual([first, second]);
    expect(JSON.parse(pendingOf(s, 'bakyt') as string)).toEqual([second]);
    s.service.signOut();

    // Then both are through: the pending change is gone, and the server's answer is the sign-in.
    fakeServer.reset();
    const afterSecond = s.signInResult('bakyt', second.newAccount);
    fakeServer.on(serverRoutes.offlinePasswordChange, ok(afterSecond));
    expect(await s.service.signIn('bakyt', 'Third-Secret-42')).toMatchObject({ verifiedOnline: true });
    expect(fakeServer.routesAsked().slice(0, 2)).toEqual([serverRoutes.offlinePasswordChange, serverRoutes.operators]);
    expect(pendingOf(s, 'bakyt')).toBeUndefined();
    expect(operator(s, 'bakyt')).toMatchObject({ credential_id: credentialIdOf(second.newAccount), previous_credential_id: null });
  });

  it('is refused once the operator’s wrap was removed while signed in', async () => {
    const s = await twoOperators();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    const keyring = s.keyring();
    keyring.remove('bakyt', 'notOnWorkstation');
    keyring.save();
    await expect(s.service.changePassword('Bakyt-Pass-2026', 'Better-Secret-42')).rejects.toMatchObject({ code: 'SIGNED_OUT' });
  });

  it('ends the demand for a new password, here and after a restart', async () => {
    const s = await stations.station([{ username: 'dana', password: 'Dana-Pass-2026', validUntil, mustChangePassword: true }]);
    expect(await s.service.signIn('dana', 'Dana-Pass-2026')).toMatchObject({ mustChangePassword: true });
    expect(await s.service.changePassword('Dana-Pass-2026', 'Better-Secret-42')).toMatchObject({ mustChangePassword: false });
    expect(s.service.database()).toBeDefined();
    s.service.signOut();
    expect(await s.restart().signIn('dana', 'Better-Secret-42')).toMatchObject({ mustChangePassword: false });
  });

  it('is made here while the server suspended the workstation, and waits for it', async () => {
    const s = await twoOperators();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    fakeServer.on(serverRoutes.changePassword, refused('WORKSTATION_SUSPENDED', { reason: 'moved' }));
    expect(await s.service.changePassword('Bakyt-Pass-2026', 'Second-Secret-42')).toMatchObject({ state: 'signedIn' });
    expect(JSON.parse(pendingOf(s, 'bakyt') as string)).toHaveLength(1);
  });

  it('made offline during a server session ends that session: the next connection delivers the change first', async () => {
    const s = await twoOperators();
    await online(s);
    fakeServer.on(serverRoutes.changePassword, refused('WORKSTATION_OUTDATED', { current: '1.0.0', required: '2.0.0' }));
    await s.service.changePassword('Bakyt-Pass-2026', 'Second-Secret-42');
    const [change] = JSON.parse(pendingOf(s, 'bakyt') as string) as [OfflinePasswordChangeRequest];
    fakeServer.reset();
    const accepted = s.signInResult('bakyt', change.newAccount);
    fakeServer.on(serverRoutes.offlinePasswordChange, ok(accepted));
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'ok', connection: { session: accepted.session.token } });
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.offlinePasswordChange]);
  });

  it('offline change delivered at a resume; one the server refuses is dropped there and the resume signs in as usual', async () => {
    const s = await twoOperators();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    await s.service.changePassword('Bakyt-Pass-2026', 'Second-Secret-42');
    const [change] = JSON.parse(pendingOf(s, 'bakyt') as string) as [OfflinePasswordChangeRequest];
    fakeServer.reset();
    // The server does not answer: no resume is tried before the change is through.
    expect(await s.service.liveConnection()).toEqual({ kind: 'unreachable', detail: 'unreachable' });
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.offlinePasswordChange]);
    fakeServer.reset();
    const accepted = s.signInResult('bakyt', change.newAccount);
    fakeServer.on(serverRoutes.offlinePasswordChange, ok(accepted));
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'ok', connection: { session: accepted.session.token } });
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.offlinePasswordChange]);
    expect(pendingOf(s, 'bakyt')).toBeUndefined();

    await s.service.changePassword('Second-Secret-42', 'Third-Secret-42');
    fakeServer.reset();
    fakeServer.on(serverRoutes.offlinePasswordChange, refused('WORKSTATION_SUSPENDED', { reason: 'moved' }));
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'unreachable' });
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.offlinePasswordChange, serverRoutes.resume]);
    // The resume is signed by the newest password's account key.
    const [latest] = JSON.parse(pendingOf(s, 'bakyt') as string) as [OfflinePasswordChangeRequest];
    const resume = fakeServer.requests[1]?.body as { username: string; at: string; signature: string };
    expect(verifyMessage(latest.newAccount.signPub, resumeMessage(s.workstationId, 'bakyt', resume.at), resume.signature)).toBe(true);
    expect(s.service.status()).toMatchObject({ serverNotice: { code: 'WORKSTATION_SUSPENDED' } });
  });
});
