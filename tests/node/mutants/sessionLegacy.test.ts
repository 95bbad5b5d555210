import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { serverRoutes } from '../../../shared/serverApi/serverApi';
import { cacheFileName } from '../../../src-main/activation/activateWorkstation';
import { credentialIdOf, deriveAccountKeys } from '../../../src-main/security/accountKeys';
import { unwrapWithAccount } from '../../../src-main/security/cacheWrap';
import { kekFromPasswordHash, wrapKey } from '../../../src-main/security/keyWrap';
import { newScryptParams, scryptHash } from '../../../src-main/security/scrypt';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { keyringFileName, type AccountEntry } from '../../../src-main/store/keyring';
import { fakeServer, ok } from './sessionFakeServer';
import { described, stationsPerTest, type Station } from './sessionStation';

/*
 * Issue 22 (session module): a workstation activated before version 2 (a legacy keyring entry,
 * wrapped under the server's password hash) signs in offline as it always did, and is moved to
 * the account keys at its first online sign-in. In-process: the server is scripted.
 */

vi.mock('../../../src-main/serverLink/serverClient', async () => ({ serverRequest: (await import('./sessionFakeServer')).fakeServer.request }));

const stations = stationsPerTest();

const password = 'Aigul-Pass-2026';
const entryValidUntil = '2027-02-01T00:00:00.000Z';

/** aigul's workstation, its keyring rewritten as version 1 made it; `row` sets her cache row (and can drop the server's certificate). */
async function legacyStation(row: { legacy?: number; validUntil?: string | null; mustChange?: number; noServerCert?: boolean } = {}): Promise<Station> {
  const s = await stations.station([{ username: 'aigul', password, displayName: 'Айгүл', validUntil: '2027-03-01T00:00:00.000Z', mustChangePassword: false }]);
  const keyring = s.keyring();
  const entry = keyring.wrapOf('aigul') as AccountEntry;
  const keys = await deriveAccountKeys(password, entry.kdf);
  const dataKey = unwrapWithAccount(entry.wrap, keys.wrapKey, keyring.aadFor(entry.id)) as Buffer;
  const kdf = newScryptParams();
  const wrappedKey = wrapKey(dataKey, kekFromPasswordHash(await scryptHash(password, kdf)), keyring.aadFor(entry.id));
  const raw = JSON.parse(fs.readFileSync(path.join(s.dataDir, keyringFileName), 'utf8')) as { workstationId: string; salt: string };
  fs.writeFileSync(
    path.join(s.dataDir, keyringFileName),
    JSON.stringify({
      version: 1,
      workstationId: raw.workstationId,
      salt: raw.salt,
      entries: [{ id: entry.id, kdf, wrappedKey, validUntil: entryValidUntil, mustChangePassword: true, disabled: false, failedAttempts: 0, lockedUntil: null }],
    }),
  );
  const db = openCache(path.join(s.dataDir, cacheFileName), dataKey);
  db.prepare("UPDATE operators SET legacy = ?, credential_id = NULL, valid_until = ?, must_change_password = ? WHERE username = 'aigul'").run(row.legacy ?? 1, row.validUntil === undefined ? null : row.validUntil, row.mustChange ?? 0);
  if (row.noServerCert) db.prepare('UPDATE workstation SET server_cert_pem = NULL').run();
  db.close();
  return s;
}

describe('a workstation activated before version 2', () => {
  it('signs in offline with the old wrap, taking validity and the must-change flag from the entry', async () => {
    const s = await legacyStation();
    await expect(s.service.signIn('aigul', 'wrong-password')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'legacy', failedAttempts: 1 });
    expect(await s.service.signIn('aigul', password)).toMatchObject({ state: 'signedIn', verifiedOnline: false, mustChangePassword: true, user: { username: 'aigul', validUntil: entryValidUntil } });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'legacy', failedAttempts: 0 });
  });

  it('takes the cache’s validity over the entry’s once the cache has one', async () => {
    const s = await legacyStation({ validUntil: '2027-04-01T00:00:00.000Z' });
    expect(await s.service.signIn('aigul', password)).toMatchObject({ user: { validUntil: '2027-04-01T00:00:00.000Z' } });
  });

  it('refuses an old wrap for an operator the cache no longer records as legacy', async () => {
    const s = await legacyStation({ legacy: 0 });
    await expect(s.service.signIn('aigul', password)).rejects.toMatchObject({ code: 'KEYRING_TAMPERED' });
  });

  it('has no account key to resume a server session with, nor to sign an offline password change', async () => {
    const s = await legacyStation();
    await s.service.signIn('aigul', password);
    expect(await s.service.liveConnection()).toEqual({ kind: 'refused', error: { code: 'SESSION_REQUIRED', message: described('errors.SESSION_REQUIRED') } });
    await expect(s.service.changePassword(password, 'Better-Secret-42')).rejects.toMatchObject({ code: 'WORKSTATION_REISSUE' });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'legacy' });
  });

  it('moves to the account keys at the first online sign-in, escrowing the cache key to the server', async () => {
    const s = await legacyStation();
    expect(s.keyring().escrow).toBeNull();
    const account = await s.account(password);
    const result = s.signInResult('aigul', account);
    fakeServer.on(serverRoutes.signIn, ok(result));
    await s.service.signIn('aigul', password);
    const keyring = s.keyring();
    expect(keyring.find('aigul')).toMatchObject({ kind: 'account', credentialId: credentialIdOf(account), failedAttempts: 0 });
    expect(keyring.escrow).toMatch(/^[A-Za-z0-9+/=]{100,}$/);
    expect(s.service.database().prepare("SELECT credential_id, legacy FROM operators WHERE username = 'aigul'").get()).toEqual({ credential_id: credentialIdOf(account), legacy: 0 });
    // The account key is in memory now: the session is kept, and resumed with it later.
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'ok', connection: { session: result.session.token } });
    s.clock.now = new Date(Date.parse(result.session.expiresAt));
    const resumed = s.signInResult('aigul', account);
    fakeServer.on(serverRoutes.resume, ok(resumed));
    expect(await s.service.liveConnection()).toMatchObject({ kind: 'ok', connection: { session: resumed.session.token } });
    s.service.signOut();
    fakeServer.reset();
    expect(await s.service.signIn('aigul', password)).toMatchObject({ state: 'signedIn', verifiedOnline: false });
  });
  it('moves to the account keys without a server certificate too, with no escrow to make', async () => {
    const s = await legacyStation({ noServerCert: true });
    fakeServer.on(serverRoutes.signIn, ok(s.signInResult('aigul', await s.account(password))));
    expect(await s.service.signIn('aigul', password)).toMatchObject({ verifiedOnline: true, serverNotice: { code: 'WORKSTATION_REISSUE' } });
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'account' });
    expect(s.keyring().escrow).toBeNull();
    // The cache names the new credential: the password opens it offline afterwards.
    s.service.signOut();
    fakeServer.reset();
    expect(await s.service.signIn('aigul', password)).toMatchObject({ state: 'signedIn', verifiedOnline: false });
  });

  it('is not re-wrapped for a legacy operator when another operator’s session offers their account', async () => {
    const s = await stations.station([
      { username: 'aigul', password, validUntil: '2027-03-01T00:00:00.000Z', mustChangePassword: false },
      { username: 'bakyt', password: 'Bakyt-Pass-2026', validUntil: '2027-03-01T00:00:00.000Z', mustChangePassword: false },
    ]);
    // aigul's entry made legacy in a version-2 keyring (bakyt keeps his account entry).
    const keyring = s.keyring();
    const entry = keyring.wrapOf('aigul') as AccountEntry;
    const keys = await deriveAccountKeys(password, entry.kdf);
    const dataKey = unwrapWithAccount(entry.wrap, keys.wrapKey, keyring.aadFor(entry.id)) as Buffer;
    const kdf = newScryptParams();
    const wrappedKey = wrapKey(dataKey, kekFromPasswordHash(await scryptHash(password, kdf)), keyring.aadFor(entry.id));
    keyring.upsert({ kind: 'legacy', id: entry.id, kdf, wrappedKey, validUntil: entryValidUntil, mustChangePassword: false, disabled: false, failedAttempts: 0, lockedUntil: null });
    keyring.save();
    const db = openCache(path.join(s.dataDir, cacheFileName), dataKey);
    db.prepare("UPDATE operators SET legacy = 1, credential_id = NULL WHERE username = 'aigul'").run();
    db.close();

    const bakyt = await s.account('Bakyt-Pass-2026', 'bakyt');
    const aigulNew = await s.account(password);
    fakeServer.on(serverRoutes.signIn, ok(s.signInResult('bakyt', bakyt)));
    fakeServer.on(serverRoutes.operators, ok({ operators: [
      { username: 'bakyt', statement: s.sign(s.statement({ username: 'bakyt', credentialId: credentialIdOf(bakyt) })) },
      { username: 'aigul', statement: s.sign(s.statement({ username: 'aigul', credentialId: credentialIdOf(aigulNew) })) },
    ] }));
    fakeServer.on(serverRoutes.accounts, ok({ accounts: [{ username: 'aigul', displayName: 'A', role: 'data_holder', account: aigulNew, statement: s.sign(s.statement({ username: 'aigul', credentialId: credentialIdOf(aigulNew) })) }] }));
    await s.service.signIn('bakyt', 'Bakyt-Pass-2026');
    expect(fakeServer.routesAsked()).toEqual([serverRoutes.signIn, serverRoutes.operators, serverRoutes.accounts]);
    // Her own first online sign-in moves her: until then the old wrap stays as it is.
    expect(s.keyring().find('aigul')).toMatchObject({ kind: 'legacy', wrappedKey });
  });
});
