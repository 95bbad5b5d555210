import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { changeWorkstationStatus, issueWorkstation } from '../../../src-server/admin/workstations';
import { disableUser } from '../../../src-server/admin/users';
import { testAgency, testServerSetup, testUser, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

/*
 * The whole path an agency takes: the administrator issues a profile with the server's own
 * writer, the workstation reads and activates it with its own reader, and its operators sign
 * in with the server confirming them online over mutual TLS.
 */
describeStorages('workstation activated from a server-issued profile', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let agencyId: string;
  const backends: Backend[] = [];
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    agencyId = (await testAgency(setup.admin, 'Талас балдар үйү')).id;
  });
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.close();
    cleanups.splice(0).forEach((cleanup) => cleanup());
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  async function activatedWorkstation(...usernames: string[]) {
    return activatedOn(server.url, usernames);
  }

  async function activatedOn(serverUrl: string, usernames: readonly string[]) {
    const passwords: Record<string, string> = {};
    for (const username of usernames) passwords[username] = (await testUser(setup.admin, username, agencyId, { displayName: `${username} Талас` })).password;
    const issued = await issueWorkstation(setup.admin, { agency: agencyId, users: [...usernames], name: 'Талас — каттоо', serverUrl });
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['en'] });
    backends.push(backend);
    const activated = await backend.call('activation.activate', {
      source: { kind: 'file', name: 'talas.balaprofile', contentBase64: issued.profile.toString('base64') },
      activationCode: issued.activationCode,
    });
    expect(activated).toMatchObject({ ok: true, value: { state: 'signedOut', workstationName: 'Талас — каттоо', agencyName: 'Талас балдар үйү' } });
    return { backend, passwords, id: issued.workstation.id, dataDir: temp.dir };
  }

  it('activates, signs in confirmed online, and carries the offline password change to the server', async () => {
    const { backend, passwords } = await activatedWorkstation('nazira');
    const first = await backend.call('session.signIn', { username: 'nazira', password: passwords.nazira ?? '' });
    expect(first).toMatchObject({ ok: true, value: { state: 'signedIn', verifiedOnline: true, mustChangePassword: true, user: { username: 'nazira', displayName: 'nazira Талас' } } });

    const changed = await backend.call('session.changePassword', { currentPassword: passwords.nazira ?? '', newPassword: 'Talas-Secret-2026' });
    expect(changed).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    // The change reached the server: nothing waits in the workstation's queue, and the server knows the new password.
    expect(backend.ctx.session.database().prepare('SELECT count(*) AS n FROM pending_password_changes').get()).toEqual({ n: 0 });
    const { rows } = await setup.admin.db.query<{ must_change_password: boolean }>("SELECT must_change_password FROM users WHERE username = 'nazira'");
    expect(rows[0]?.must_change_password).toBe(false);
    await backend.call('session.signOut', undefined);

    expect(await backend.call('session.signIn', { username: 'nazira', password: 'Talas-Secret-2026' })).toMatchObject({
      ok: true,
      value: { verifiedOnline: true, mustChangePassword: false },
    });
  });

  it('delivers two password changes made while the server refused them as one, verifiable change', async () => {
    const { backend, passwords, id } = await activatedWorkstation('gulnara');
    await backend.call('session.signIn', { username: 'gulnara', password: passwords.gulnara ?? '' });
    await changeWorkstationStatus(setup.admin, { id, change: 'suspend', reason: 'maintenance' });
    // The server refuses the push while suspended: the changes wait in the workstation's queue.
    expect(await backend.call('session.changePassword', { currentPassword: passwords.gulnara ?? '', newPassword: 'First-Change-2026' })).toMatchObject({ ok: true });
    expect(await backend.call('session.changePassword', { currentPassword: 'First-Change-2026', newPassword: 'Second-Change-2026' })).toMatchObject({ ok: true });
    expect(backend.ctx.session.database().prepare('SELECT count(*) AS n FROM pending_password_changes').get()).toEqual({ n: 1 });
    await backend.call('session.signOut', undefined);

    await changeWorkstationStatus(setup.admin, { id, change: 'resume', reason: 'done' });
    expect(await backend.call('session.signIn', { username: 'gulnara', password: 'Second-Change-2026' })).toMatchObject({ ok: true, value: { verifiedOnline: true } });
    expect(backend.ctx.session.database().prepare('SELECT count(*) AS n FROM pending_password_changes').get()).toEqual({ n: 0 });
  });

  it('shows a suspension’s reason, opens read-only when restricted, and stops at revocation', async () => {
    const { backend, passwords, id } = await activatedWorkstation('omurbek');
    const password = 'Talas-Guard-2077';
    await backend.call('session.signIn', { username: 'omurbek', password: passwords.omurbek ?? '' });
    expect(await backend.call('session.changePassword', { currentPassword: passwords.omurbek ?? '', newPassword: password })).toMatchObject({ ok: true });
    await backend.call('session.signOut', undefined);
    await changeWorkstationStatus(setup.admin, { id, change: 'suspend', reason: 'server under virus attack' });
    const suspended = await backend.call('session.signIn', { username: 'omurbek', password });
    expect(suspended).toMatchObject({ ok: true, value: { verifiedOnline: false, serverNotice: { code: 'WORKSTATION_SUSPENDED' } } });
    expect(JSON.stringify(suspended)).toContain('server under virus attack');
    await backend.call('session.signOut', undefined);

    await changeWorkstationStatus(setup.admin, { id, change: 'restrict', reason: 'wrong data were sent' });
    expect(await backend.call('session.signIn', { username: 'omurbek', password })).toMatchObject({ ok: true, value: { serverNotice: { code: 'WORKSTATION_RESTRICTED' } } });
    expect(() => backend.ctx.session.work('write')).toThrow(expect.objectContaining({ code: 'WORKSTATION_RESTRICTED' }));
    await backend.call('session.signOut', undefined);

    await changeWorkstationStatus(setup.admin, { id, change: 'revoke', reason: 'replaced by a new computer' });
    expect(await backend.call('session.signIn', { username: 'omurbek', password })).toMatchObject({ ok: false, error: { code: 'WORKSTATION_REVOKED' } });
  });

  it('stops an operator the administrator disabled, at the next online sign-in', async () => {
    // A server of its own, stopped below: the offline claim is tested offline.
    const own = await startTestHttpServer(setup.admin.db, setup.pki);
    const { backend, passwords, dataDir } = await activatedOn(own.url, ['perizat']);
    await disableUser(setup.admin, { username: 'perizat', reason: 'left the agency' });
    expect(await backend.call('session.signIn', { username: 'perizat', password: passwords.perizat ?? '' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    // Remembered on the workstation: refused offline too from now on (server stopped, a fresh process).
    await own.close();
    const offline = createBackend({ dataDir, mode: 'test', locales: ['en'] });
    backends.push(offline);
    expect(await offline.call('session.signIn', { username: 'perizat', password: passwords.perizat ?? '' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });
});
