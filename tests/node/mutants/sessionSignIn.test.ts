import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../../shared/i18n/format';
import { serverRoutes } from '../../../shared/serverApi/serverApi';
import { cacheFileName } from '../../../src-main/activation/activateWorkstation';
import { EventBus } from '../../../src-main/events/eventBus';
import { lockoutMinutes, maxFailedAttempts, SessionService } from '../../../src-main/session/sessionService';
import { tempDir } from '../../support/tempDir';
import { fakeServer, ok, refused } from './sessionFakeServer';
import { described, operatorsValidUntil as validUntil, stationsPerTest, type Station } from './sessionStation';

/*
 * Issue 22 (session module): signing in at the workstation, offline and with the server's answer,
 * each refusal by its exact code. In-process: the server is scripted (sessionFakeServer.ts).
 */

vi.mock('../../../src-main/serverLink/serverClient', async () => ({ serverRequest: (await import('./sessionFakeServer')).fakeServer.request }));

const stations = stationsPerTest();

const twoOperators = () => stations.twoOperators(true);

const timeText = (date: Date) => `${formatDate(date, 'en')} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
const auditOf = (s: Station) => s.service.database().prepare('SELECT actor, action, details_json AS details FROM audit_log WHERE action LIKE ? ORDER BY id').all('session.%');
/** Reads the cache as bakyt (signed in offline), then signs out. */
async function asBakyt<T>(s: Station, read: (s: Station) => T): Promise<T> {
  await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
  const value = read(s);
  s.service.signOut();
  return value;
}

describe('sign-in offline', () => {
  it('opens the cache for the operator the cache names, as the cache records them', async () => {
    const s = await twoOperators();
    expect(s.service.status()).toMatchObject({ state: 'signedOut', workstationName: 'Test workstation', agencyName: 'Test agency' });
    const status = await s.service.signIn('Aigul', 'Aigul-Pass-2026');
    expect(status).toEqual({
      state: 'signedIn',
      workstationName: 'Test workstation',
      agencyName: 'Test agency',
      user: { username: 'aigul', displayName: 'Айгүл', role: 'data_holder', validUntil },
      mustChangePassword: true,
      verifiedOnline: false,
      serverNotice: null,
    });
    expect(s.events.at(-1)).toEqual({ name: 'session.changed', payload: status });
    expect(() => s.service.database()).toThrow(expect.objectContaining({ code: 'PASSWORD_CHANGE_REQUIRED' }));
    s.service.signOut();
    expect(() => s.service.database()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
    expect(() => s.service.work('read')).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));

    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(s.service.work('write')).toMatchObject({ username: 'bakyt', role: 'data_holder' });
    expect(auditOf(s)).toEqual([
      { actor: 'aigul', action: 'session.signedIn', details: '{"online":false}' },
      { actor: 'aigul', action: 'session.signedOut', details: '{}' },
      { actor: 'bakyt', action: 'session.signedIn', details: '{"online":false}' },
    ]);
    // Nothing was asked of the server but the sign-in it could not answer.
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.signIn, serverRoutes.signIn]);
    expect(fakeServer.requests[0]?.body).toEqual({ username: 'aigul', password: 'Aigul-Pass-2026' });
  });

  it('answers an unknown name and a wrong password alike, with WRONG_PASSWORD', async () => {
    const s = await twoOperators();
    await expect(s.service.signIn('nobody', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(s.service.signIn('aigul', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
  });

  it('locks the operator for 15 minutes at the fifth wrong password in a row, showing until when; a right one in between starts the count again', async () => {
    const s = await twoOperators();
    expect([maxFailedAttempts, lockoutMinutes]).toEqual([5, 15]);
    s.clock.now = new Date(2026, 10, 20, 7, 50, 0);
    await expect(s.service.signIn('bakyt', 'wrong-0')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(s.keyring().find('bakyt')).toMatchObject({ failedAttempts: 1, lockedUntil: null });
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    s.service.signOut();
    expect(s.keyring().find('bakyt')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    for (let attempt = 1; attempt < 5; attempt += 1) await expect(s.service.signIn('bakyt', `wrong-${attempt}`)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(s.keyring().find('bakyt')).toMatchObject({ failedAttempts: 4, lockedUntil: null });
    await expect(s.service.signIn('bakyt', 'wrong-5')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const until = new Date(2026, 10, 20, 8, 5, 0);
    expect(s.keyring().find('bakyt')).toMatchObject({ failedAttempts: 0, lockedUntil: until.toISOString() });

    s.clock.now = new Date(until.getTime() - 1);
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', params: { until: timeText(until) } });
    expect(timeText(until)).toMatch(/ 08:05$/);
    s.clock.now = until;
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ state: 'signedIn' });
    expect(s.keyring().find('bakyt')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it('tells an operator whose access was removed why: ACCOUNT_DISABLED or ACCESS_REMOVED, even with the right password', async () => {
    const s = await twoOperators();
    const keyring = s.keyring();
    keyring.remove('aigul', 'disabled');
    keyring.remove('bakyt', 'credentialChanged');
    keyring.save();
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'ACCESS_REMOVED' });
  });

  it('refuses the wrap of an operator the cache records as disabled, destroys it and writes why', async () => {
    const s = await twoOperators();
    await asBakyt(s, (w) => w.service.database().prepare("UPDATE operators SET disabled = 1 WHERE username = 'aigul'").run());
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'KEYRING_TAMPERED' });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'removed', reason: 'disabled' });
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    const audit = await asBakyt(s, auditOf);
    expect(audit).toContainEqual({ actor: 'aigul', action: 'session.keyringRefused', details: '{}' });
    expect(audit).toContainEqual({ actor: 'aigul', action: 'session.accessRemoved', details: '{"reason":"disabled"}' });
  });

  it('refuses a wrap whose credential the cache does not name, and an operator the cache does not know', async () => {
    const s = await twoOperators();
    await asBakyt(s, (w) => w.service.database().prepare("UPDATE operators SET credential_id = '00000000000000000000000000000000' WHERE username = 'aigul'").run());
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'KEYRING_TAMPERED' });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'account' });
    // A change waiting here names a previous credential: only that one is admitted, not any other.
    await asBakyt(s, (w) => w.service.database().prepare("UPDATE operators SET previous_credential_id = '22222222222222222222222222222222' WHERE username = 'aigul'").run());
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'KEYRING_TAMPERED' });
    await asBakyt(s, (w) => w.service.database().prepare("DELETE FROM operators WHERE username = 'aigul'").run());
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'KEYRING_TAMPERED' });
  });

  it('admits the previous password’s wrap while a change made here waits, rolling the change back', async () => {
    const s = await twoOperators();
    const held = (s.keyring().wrapOf('aigul') as { credentialId: string }).credentialId;
    await asBakyt(s, (w) => {
      const db = w.service.database();
      db.prepare("UPDATE operators SET credential_id = '11111111111111111111111111111111', previous_credential_id = ? WHERE username = 'aigul'").run(held);
      db.prepare("INSERT INTO pending_password_changes (username, current_hash, new_hash, new_kdf_json, changed_at, request_json) VALUES ('aigul', '', '', '', 'x', '[]')").run();
    });
    expect(await s.service.signIn('aigul', 'Aigul-Pass-2026')).toMatchObject({ state: 'signedIn' });
    s.service.signOut();
    const rows = await asBakyt(s, (w) => ({
      operator: w.service.database().prepare("SELECT credential_id, previous_credential_id FROM operators WHERE username = 'aigul'").get(),
      pending: w.service.database().prepare('SELECT count(*) AS n FROM pending_password_changes').get(),
    }));
    expect(rows).toEqual({ operator: { credential_id: held, previous_credential_id: null }, pending: { n: 0 } });
  });

  it('refuses an expired operator with ACCOUNT_EXPIRED and the date, admitting them up to the last moment', async () => {
    const s = await twoOperators();
    s.clock.now = new Date(validUntil);
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ state: 'signedIn' });
    s.service.signOut();
    s.clock.now = new Date(Date.parse(validUntil) + 1);
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'ACCOUNT_EXPIRED', params: { date: formatDate(new Date(validUntil), 'en') } });
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
  });

  it('locks after the idle minutes the settings give, and the same operator signs in again', async () => {
    const s = await twoOperators();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    s.idleMinutes.value = 2;
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    vi.advanceTimersByTime(60_000);
    s.service.touch();
    vi.advanceTimersByTime(119_999);
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
    vi.advanceTimersByTime(1);
    expect(s.service.status()).toEqual({ state: 'locked', workstationName: 'Test workstation', agencyName: 'Test agency', username: 'bakyt' });
    expect(s.events.at(-1)).toMatchObject({ name: 'session.changed', payload: { state: 'locked' } });
    expect(() => s.service.database()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(auditOf(s).map((row) => (row as { action: string }).action)).toEqual(['session.signedIn', 'session.locked', 'session.signedIn']);
    s.service.signOut();
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    // Signed out, the idle timer is gone: nothing locks later.
    vi.advanceTimersByTime(10 * 60_000);
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    expect(s.service.lock()).toMatchObject({ state: 'signedOut' });
  });

  it('says a data folder without activation is not activated, and refuses a sign-in there', async () => {
    const empty = tempDir('bala-session-empty-');
    stations.afterThisTest(empty.cleanup);
    const service = new SessionService({ dataDir: empty.dir, events: new EventBus(), language: () => 'en', idleLockMinutes: () => 15, describe: described });
    expect(service.status()).toEqual({ state: 'notActivated' });
    await expect(service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'NOT_ACTIVATED' });
  });

  it('passes on a damaged cache by its code', async () => {
    const s = await twoOperators();
    fs.writeFileSync(path.join(s.dataDir, cacheFileName), '');
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'CACHE_DAMAGED' });
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
  });

  it('takes today as the validity of an operator the cache records none for', async () => {
    const s = await twoOperators();
    await asBakyt(s, (w) => w.service.database().prepare("UPDATE operators SET valid_until = NULL WHERE username = 'bakyt'").run());
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ state: 'signedIn', user: { validUntil: s.clock.now.toISOString() } });
  });

  it('signs out from a lock, and forgets the locked operator once someone signs in and the workstation closes', async () => {
    const s = await twoOperators();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(s.service.lock()).toMatchObject({ state: 'locked', username: 'bakyt' });
    expect(s.service.signOut()).toMatchObject({ state: 'signedOut' });
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    s.service.lock();
    await s.service.signIn('aigul', 'Aigul-Pass-2026');
    s.service.close();
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
  });

  it('counts the idle time again from a password change', async () => {
    const s = await twoOperators();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    s.idleMinutes.value = 2;
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    vi.advanceTimersByTime(100_000);
    await s.service.changePassword('Bakyt-Pass-2026', 'Better-Secret-42');
    vi.advanceTimersByTime(119_999);
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
    vi.advanceTimersByTime(1);
    expect(s.service.status()).toMatchObject({ state: 'locked' });
  });

  it('counts the idle time of a new sign-in from that sign-in, not from the one before', async () => {
    const s = await twoOperators();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    s.idleMinutes.value = 2;
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    vi.advanceTimersByTime(60_000);
    s.service.signOut();
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    vi.advanceTimersByTime(119_999);
    expect(s.service.status()).toMatchObject({ state: 'signedIn' });
    vi.advanceTimersByTime(1);
    expect(s.service.status()).toMatchObject({ state: 'locked' });
  });
});

describe('sign-in with the server’s answer', () => {
  it('takes the operator’s standing from the server and opens a server session', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    const result = s.signInResult('bakyt', account, { user: { validUntil: '2027-09-01T00:00:00.000Z', mustChangePassword: true }, statement: { validUntil: '2027-09-01T00:00:00.000Z', mustChangePassword: true } });
    fakeServer.on(serverRoutes.signIn, ok(result));
    const entry = s.keyring().find('bakyt');
    const status = await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    // The server holds the account this wrap opens with: the wrap stays as it is.
    expect(s.keyring().find('bakyt')).toEqual(entry);
    expect(status).toMatchObject({ state: 'signedIn', verifiedOnline: true, serverNotice: null, mustChangePassword: true, user: { username: 'bakyt', displayName: 'bakyt (server)', role: 'central_reader', validUntil: '2027-09-01T00:00:00.000Z' } });
    expect(fakeServer.requests[0]?.connection).toMatchObject({ url: 'https://127.0.0.1:9/', tlsServerName: 'localhost', installId: expect.any(String) as unknown });
    expect(fakeServer.requests[0]?.connection.session).toBeUndefined();
    // Then the operators' standing is asked (unreachable here: nothing else changes).
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.signIn, serverRoutes.operators]);
    const live = await s.service.liveConnection();
    expect(live).toMatchObject({ kind: 'ok', connection: { session: result.session.token } });
    s.service.signOut();
    expect(fakeServer.requests.at(-1)).toMatchObject({ route: serverRoutes.signOut, method: 'POST', body: {}, timeoutMs: 3_000, connection: { session: result.session.token } });
    // Recorded in the cache: offline, the next sign-in knows it.
    fakeServer.reset();
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ verifiedOnline: false, mustChangePassword: true, user: { validUntil: '2027-09-01T00:00:00.000Z' } });
  });

  it('refuses the server’s word when its key did not sign it, or it names another operator', async () => {
    const s = await twoOperators();
    const account = await s.account('Bakyt-Pass-2026', 'bakyt');
    const forged = s.signInResult('bakyt', account);
    forged.statement = { ...forged.statement, signature: s.signInResult('aigul', account).statement.signature };
    fakeServer.on(serverRoutes.signIn, ok(forged));
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'SERVER_REFUSED', params: { message: 'statement' } });
    fakeServer.on(serverRoutes.signIn, ok({ ...s.signInResult('aigul', account), user: s.signInResult('bakyt', account).user }));
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'SERVER_REFUSED', params: { message: 'statement' } });
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    // The same name in other letters' case is the same operator.
    fakeServer.on(serverRoutes.signIn, ok(s.signInResult('BAKYT', account)));
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ verifiedOnline: true });
  });

  it('re-wraps the cache key to the account the server derived anew, so the password opens it offline afterwards', async () => {
    const s = await twoOperators();
    const before = (s.keyring().wrapOf('bakyt') as { credentialId: string }).credentialId;
    const escrow = s.keyring().escrow;
    const renewed = await s.account('Bakyt-Pass-2026');
    fakeServer.on(serverRoutes.signIn, ok(s.signInResult('bakyt', renewed)));
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    s.service.signOut();
    const after = s.keyring().wrapOf('bakyt') as { credentialId: string; kdf: { salt: string } };
    expect(after.credentialId).not.toBe(before);
    expect(after.kdf).toEqual(renewed.kdf);
    expect(s.keyring().find('bakyt')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    // The cache key was escrowed at activation: that escrow stays.
    expect(s.keyring().escrow).toBe(escrow);
    fakeServer.reset();
    expect(await s.restart().signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ state: 'signedIn', verifiedOnline: false });
  });

  it('destroys the wrap, rather than re-wrapping, when the server’s account is not one this password derives', async () => {
    for (const swap of ['signPub', 'wrapPub'] as const) {
      const s = await twoOperators();
      const own = await s.account('Bakyt-Pass-2026');
      const stranger = await s.account('Stranger-Pass-2026');
      const mixed = { ...own, [swap]: stranger[swap] };
      fakeServer.on(serverRoutes.signIn, ok(s.signInResult('bakyt', mixed)));
      await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
      s.service.signOut();
      fakeServer.reset();
      expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'removed', reason: 'credentialChanged' });
      await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'ACCESS_REMOVED' });
    }
  });

  it('works on without the server’s certificate, asking for a new profile', async () => {
    const s = await twoOperators();
    await asBakyt(s, (w) => w.service.database().prepare('UPDATE workstation SET server_cert_pem = NULL').run());
    fakeServer.reset();
    fakeServer.on(serverRoutes.signIn, ok(s.signInResult('bakyt', await s.account('Bakyt-Pass-2026', 'bakyt'))));
    const status = await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(status).toMatchObject({ verifiedOnline: true, serverNotice: { code: 'WORKSTATION_REISSUE', message: 'errors.WORKSTATION_REISSUE' } });
    // No server key to check the other operators' statements by: they are not asked for.
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.signIn]);
  });
});

describe('the server’s refusals of a sign-in', () => {
  it('opens the workstation read-only when the server restricted it, telling the administrator’s reason', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('WORKSTATION_RESTRICTED', { reason: 'audit in progress' }));
    const status = await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(status).toMatchObject({ verifiedOnline: false, serverNotice: { code: 'WORKSTATION_RESTRICTED', message: described('errors.WORKSTATION_RESTRICTED', { reason: 'audit in progress' }) } });
    expect(s.service.work('read')).toMatchObject({ username: 'bakyt' });
    expect(() => s.service.work('write')).toThrow(expect.objectContaining({ code: 'WORKSTATION_RESTRICTED', params: { reason: 'audit in progress' } }));
  });

  it('works on, writing too, when the server suspended the workstation, telling why (or an empty reason)', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('WORKSTATION_SUSPENDED', { reason: 'moved' }), refused('WORKSTATION_SUSPENDED'));
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ serverNotice: { code: 'WORKSTATION_SUSPENDED', message: described('errors.WORKSTATION_SUSPENDED', { reason: 'moved' }) } });
    expect(s.service.work('write')).toMatchObject({ username: 'bakyt' });
    s.service.signOut();
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ serverNotice: { message: described('errors.WORKSTATION_SUSPENDED', { reason: '' }) } });
  });

  it('works on offline when the server wants a newer release, naming both releases', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('WORKSTATION_OUTDATED', { current: '1.2.0', required: '1.4.0' }), refused('WORKSTATION_OUTDATED'));
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({
      verifiedOnline: false,
      serverNotice: { code: 'WORKSTATION_OUTDATED', message: described('errors.WORKSTATION_OUTDATED', { current: '1.2.0', required: '1.4.0' }) },
    });
    expect(s.service.work('write')).toMatchObject({ username: 'bakyt' });
    s.service.signOut();
    expect(await s.service.signIn('bakyt', 'Bakyt-Pass-2026')).toMatchObject({ serverNotice: { message: described('errors.WORKSTATION_OUTDATED', { current: '?', required: '?' }) } });
  });

  it('refuses a revoked, unknown or copied workstation, each by its code', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('WORKSTATION_REVOKED', { reason: 'stolen' }), refused('WORKSTATION_UNKNOWN'), refused('WORKSTATION_COPIED'));
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'WORKSTATION_REVOKED', params: { reason: 'stolen' } });
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'WORKSTATION_REVOKED', params: { reason: '' } });
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'WORKSTATION_COPIED' });
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'account' });
  });

  it('answers USER_DISABLED with ACCOUNT_DISABLED, destroying the wrap and recording the disabling', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('USER_DISABLED'));
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'removed', reason: 'disabled' });
    fakeServer.reset();
    expect(await asBakyt(s, (w) => w.service.database().prepare("SELECT disabled, credential_id FROM operators WHERE username = 'aigul'").get())).toEqual({ disabled: 1, credential_id: null });
  });

  it('answers USER_EXPIRED with ACCOUNT_EXPIRED as of today, recorded for offline sign-ins', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('USER_EXPIRED'));
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'ACCOUNT_EXPIRED', params: { date: formatDate(s.clock.now, 'en') } });
    fakeServer.reset();
    expect(await asBakyt(s, (w) => w.service.database().prepare("SELECT valid_until FROM operators WHERE username = 'aigul'").get())).toEqual({ valid_until: s.clock.now.toISOString() });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'account' });
  });

  it('answers USER_LOCKED with ACCOUNT_LOCKED until the server’s time, or without one', async () => {
    const s = await twoOperators();
    const retry = new Date(2026, 10, 20, 9, 7, 0);
    fakeServer.on(serverRoutes.signIn, refused('USER_LOCKED', { retryAfter: retry.toISOString() }), refused('USER_LOCKED'));
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', params: { until: timeText(retry) } });
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', params: { until: '' } });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'account', failedAttempts: 0 });
  });

  it('destroys the wrap of a password the server no longer takes, or of an operator moved off this workstation', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('USER_UNKNOWN_OR_WRONG_PASSWORD'), refused('USER_NOT_ON_WORKSTATION'));
    await expect(s.service.signIn('aigul', 'Aigul-Pass-2026')).rejects.toMatchObject({ code: 'ACCESS_REMOVED' });
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'ACCESS_REMOVED' });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'removed', reason: 'credentialChanged' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'removed', reason: 'notOnWorkstation' });
  });

  it('answers any other refusal with SERVER_REFUSED and the server’s message, signed out', async () => {
    const s = await twoOperators();
    fakeServer.on(serverRoutes.signIn, refused('TOO_MANY_ATTEMPTS'));
    await expect(s.service.signIn('bakyt', 'Bakyt-Pass-2026')).rejects.toMatchObject({ code: 'SERVER_REFUSED', params: { message: 'server says TOO_MANY_ATTEMPTS' } });
    expect(s.service.status()).toMatchObject({ state: 'signedOut' });
    expect(s.keyring().find('bakyt')).toMatchObject({ kind: 'account' });
  });
});
