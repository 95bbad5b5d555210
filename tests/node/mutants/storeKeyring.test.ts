import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring, keyringFileName, normaliseUsername, type AccountEntry, type KeyringEntry } from '../../../src-main/store/keyring';
import { tempDir } from '../../support/tempDir';

/*
 * keyring.json read and written in this process (issue 22, module "store"): what an activated
 * workstation finds in it after a restart, how operators are named in it, and what a legacy
 * (version 1) keyring becomes. The sign-in journeys over it are in tests/node/session.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
const dataDir = () => {
  const temp = tempDir('bala-keyring-');
  cleanups.push(temp.cleanup);
  return temp.dir;
};

const b64 = (bytes: number) => crypto.randomBytes(bytes).toString('base64');
const kdf = { algorithm: 'scrypt' as const, N: 16384, r: 8, p: 1, salt: b64(16) };

function accountEntry(keyring: Keyring, username: string): AccountEntry {
  return {
    kind: 'account',
    id: keyring.idOf(username),
    kdf,
    credentialId: crypto.randomBytes(16).toString('hex'),
    wrap: { ephemeralPub: b64(32), iv: b64(12), ciphertext: b64(32), tag: b64(16) },
    failedAttempts: 0,
    lockedUntil: null,
  };
}

const hmacName = (salt: string, name: string) => crypto.createHmac('sha256', Buffer.from(salt, 'base64')).update(name).digest('hex');

describe('the keyring of an activated workstation', () => {
  it('is found after a restart as it was saved: workstation, escrow, salt and every operator', () => {
    const dir = dataDir();
    const keyring = Keyring.create(dir, 'ws-osh-07', 'ZXNjcm93');
    const aigul = accountEntry(keyring, 'aigul');
    keyring.upsert(aigul);
    keyring.save();

    const text = fs.readFileSync(path.join(dir, keyringFileName), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const saved = JSON.parse(text) as { version: number; salt: string; entries: unknown[] };
    expect(saved).toMatchObject({ version: 2, workstationId: 'ws-osh-07', escrow: 'ZXNjcm93', entries: [aigul] });
    expect(Buffer.from(saved.salt, 'base64')).toHaveLength(32);

    const loaded = Keyring.load(dir) as Keyring;
    expect(loaded.workstationId).toBe('ws-osh-07');
    expect(loaded.escrow).toBe('ZXNjcm93');
    expect(loaded.find('aigul')).toEqual(aigul);
    expect(loaded.idOf('aigul')).toBe(keyring.idOf('aigul'));
  });

  it('starts with no operator, and each workstation names its operators under its own salt', () => {
    const dir = dataDir();
    const first = Keyring.create(dir, 'ws-1', 'ZQ==');
    first.save();
    expect(JSON.parse(fs.readFileSync(path.join(dir, keyringFileName), 'utf8'))).toMatchObject({ entries: [] });
    expect(Keyring.load(dir)?.find('aigul')).toBeUndefined();
    const second = Keyring.create(dataDir(), 'ws-2', 'ZQ==');
    expect(second.idOf('aigul')).not.toBe(first.idOf('aigul'));
  });

  it('is absent (null) before activation', () => {
    expect(Keyring.load(dataDir())).toBeNull();
  });

  it('refuses a file that is not a keyring with KEYRING_TAMPERED', () => {
    const dir = dataDir();
    const file = path.join(dir, keyringFileName);
    fs.writeFileSync(file, '{ not json');
    expect(() => Keyring.load(dir)).toThrow(expect.objectContaining({ code: 'KEYRING_TAMPERED' }));
    fs.writeFileSync(file, JSON.stringify({ version: 2, workstationId: 'ws', salt: 'c2FsdA==', escrow: null, entries: [{ kind: 'account', id: 'x' }] }));
    expect(() => Keyring.load(dir)).toThrow(expect.objectContaining({ code: 'KEYRING_TAMPERED' }));
  });

  it('keeps the escrow the server gave to a legacy workstation, across a restart', () => {
    const dir = dataDir();
    const keyring = Keyring.create(dir, 'ws', 'b2xk');
    keyring.setEscrow('bmV3');
    expect(keyring.escrow).toBe('bmV3');
    expect(keyring.workstationId).toBe('ws');
    keyring.save();
    expect(Keyring.load(dir)?.escrow).toBe('bmV3');
  });
});

describe('a keyring of version 1 (workstations activated before)', () => {
  it('opens as legacy entries with no escrow yet, its operators named as before', () => {
    const dir = dataDir();
    const salt = b64(32);
    const entry = {
      id: hmacName(salt, 'aigul'),
      kdf,
      wrappedKey: { iv: b64(12), ciphertext: b64(32), tag: b64(16) },
      validUntil: '2027-12-31',
      mustChangePassword: false,
      disabled: false,
      failedAttempts: 2,
      lockedUntil: null,
    };
    fs.writeFileSync(path.join(dir, keyringFileName), JSON.stringify({ version: 1, workstationId: 'ws-old', salt, entries: [entry] }));
    const keyring = Keyring.load(dir) as Keyring;
    expect(keyring.workstationId).toBe('ws-old');
    expect(keyring.escrow).toBeNull();
    expect(keyring.find('Aigul')).toEqual({ kind: 'legacy', ...entry });
    expect(keyring.wrapOf('aigul')).toMatchObject({ kind: 'legacy', failedAttempts: 2 });
    keyring.save();
    expect(JSON.parse(fs.readFileSync(path.join(dir, keyringFileName), 'utf8'))).toMatchObject({ version: 2, salt, escrow: null, entries: [{ kind: 'legacy', id: entry.id }] });
  });
});

describe('operators in the keyring', () => {
  it('are named by an HMAC of the normalised user name under the salt, so a typed "Aigul " finds "aigul"', () => {
    const dir = dataDir();
    const keyring = Keyring.create(dir, 'ws', 'ZQ==');
    keyring.save();
    const { salt } = JSON.parse(fs.readFileSync(path.join(dir, keyringFileName), 'utf8')) as { salt: string };
    expect(keyring.idOf('aigul')).toBe(hmacName(salt, 'aigul'));
    expect(keyring.idOf('  AIGUL ')).toBe(hmacName(salt, 'aigul'));
    keyring.upsert(accountEntry(keyring, 'aigul'));
    expect(keyring.find(' Aigul')?.id).toBe(hmacName(salt, 'aigul'));
  });

  it('have one entry each: a new wrap replaces the old one and leaves the others', () => {
    const dir = dataDir();
    const keyring = Keyring.create(dir, 'ws', 'ZQ==');
    const old = accountEntry(keyring, 'aigul');
    const bakyt = accountEntry(keyring, 'bakyt');
    keyring.upsert(old);
    keyring.upsert(bakyt);
    const renewed = { ...accountEntry(keyring, 'aigul'), failedAttempts: 1 };
    keyring.upsert(renewed);
    expect(keyring.find('aigul')).toEqual(renewed);
    expect(keyring.find('bakyt')).toEqual(bakyt);
    keyring.save();
    expect(Keyring.load(dir)?.find('aigul')).toEqual(renewed);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, keyringFileName), 'utf8')) as { entries: KeyringEntry[] };
    expect(saved.entries).toHaveLength(2);
  });

  it('whose access was removed keep only the reason, with counters reset, and no wrap to open the cache', () => {
    const keyring = Keyring.create(dataDir(), 'ws', 'ZQ==');
    keyring.upsert({ ...accountEntry(keyring, 'aigul'), failedAttempts: 4, lockedUntil: '2026-12-03T10:00:00.000Z' });
    keyring.upsert(accountEntry(keyring, 'bakyt'));
    expect(keyring.wrapOf('aigul')).toMatchObject({ kind: 'account' });
    keyring.remove('Aigul', 'disabled');
    expect(keyring.find('aigul')).toEqual({ kind: 'removed', id: keyring.idOf('aigul'), reason: 'disabled', failedAttempts: 0, lockedUntil: null });
    expect(keyring.wrapOf('aigul')).toBeUndefined();
    expect(keyring.wrapOf('bakyt')).toMatchObject({ kind: 'account' });
    expect(keyring.wrapOf('nobody')).toBeUndefined();
  });

  it('have their wrap bound to this workstation and this entry', () => {
    const keyring = Keyring.create(dataDir(), 'ws-osh-07', 'ZQ==');
    expect(keyring.aadFor('ab12')).toBe('bala-keyring:v1:ws-osh-07:ab12');
  });
});

describe('user names', () => {
  it('are compared trimmed, case-folded and NFKC-normalised', () => {
    expect(normaliseUsername('\t Aigul \n')).toBe('aigul');
    expect(normaliseUsername('ＡＩＧＵＬ')).toBe('aigul'); // full-width letters typed on some layouts
    expect(normaliseUsername('ﬁrdavs')).toBe('firdavs'); // the ligature a copy from a document brings
  });
});
