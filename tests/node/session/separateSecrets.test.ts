import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { openProfile } from '../../../src-main/activation/profileReader';
import { kekFromPasswordHash, unwrapKey, wrapKey } from '../../../src-main/security/keyWrap';
import { newScryptParams, scryptHash } from '../../../src-main/security/scrypt';
import { unwrapWithAccount } from '../../../src-main/security/cacheWrap';
import { deriveAccountKeys } from '../../../src-main/security/accountKeys';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { Keyring, keyringFileName, type AccountEntry } from '../../../src-main/store/keyring';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

/*
 * Issue 12, point 2 (a verifier is never a password) and point 3 (the keyring's state cannot be
 * edited into access), on a workstation whose server does not answer. The server-side half (the
 * profile carries no password hash; a hash sent as a password is refused) is in
 * tests/node/server; access dying at the next contact is in tests/node/session/accessDies.test.ts.
 */

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const password = 'Generated-Pass-1';

async function activated() {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({ operators: [{ username: 'aigul', password }, { username: 'bakyt', password: 'Bakyt-Pass-2026', mustChangePassword: false }] });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['en'] });
  backends.push(backend);
  const result = await backend.call('activation.activate', {
    source: { kind: 'file', name: 'x.balaprofile', contentBase64: profile.file.toString('base64') },
    activationCode: profile.code,
  });
  expect(result.ok).toBe(true);
  const opened = await openProfile(profile.file, profile.code, new Date(), 'en');
  return { backend, dataDir: temp.dir, profile, opened };
}

const freshBackend = (dataDir: string): Backend => {
  const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
  backends.push(backend);
  return backend;
};

describe('a verifier is never a password', () => {
  it('what the profile and the server hold does not open the cache; only the password does', async () => {
    const { dataDir, opened } = await activated();
    const operator = opened.secret.operators.find((candidate) => candidate.username === 'aigul');
    if (!operator) throw new Error('no operator');
    // No password hash of any kind travels in the profile.
    expect(JSON.stringify(opened.secret)).not.toMatch(/passwordHash|password_hash/);
    // What a server database holds for the account: its own password hash (another salt) and the account's public halves.
    const serverKdf = newScryptParams();
    const serverHash = await scryptHash(password, serverKdf);

    const keyring = Keyring.load(dataDir) as Keyring;
    const entry = keyring.find('aigul') as AccountEntry;
    expect(entry.kind).toBe('account');
    const aad = keyring.aadFor(entry.id);
    // The old attack: a key-encryption key derived from the server's hash.
    expect(unwrapKey({ iv: entry.wrap.iv, ciphertext: entry.wrap.ciphertext, tag: entry.wrap.tag }, kekFromPasswordHash(serverHash), aad)).toBeNull();
    // Every public value, and the server's hash, typed as the password.
    const backend = freshBackend(dataDir);
    for (const guess of [serverHash.toString('base64'), operator.account.signPub, operator.account.wrapPub, operator.statement.signature.slice(0, 64)]) {
      expect(await backend.call('session.signIn', { username: 'aigul', password: guess })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
      const keys = await deriveAccountKeys(guess, entry.kdf);
      expect(unwrapWithAccount(entry.wrap, keys.wrapKey, aad)).toBeNull();
    }
    // The password itself does.
    const keys = await deriveAccountKeys(password, entry.kdf);
    const dataKey = unwrapWithAccount(entry.wrap, keys.wrapKey, aad);
    expect(dataKey).not.toBeNull();
    openCache(path.join(dataDir, 'cache.db'), dataKey as Buffer).close();
  });

  it('reproduces the old attack on a workstation activated before (legacy keyring): the hash opened it', async () => {
    const { dataDir } = await activated();
    const keyring = Keyring.load(dataDir) as Keyring;
    const entry = keyring.find('aigul') as AccountEntry;
    const keys = await deriveAccountKeys(password, entry.kdf);
    const dataKey = unwrapWithAccount(entry.wrap, keys.wrapKey, keyring.aadFor(entry.id)) as Buffer;
    // The version-1 scheme: the wrap under HKDF(server hash) — anyone holding the hash opens it.
    const serverKdf = newScryptParams();
    const serverHash = await scryptHash(password, serverKdf);
    const legacyWrap = wrapKey(dataKey, kekFromPasswordHash(serverHash), keyring.aadFor(entry.id));
    expect(unwrapKey(legacyWrap, kekFromPasswordHash(serverHash), keyring.aadFor(entry.id))).toEqual(dataKey);
    // Such an entry still opens offline (nothing is lost on upgrade) and is replaced at the first online sign-in (accessDies.test.ts).
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, keyringFileName), 'utf8')) as { version: number; workstationId: string; salt: string; entries: unknown[] };
    const legacy = {
      version: 1,
      workstationId: raw.workstationId,
      salt: raw.salt,
      entries: [{ id: entry.id, kdf: serverKdf, wrappedKey: legacyWrap, validUntil: new Date(Date.now() + 86_400_000).toISOString(), mustChangePassword: false, disabled: false, failedAttempts: 0, lockedUntil: null }],
    };
    fs.writeFileSync(path.join(dataDir, keyringFileName), JSON.stringify(legacy));
    const db = openCache(path.join(dataDir, 'cache.db'), dataKey);
    db.prepare("UPDATE operators SET legacy = 1, credential_id = NULL WHERE username = 'aigul'").run();
    db.close();
    const backend = freshBackend(dataDir);
    expect(await backend.call('session.signIn', { username: 'aigul', password })).toMatchObject({ ok: true, value: { state: 'signedIn', verifiedOnline: false } });
  });
});

describe('the keyring cannot be edited into access', () => {
  it('refuses a keyring that is not one, and an entry moved to another operator', async () => {
    const { dataDir } = await activated();
    const file = path.join(dataDir, keyringFileName);
    const original = fs.readFileSync(file, 'utf8');

    fs.writeFileSync(file, original.replace('"version": 2', '"version": 3'));
    expect(await freshBackend(dataDir).call('session.signIn', { username: 'aigul', password })).toMatchObject({ ok: false, error: { code: 'KEYRING_TAMPERED' } });
    fs.writeFileSync(file, '{ not json');
    expect(await freshBackend(dataDir).call('session.signIn', { username: 'aigul', password })).toMatchObject({ ok: false, error: { code: 'KEYRING_TAMPERED' } });

    // bakyt's wrap put in aigul's place: the wrap is bound to its entry, so aigul's password finds nothing to open.
    const data = JSON.parse(original) as { entries: (AccountEntry & { id: string })[] };
    fs.writeFileSync(file, original);
    const loaded = Keyring.load(dataDir) as Keyring;
    const aigulId = loaded.idOf('aigul');
    const bakytId = loaded.idOf('bakyt');
    const swapped = data.entries.map((entry) => (entry.id === aigulId ? { ...entry, id: bakytId } : entry.id === bakytId ? { ...entry, id: aigulId } : entry));
    fs.writeFileSync(file, JSON.stringify({ ...data, entries: swapped }));
    expect(await freshBackend(dataDir).call('session.signIn', { username: 'bakyt', password })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await freshBackend(dataDir).call('session.signIn', { username: 'aigul', password: 'Bakyt-Pass-2026' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
  });

  it('refuses a wrap the cache does not name: a keyring restored from a copy after access was removed', async () => {
    const { dataDir } = await activated();
    const file = path.join(dataDir, keyringFileName);
    const copy = fs.readFileSync(file, 'utf8');
    // Access removed (as the server's word does it, accessDies.test.ts): the cache names no credential for aigul.
    const keyring = Keyring.load(dataDir) as Keyring;
    const entry = keyring.find('aigul') as AccountEntry;
    const keys = await deriveAccountKeys(password, entry.kdf);
    const dataKey = unwrapWithAccount(entry.wrap, keys.wrapKey, keyring.aadFor(entry.id)) as Buffer;
    keyring.remove('aigul', 'credentialChanged');
    keyring.save();
    const db = openCache(path.join(dataDir, 'cache.db'), dataKey);
    db.prepare("UPDATE operators SET credential_id = NULL WHERE username = 'aigul'").run();
    db.close();
    expect(await freshBackend(dataDir).call('session.signIn', { username: 'aigul', password })).toMatchObject({ ok: false, error: { code: 'ACCESS_REMOVED' } });

    fs.writeFileSync(file, copy); // the attacker puts the old keyring back
    const backend = freshBackend(dataDir);
    expect(await backend.call('session.signIn', { username: 'aigul', password })).toMatchObject({ ok: false, error: { code: 'KEYRING_TAMPERED' } });
    // bakyt is untouched by it.
    expect(await backend.call('session.signIn', { username: 'bakyt', password: 'Bakyt-Pass-2026' })).toMatchObject({ ok: true });
    const refused = backend.ctx.session.database().prepare("SELECT actor FROM audit_log WHERE action = 'session.keyringRefused'").all();
    expect(refused).toEqual([{ actor: 'aigul' }]);
  });

  it('keeps user names out of the keyring', async () => {
    const { dataDir } = await activated();
    const text = fs.readFileSync(path.join(dataDir, keyringFileName), 'utf8');
    expect(text).not.toContain('aigul');
    expect(text).not.toContain('bakyt');
  });
});

describe('profiles of version 1', () => {
  it('are refused with a message that asks for a new one', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const profile = await issueTestProfile({ operators: [{ username: 'aigul', password }] });
    const envelope = JSON.parse(profile.file.toString('utf8')) as Record<string, unknown>;
    const old = Buffer.from(JSON.stringify({ ...envelope, version: 1 }));
    const backend = freshBackend(temp.dir);
    const refused = await backend.call('activation.activate', { source: { kind: 'file', name: 'old.balaprofile', contentBase64: old.toString('base64') }, activationCode: profile.code });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROFILE_OUTDATED' } });
    if (!refused.ok) expect(refused.error.message).toContain('older version');
  });
});
