import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/backend';
import { writeFileAtomic } from '../../../src-main/fsx/atomicWrite';
import { secureDataDir } from '../../../src-main/paths/dataDir';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
const fresh = () => {
  const temp = tempDir('bala-modes-');
  cleanups.push(temp.cleanup);
  return temp.dir;
};

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
/** Every entry of the folder, recursively, with its mode (folders 0700 expected at the top). */
const filesOf = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => fs.lstatSync(path.join(dir, name)).isFile())
      .sort()
      .map((name) => [name, modeOf(path.join(dir, name)).toString(8)]),
  );

/** The umask of a careless system: files would be world-readable (0666 & ~0 = 0666). */
function withUmask<T>(mask: number, run: () => Promise<T>): Promise<T> {
  const before = process.umask(mask);
  return run().finally(() => process.umask(before));
}

describe.skipIf(process.platform === 'win32')('the data folder is private (POSIX modes; on Windows the profile folder ACL)', () => {
  it('after activation and after a sign-in that writes the WAL: the folder 0700, every file in it 0600 — even with umask 000', async () => {
    const profile = await issueTestProfile({ operators: [{ username: 'aigul', password: 'Generated-Pass-1' }] });
    const dataDir = path.join(fresh(), 'data');
    await withUmask(0o000, async () => {
      const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
      try {
        expect(modeOf(dataDir).toString(8)).toBe('700');
        const done = await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
        expect(done.ok).toBe(true);
        expect(modeOf(dataDir).toString(8)).toBe('700');
        const afterActivation = filesOf(dataDir);
        expect(Object.keys(afterActivation)).toEqual(expect.arrayContaining(['cache.db', 'keyring.json', 'workstation.json']));
        expect(Object.values(afterActivation).every((mode) => mode === '600')).toBe(true);

        const signedIn = await backend.call('session.signIn', { username: 'aigul', password: 'Generated-Pass-1' });
        expect(signedIn).toMatchObject({ ok: true, value: { state: 'signedIn' } });
        await backend.call('settings.update', { language: 'ru' });
        const afterSignIn = filesOf(dataDir);
        expect(Object.keys(afterSignIn)).toEqual(expect.arrayContaining(['cache.db', 'cache.db-wal', 'cache.db-shm', 'keyring.json', 'workstation.json', 'settings.json']));
        expect(afterSignIn).toEqual(Object.fromEntries(Object.keys(afterSignIn).map((name) => [name, '600'])));
      } finally {
        await backend.close();
      }
    });
  });

  it('a cache created by openCache has its -wal and -shm 0600 too, and an old 0644 cache is tightened on open', async () => {
    const dir = fresh();
    const file = path.join(dir, 'cache.db');
    const key = Buffer.alloc(32, 7);
    await withUmask(0o000, () => {
      const db = openCache(file, key, { create: true });
      db.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (1)');
      expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)].map((mode) => mode.toString(8))).toEqual(['600', '600', '600']);
      db.close();
      fs.chmodSync(file, 0o644);
      openCache(file, key).close();
      expect(modeOf(file).toString(8)).toBe('600');
      return Promise.resolve();
    });
  });

  it('writeFileAtomic writes 0600 whatever the umask or the mode of the file it replaces; secureDataDir tightens an old folder', async () => {
    const dir = fresh();
    const file = path.join(dir, 'keyring.json');
    fs.writeFileSync(file, '{}', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    await withUmask(0o000, () => {
      writeFileAtomic(file, '{"a":1}');
      return Promise.resolve();
    });
    expect(modeOf(file).toString(8)).toBe('600');

    const old = path.join(dir, 'old');
    fs.mkdirSync(old, { mode: 0o755 });
    fs.chmodSync(old, 0o755);
    for (const name of ['cache.db', 'cache.db-wal', 'workstation.json', 'settings.json']) fs.writeFileSync(path.join(old, name), 'x', { mode: 0o644 });
    fs.symlinkSync(file, path.join(old, 'link'));
    fs.chmodSync(file, 0o640);
    secureDataDir(old);
    expect(modeOf(old).toString(8)).toBe('700');
    expect(filesOf(old)).toEqual({ 'cache.db': '600', 'cache.db-wal': '600', 'settings.json': '600', 'workstation.json': '600' });
    // A symbolic link is never followed: what it points to keeps its mode.
    expect(modeOf(file).toString(8)).toBe('640');
  });
});
