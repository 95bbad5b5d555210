import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { kekFromPasswordHash, wrapKey } from '../../../src-main/security/keyWrap';
import { unwrapWithAccount } from '../../../src-main/security/cacheWrap';
import { deriveAccountKeys } from '../../../src-main/security/accountKeys';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { Keyring, keyringFileName, type AccountEntry } from '../../../src-main/store/keyring';
import { addUser, disableUser, resetPassword } from '../../../src-server/admin/users';
import { issueWorkstation } from '../../../src-server/admin/workstations';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

/*
 * Issue 12, point 3: disabling or resetting an account ends its offline access on every
 * workstation at that workstation's next contact, and a workstation activated before version 2
 * migrates at the first online sign-in. Real server, real TLS, real workstation backend.
 */

describeStorages('access dies with the account', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  // Tests that go offline use a server of their own and stop it.
  let agency: string;
  const backends: Backend[] = [];
  const cleanups: (() => void)[] = [];
  let counter = 0;

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    agency = (await testAgency(setup.admin, 'Ош балдар үйү')).id;
  });
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.close();
    cleanups.splice(0).forEach((cleanup) => cleanup());
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  const backendOn = (dataDir: string): Backend => {
    const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
    backends.push(backend);
    return backend;
  };

  /** One workstation, two operators who have each signed in online and chosen their password. */
  async function twoOperatorWorkstation(serverUrl = server.url) {
    counter += 1;
    const names = [`aigul${counter}x${Date.now() % 10_000}`, `bakyt${counter}x${Date.now() % 10_000}`];
    const issued = await Promise.all(names.map((username) => addUser(setup.admin, { username, agency, role: 'data_holder', validDays: 30 })));
    const workstation = await issueWorkstation(setup.admin, { agency, users: names, name: `Ош ${counter}`, serverUrl });
    const temp = tempDir('bala-access-');
    cleanups.push(temp.cleanup);
    const backend = backendOn(temp.dir);
    const activated = await backend.call('activation.activate', {
      source: { kind: 'file', name: 'ws.balaprofile', contentBase64: workstation.profile.toString('base64') },
      activationCode: workstation.activationCode,
    });
    expect(activated.ok).toBe(true);
    const passwords: string[] = [];
    for (const [index, username] of names.entries()) {
      const generated = issued[index]?.password as string;
      expect(await backend.call('session.signIn', { username, password: generated })).toMatchObject({ ok: true, value: { verifiedOnline: true, mustChangePassword: true } });
      const own = `Own-Secret-${index}-${counter}-2026`;
      expect(await backend.call('session.changePassword', { currentPassword: generated, newPassword: own })).toMatchObject({ ok: true, value: { mustChangePassword: false } });
      await backend.call('session.signOut', undefined);
      passwords.push(own);
    }
    await backend.close();
    backends.splice(backends.indexOf(backend), 1);
    return { dataDir: temp.dir, names: names as [string, string], passwords: passwords as [string, string], workstation };
  }

  /** The same data folder, once its server stopped answering. */
  const offline = (dataDir: string): Backend => backendOn(dataDir);

  it('a disabled operator loses the wrap at the next contact of any operator; the old keyring put back is refused', async () => {
    const own = await startTestHttpServer(setup.admin.db, setup.pki);
    const { dataDir, names, passwords } = await twoOperatorWorkstation(own.url);
    const [aigul, bakyt] = names;
    const copy = fs.readFileSync(path.join(dataDir, keyringFileName), 'utf8');
    await disableUser(setup.admin, { username: bakyt, reason: 'left the institution' });

    // aigul's online sign-in is the workstation's next contact.
    const contact = backendOn(dataDir);
    expect(await contact.call('session.signIn', { username: aigul, password: passwords[0] })).toMatchObject({ ok: true, value: { verifiedOnline: true } });
    expect((Keyring.load(dataDir) as Keyring).wrapOf(bakyt)).toBeUndefined();
    await contact.call('session.signOut', undefined);

    // Offline now (the server stopped): bakyt's password opens nothing.
    await own.close();
    const later = offline(dataDir);
    expect(await later.call('session.signIn', { username: bakyt, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    // So does deleting what is left of the entry: no wrap, no access.
    const keyring = Keyring.load(dataDir) as Keyring;
    expect(keyring.find(bakyt)?.kind).toBe('removed');
    fs.writeFileSync(path.join(dataDir, keyringFileName), copy);
    expect(await later.call('session.signIn', { username: bakyt, password: passwords[1] })).toMatchObject({ ok: false, error: { code: 'KEYRING_TAMPERED' } });
    expect(await later.call('session.signIn', { username: aigul, password: passwords[0] })).toMatchObject({ ok: true, value: { verifiedOnline: false } });
  });

  it('a reset password ends the old one offline after the next sync of any operator, and the issued one opens instead', async () => {
    const own = await startTestHttpServer(setup.admin.db, setup.pki);
    const { dataDir, names, passwords } = await twoOperatorWorkstation(own.url);
    const [aigul, bakyt] = names;
    const before = ((Keyring.load(dataDir) as Keyring).wrapOf(aigul) as AccountEntry).credentialId;
    const reset = await resetPassword(setup.admin, { username: aigul });

    // bakyt works and syncs: the contact that tells the workstation.
    const working = backendOn(dataDir);
    expect(await working.call('session.signIn', { username: bakyt, password: passwords[1] })).toMatchObject({ ok: true });
    expect(await working.call('sync.now', undefined)).toMatchObject({ ok: true, value: { state: 'idle' } });
    const after = (Keyring.load(dataDir) as Keyring).wrapOf(aigul) as AccountEntry;
    expect(after.kind).toBe('account');
    expect(after.credentialId).not.toBe(before);
    await working.call('session.signOut', undefined);

    await own.close();
    const later = offline(dataDir);
    // The old password is dead; the one the administrator issued opens the cache offline (the key was re-wrapped to it at that contact).
    expect(await later.call('session.signIn', { username: aigul, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await later.call('session.signIn', { username: aigul, password: reset.password })).toMatchObject({ ok: true, value: { verifiedOnline: false, mustChangePassword: true } });
  });

  it('an operator who signs in online after being disabled is refused and loses the wrap there and then', async () => {
    const { dataDir, names, passwords } = await twoOperatorWorkstation();
    const [aigul] = names;
    await disableUser(setup.admin, { username: aigul, reason: 'test' });
    const backend = backendOn(dataDir);
    // The offline check passes (the workstation has not heard yet); the server's word ends it.
    expect(await backend.call('session.signIn', { username: aigul, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    expect((Keyring.load(dataDir) as Keyring).wrapOf(aigul)).toBeUndefined();
    expect(await backend.call('session.signIn', { username: aigul, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  it('a workstation activated before version 2 signs in with its old wrap and is migrated at the first online sign-in', async () => {
    const { dataDir, names, passwords } = await twoOperatorWorkstation();
    const [aigul] = names;
    // Rebuild aigul's entry as version 1 made it: the data key under HKDF(the server's password hash).
    const keyring = Keyring.load(dataDir) as Keyring;
    const entry = keyring.find(aigul) as AccountEntry;
    const keys = await deriveAccountKeys(passwords[0], entry.kdf);
    const dataKey = unwrapWithAccount(entry.wrap, keys.wrapKey, keyring.aadFor(entry.id)) as Buffer;
    const { rows } = await setup.admin.db.query<{ password_hash: string; kdf: { algorithm: 'scrypt'; N: number; r: number; p: number; salt: string } }>(
      'SELECT password_hash, kdf FROM users WHERE username = $1',
      [aigul],
    );
    const serverRow = rows[0] as { password_hash: string; kdf: { algorithm: 'scrypt'; N: number; r: number; p: number; salt: string } };
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, keyringFileName), 'utf8')) as { workstationId: string; salt: string };
    const legacyWrap = wrapKey(dataKey, kekFromPasswordHash(Buffer.from(serverRow.password_hash, 'base64')), keyring.aadFor(entry.id));
    fs.writeFileSync(
      path.join(dataDir, keyringFileName),
      JSON.stringify({
        version: 1,
        workstationId: raw.workstationId,
        salt: raw.salt,
        entries: [{ id: entry.id, kdf: serverRow.kdf, wrappedKey: legacyWrap, validUntil: new Date(Date.now() + 86_400_000).toISOString(), mustChangePassword: false, disabled: false, failedAttempts: 0, lockedUntil: null }],
      }),
    );
    const db = openCache(path.join(dataDir, 'cache.db'), dataKey);
    db.prepare('UPDATE operators SET legacy = 1, credential_id = NULL WHERE username = ?').run(aigul);
    db.close();

    const backend = backendOn(dataDir);
    expect(await backend.call('session.signIn', { username: aigul, password: passwords[0] })).toMatchObject({ ok: true, value: { verifiedOnline: true } });
    const migrated = Keyring.load(dataDir) as Keyring;
    expect(migrated.find(aigul)?.kind).toBe('account');
    expect(migrated.escrow).not.toBeNull();
    // The server's hash no longer opens anything on this workstation.
    expect(fs.readFileSync(path.join(dataDir, keyringFileName), 'utf8')).not.toContain(legacyWrap.ciphertext);
  });

  it('an operator alone on a workstation gets access back after a reset with the profile and code; nobody else does', async () => {
    const { dataDir, names, passwords, workstation } = await twoOperatorWorkstation();
    const other = await twoOperatorWorkstation();
    const [aigul] = names;
    const reset = await resetPassword(setup.admin, { username: aigul });
    const backend = backendOn(dataDir);
    // The workstation has not heard: the new password opens nothing, the old one is refused online and its wrap destroyed.
    expect(await backend.call('session.signIn', { username: aigul, password: reset.password })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await backend.call('session.signIn', { username: aigul, password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'ACCESS_REMOVED' } });

    const source = { kind: 'file' as const, name: 'ws.balaprofile', contentBase64: workstation.profile.toString('base64') };
    const recover = (input: { password: string; profile?: typeof source; code?: string }) =>
      backend.call('activation.recover', { source: input.profile ?? source, activationCode: input.code ?? workstation.activationCode, username: aigul, password: input.password });
    expect(await recover({ password: passwords[0] })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await recover({ password: reset.password, code: 'AAAAA-AAAAA-AAAAA-AAAAA' })).toMatchObject({ ok: false, error: { code: 'ACTIVATION_CODE_WRONG' } });
    // Another workstation's profile: not this workstation.
    const foreign = await issueWorkstation(setup.admin, { agency, users: [other.names[0]], name: 'another', serverUrl: server.url });
    expect(
      await recover({ password: reset.password, profile: { ...source, contentBase64: foreign.profile.toString('base64') }, code: foreign.activationCode }),
    ).toMatchObject({ ok: false });
    expect((Keyring.load(dataDir) as Keyring).wrapOf(aigul)).toBeUndefined();

    expect(await recover({ password: reset.password })).toMatchObject({ ok: true, value: { state: 'signedOut' } });
    expect(await backend.call('session.signIn', { username: aigul, password: reset.password })).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    const recovered = await setup.admin.db.query<{ n: number }>("SELECT count(*)::integer AS n FROM audit_log WHERE action = 'session.cacheKey' AND actor = $1", [aigul]);
    expect(recovered.rows[0]?.n).toBe(1);
  });

  it('the server gives an escrowed key back only to a session of the workstation it was escrowed for', async () => {
    const first = await twoOperatorWorkstation();
    const second = await twoOperatorWorkstation();
    // bakyt of the second workstation recovers with their own profile but the first workstation's escrow.
    const stolen = (Keyring.load(first.dataDir) as Keyring).escrow as string;
    const raw = JSON.parse(fs.readFileSync(path.join(second.dataDir, keyringFileName), 'utf8')) as { escrow: string };
    fs.writeFileSync(path.join(second.dataDir, keyringFileName), JSON.stringify({ ...raw, escrow: stolen }));
    const backend = backendOn(second.dataDir);
    const answer = await backend.call('activation.recover', {
      source: { kind: 'file', name: 'ws.balaprofile', contentBase64: second.workstation.profile.toString('base64') },
      activationCode: second.workstation.activationCode,
      username: second.names[1],
      password: second.passwords[1],
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'SERVER_REFUSED' } });
  });
});
