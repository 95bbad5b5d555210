import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { lockoutMinutes } from '../../../src-main/session/sessionService';
import { Keyring, keyringFileName } from '../../../src-main/store/keyring';
import { addUser, disableUser } from '../../../src-server/admin/users';
import { issueWorkstation } from '../../../src-server/admin/workstations';
import { FailureThrottle } from '../../../src-server/http/failureThrottle';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

/*
 * Issue 22: the workstation's answers to what the server says of an operator (disabled, expired,
 * locked, anything else), each by its exact code, and what it remembers once the server is
 * stopped; the end of a local lockout; a damaged keyring. Real server, real TLS, real backend.
 */

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const backendOn = (dataDir: string): Backend => {
  const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
  backends.push(backend);
  return backend;
};

/** An operator's standing as this workstation's cache records it (opened by a signed-in operator). */
const cachedOperator = (backend: Backend, username: string) =>
  backend.ctx.session.database().prepare('SELECT disabled, valid_until, credential_id FROM operators WHERE username = ?').get(username) as { disabled: number; valid_until: string; credential_id: string | null };

describeStorages('what the workstation does with the server’s word on an operator', (storage) => {
  let setup: TestServerSetup;
  let agency: string;
  let counter = 0;

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    agency = (await testAgency(setup.admin, 'Жалал-Абад балдар үйү')).id;
  });
  afterAll(() => setup.cleanup());

  /** Each test's own server (it is stopped to prove what holds offline). */
  const ownServer = async (options: Parameters<typeof startTestHttpServer>[2] = {}): Promise<TestHttpServer> => {
    const server = await startTestHttpServer(setup.admin.db, setup.pki, options);
    let closed = false;
    const close = server.close;
    server.close = async () => {
      if (closed) return;
      closed = true;
      await close();
    };
    cleanups.push(() => void server.close());
    return server;
  };

  /** A workstation on `server` with two operators who signed in online and chose their passwords. */
  async function twoOperators(server: TestHttpServer) {
    counter += 1;
    const names = [`dinara${counter}x${Date.now() % 10_000}`, `erkin${counter}x${Date.now() % 10_000}`] as const;
    const issued = await Promise.all(names.map((username) => addUser(setup.admin, { username, agency, role: 'data_holder', validDays: 30 })));
    const workstation = await issueWorkstation(setup.admin, { agency, users: [...names], name: `Жалал-Абад ${counter}`, serverUrl: server.url });
    const temp = tempDir('bala-refusals-');
    cleanups.push(temp.cleanup);
    const backend = backendOn(temp.dir);
    expect(await backend.call('activation.activate', { source: { kind: 'file', name: 'ws.balaprofile', contentBase64: workstation.profile.toString('base64') }, activationCode: workstation.activationCode })).toMatchObject({ ok: true });
    const passwords: string[] = [];
    for (const [index, username] of names.entries()) {
      const generated = issued[index]?.password ?? '';
      expect(await backend.call('session.signIn', { username, password: generated })).toMatchObject({ ok: true, value: { verifiedOnline: true } });
      const own = `Jalal-Abad-${index}-${counter}-2026`;
      expect(await backend.call('session.changePassword', { currentPassword: generated, newPassword: own })).toMatchObject({ ok: true });
      await backend.call('session.signOut', undefined);
      passwords.push(own);
    }
    return { backend, dataDir: temp.dir, names, passwords: passwords as [string, string] };
  }

  const putBack = (dataDir: string, keyring: string) => fs.writeFileSync(path.join(dataDir, keyringFileName), keyring);

  it('records a disabling heard at another operator’s contact: offline, the old keyring put back opens nothing and is destroyed again', async () => {
    const server = await ownServer();
    const { backend, dataDir, names, passwords } = await twoOperators(server);
    const [dinara, erkin] = names;
    const oldKeyring = fs.readFileSync(path.join(dataDir, keyringFileName), 'utf8');
    await disableUser(setup.admin, { username: erkin, reason: 'left the institution' });

    expect(await backend.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: true, value: { verifiedOnline: true } });
    expect(cachedOperator(backend, erkin)).toMatchObject({ disabled: 1, credential_id: null });
    await backend.call('session.signOut', undefined);

    await server.close();
    putBack(dataDir, oldKeyring);
    const offline = backendOn(dataDir);
    // The cache says disabled: the wrap put back is refused, and destroyed as a disabled operator's.
    expect(await offline.call('session.signIn', { username: erkin, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'KEYRING_TAMPERED' } });
    expect((Keyring.load(dataDir) as Keyring).find(erkin)).toMatchObject({ kind: 'removed', reason: 'disabled' });
    expect(await offline.call('session.signIn', { username: erkin, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    expect(await offline.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: true, value: { verifiedOnline: false } });
  });

  it('records USER_DISABLED answered to the operator’s own sign-in: refused offline, with the server stopped, even with the old keyring', async () => {
    const server = await ownServer();
    const { backend, dataDir, names, passwords } = await twoOperators(server);
    const [dinara, erkin] = names;
    const oldKeyring = fs.readFileSync(path.join(dataDir, keyringFileName), 'utf8');
    await disableUser(setup.admin, { username: erkin, reason: 'test' });
    expect(await backend.call('session.signIn', { username: erkin, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });

    await server.close();
    await backend.close();
    backends.splice(backends.indexOf(backend), 1);
    const offline = backendOn(dataDir);
    expect(await offline.call('session.signIn', { username: erkin, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    putBack(dataDir, oldKeyring);
    expect(await offline.call('session.signIn', { username: erkin, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'KEYRING_TAMPERED' } });
    expect(await offline.call('session.signIn', { username: erkin, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    expect(await offline.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: true, value: { verifiedOnline: false } });
    expect(cachedOperator(offline, erkin)).toMatchObject({ disabled: 1 });
  });

  it('answers USER_EXPIRED with ACCOUNT_EXPIRED and remembers it offline', async () => {
    const server = await ownServer();
    const { backend, dataDir, names, passwords } = await twoOperators(server);
    const [dinara] = names;
    await setup.admin.db.query("UPDATE users SET valid_until = now() - interval '1 day' WHERE username = $1", [dinara]);
    expect(await backend.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXPIRED' } });
    expect(backend.ctx.session.status()).toMatchObject({ state: 'signedOut' });

    await server.close();
    const offline = backendOn(dataDir);
    expect(await offline.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXPIRED' } });
    // Expiry is not removal: the wrap stays, for when the administrator extends the account.
    expect((Keyring.load(dataDir) as Keyring).find(dinara)).toMatchObject({ kind: 'account' });
  });

  it('answers USER_LOCKED with ACCOUNT_LOCKED until the server’s time, keeping the wrap; the operator gets in once the server unlocks', async () => {
    const server = await ownServer();
    const { backend, dataDir, names, passwords } = await twoOperators(server);
    const [dinara] = names;
    const until = new Date(Date.now() + 10 * 60_000);
    await setup.admin.db.query('UPDATE users SET locked_until = $2 WHERE username = $1', [dinara, until]);
    const locked = await backend.call('session.signIn', { username: dinara, password: passwords[0] });
    expect(locked).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    if (!locked.ok) expect(locked.error.message).not.toMatch(/\{\{until\}\}/);
    expect((Keyring.load(dataDir) as Keyring).find(dinara)).toMatchObject({ kind: 'account', failedAttempts: 0, lockedUntil: null });
    await setup.admin.db.query('UPDATE users SET locked_until = NULL WHERE username = $1', [dinara]);
    expect(await backend.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: true, value: { verifiedOnline: true } });
  });

  it('answers any other refusal of the sign-in (too many attempts at the server) with SERVER_REFUSED, signed out', async () => {
    const throttle = new FailureThrottle();
    const server = await ownServer({ throttle });
    const { backend, names, passwords } = await twoOperators(server);
    const [dinara] = names;
    // The server has seen failures enough from this workstation to slow it down.
    throttle.blockedUntil = () => new Date(Date.now() + 60_000);
    expect(await backend.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'SERVER_REFUSED' } });
    expect(backend.ctx.session.status()).toMatchObject({ state: 'signedOut' });
  });

  it('refuses a sign-in whose statement the server key did not sign with SERVER_REFUSED', async () => {
    const server = await ownServer();
    const { backend, names, passwords } = await twoOperators(server);
    const [dinara, erkin] = names;
    expect(await backend.call('session.signIn', { username: erkin, password: passwords[1] })).toMatchObject({ ok: true });
    // Another server's certificate where this workstation keeps its server's: the server's word no longer verifies.
    const stranger = await issueTestProfile({ operators: [] });
    backend.ctx.session.database().prepare('UPDATE workstation SET server_cert_pem = ?').run(stranger.serverCertPem);
    await backend.call('session.signOut', undefined);
    expect(await backend.call('session.signIn', { username: dinara, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'SERVER_REFUSED' } });
  });
});

/** An activated workstation whose server does not answer: everything here is offline. */
async function offlineWorkstation() {
  const temp = tempDir('bala-refusals-offline-');
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({ operators: [{ username: 'zarina', password: 'Generated-Pass-1', mustChangePassword: false }] });
  const backend = backendOn(temp.dir);
  expect(await backend.call('activation.activate', { source: { kind: 'file', name: 'x.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code })).toMatchObject({ ok: true });
  return { backend, dataDir: temp.dir };
}

it('ends a lockout exactly when its time is up, and counts afresh after it', async () => {
  const { backend, dataDir } = await offlineWorkstation();
  const start = new Date('2026-11-25T09:00:00Z');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  const signIn = (password: string) => backend.call('session.signIn', { username: 'zarina', password });
  for (let attempt = 1; attempt <= 4; attempt += 1) expect(await signIn(`wrong-${attempt}`)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
  expect((Keyring.load(dataDir) as Keyring).find('zarina')).toMatchObject({ failedAttempts: 4, lockedUntil: null });
  expect(await signIn('wrong-5')).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
  const end = new Date(start.getTime() + lockoutMinutes * 60_000);
  expect((Keyring.load(dataDir) as Keyring).find('zarina')).toMatchObject({ failedAttempts: 0, lockedUntil: end.toISOString() });

  vi.setSystemTime(end.getTime() - 1);
  expect(await signIn('Generated-Pass-1')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
  vi.setSystemTime(end);
  expect(await signIn('Generated-Pass-1')).toMatchObject({ ok: true, value: { state: 'signedIn' } });
  expect((Keyring.load(dataDir) as Keyring).find('zarina')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  await backend.call('session.signOut', undefined);
  // A new count: one wrong password after the lockout does not lock again.
  expect(await signIn('wrong-6')).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
  expect(await signIn('Generated-Pass-1')).toMatchObject({ ok: true });
});

it('refuses a damaged keyring with KEYRING_TAMPERED and leaves it as it was', async () => {
  const { backend, dataDir } = await offlineWorkstation();
  const file = path.join(dataDir, keyringFileName);
  const good = fs.readFileSync(file, 'utf8');
  // Cut mid-write, bytes flipped, a keyring of the wrong shape: each refused the same way.
  for (const damaged of [good.slice(0, Math.floor(good.length / 2)), good.replace(/"entries"/, '"entri\u0000s"'), JSON.stringify({ version: 2, workstationId: 'x' })]) {
    fs.writeFileSync(file, damaged);
    expect(await backend.call('session.signIn', { username: 'zarina', password: 'Generated-Pass-1' })).toMatchObject({ ok: false, error: { code: 'KEYRING_TAMPERED' } });
    expect(fs.readFileSync(file, 'utf8')).toBe(damaged);
  }
  fs.writeFileSync(file, good);
  expect(await backend.call('session.signIn', { username: 'zarina', password: 'Generated-Pass-1' })).toMatchObject({ ok: true });
});
