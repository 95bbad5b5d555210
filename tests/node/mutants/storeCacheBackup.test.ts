import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileFor, backupsOf, dropOlderBackups, restoreBackup, takeVerifiedBackup } from '../../../src-main/store/cacheBackup';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { tempDir } from '../../support/tempDir';

/*
 * The encrypted copy an upgrade takes before it migrates (src-main/store/cacheBackup.ts), called
 * directly (issue 22, module "store"): which files count as backups of a cache, what a copy must
 * pass before the upgrade may go on, and how the copy is put back. The upgrade journeys through
 * openCache are in tests/node/store/cacheUpgrade.test.ts.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A cache at version 7 with one agency in it, open. */
function cacheAtSeven(): { dir: string; file: string; key: Buffer; db: CacheDatabase } {
  const temp = tempDir('bala-cache-backup-');
  const file = path.join(temp.dir, 'cache.db');
  const key = crypto.randomBytes(32);
  const db = openCache(file, key, { create: true, upTo: 7 });
  cleanups.push(() => {
    if (db.open) db.close();
    temp.cleanup();
  });
  db.prepare("INSERT INTO agencies (id, name) VALUES ('home-b', 'Дом ребёнка № 3')").run();
  return { dir: temp.dir, file, key, db };
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.includes('.before-v') || name.endsWith('.partial')).sort();

describe('the backups of a cache', () => {
  it('are its own finished and interrupted copies, whatever else lies in the folder', () => {
    const temp = tempDir('bala-cache-backup-');
    cleanups.push(temp.cleanup);
    const file = path.join(temp.dir, 'cache.db');
    const ours = ['cache.db.before-v8', 'cache.db.before-v12', 'cache.db.before-v9.partial'];
    const others = [
      'cacheXdb.before-v8', // the dot in the name is a dot
      'old-cache.db.before-v8',
      'cache.db.before-v8.bak',
      'cache.db.before-v',
      'cache.db.before-vx',
      'cache.db.before-v8.partial-wal',
      'cache.db',
      'keyring.json',
    ];
    for (const name of [...ours, ...others]) fs.writeFileSync(path.join(temp.dir, name), 'x');
    expect(backupsOf(file).sort()).toEqual(ours.map((name) => path.join(temp.dir, name)).sort());
    expect(backupFileFor(file, 12)).toBe(path.join(temp.dir, 'cache.db.before-v12'));
  });

  it('but the one just taken go after a successful upgrade', () => {
    const temp = tempDir('bala-cache-backup-');
    cleanups.push(temp.cleanup);
    const file = path.join(temp.dir, 'cache.db');
    for (const name of ['cache.db', 'cache.db.before-v5', 'cache.db.before-v8', 'cache.db.before-v9.partial']) fs.writeFileSync(path.join(temp.dir, name), 'x');
    dropOlderBackups(file, backupFileFor(file, 8));
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['cache.db', 'cache.db.before-v8']);
  });
});

describe('a verified backup', () => {
  it('opens with the same key at the version it was taken at, and is left closed and private', () => {
    const { dir, file, key, db } = cacheAtSeven();
    let copy: CacheDatabase | undefined;
    const backup = takeVerifiedBackup(db, file, backupFileFor(file, 8), 7, (partial) => (copy = openCache(partial, key, { upTo: 7 })));
    expect(backup).toBe(backupFileFor(file, 8));
    expect(copy?.open).toBe(false);
    expect(leftovers(dir)).toEqual(['cache.db.before-v8']);
    if (process.platform !== 'win32') expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    // The cache goes on being usable: the read transaction of the copy is over.
    db.prepare("INSERT INTO agencies (id, name) VALUES ('home-c', 'Центр')").run();
    db.close();
    const reopened = openCache(backup, key, { upTo: 7 });
    expect(reopened.prepare('SELECT id FROM agencies').all()).toEqual([{ id: 'home-b' }]);
    reopened.close();
  });

  it('is refused when the copy is not at the version of the cache, and nothing is left of it', () => {
    const { dir, file, key, db } = cacheAtSeven();
    expect(() => takeVerifiedBackup(db, file, backupFileFor(file, 7), 6, (partial) => openCache(partial, key, { upTo: 7 }))).toThrow('the copy is at version 7, not 6');
    expect(leftovers(dir)).toEqual([]);
    db.prepare("INSERT INTO agencies (id, name) VALUES ('home-c', 'Центр')").run();
  });

  it('is refused when the copy fails its integrity check, and nothing is left of it', () => {
    const { dir, file, db } = cacheAtSeven();
    let closed = false;
    const damagedCopy = () =>
      ({
        pragma: (source: string) => (source === 'quick_check' ? 'row 3 missing from index sqlite_autoindex_agencies_1' : 7),
        close: () => {
          closed = true;
        },
      }) as unknown as Database.Database;
    expect(() => takeVerifiedBackup(db, file, backupFileFor(file, 8), 7, damagedCopy)).toThrow('the copy fails its check: row 3 missing from index sqlite_autoindex_agencies_1');
    expect(closed).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('is refused when another connection writes between the checkpoint and the copy', () => {
    const { dir, file, key, db } = cacheAtSeven();
    const other = openCache(file, key, { upTo: 7 });
    cleanups.unshift(() => other.close());
    // The other connection's write lands right after the checkpoint emptied the WAL.
    const racing = new Proxy(db, {
      get(target, property) {
        if (property === 'pragma')
          return (source: string, options?: { simple?: boolean }) => {
            const result = target.pragma(source, options);
            if (source.startsWith('wal_checkpoint')) other.prepare("INSERT INTO agencies (id, name) VALUES ('late', 'x')").run();
            return result;
          };
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    expect(() => takeVerifiedBackup(racing, file, backupFileFor(file, 8), 7, (partial) => openCache(partial, key, { upTo: 7 }))).toThrow(
      'the cache was written to while its copy was being taken',
    );
    expect(leftovers(dir)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM agencies').get()).toEqual({ n: 2 });
  });
});

describe('putting a backup back', () => {
  it('replaces the cache byte for byte, drops the WAL of the migrated cache and keeps the cache private', () => {
    const { dir, file, key, db } = cacheAtSeven();
    const backup = takeVerifiedBackup(db, file, backupFileFor(file, 8), 7, (partial) => openCache(partial, key, { upTo: 7 }));
    db.prepare("INSERT INTO agencies (id, name) VALUES ('after-upgrade', 'x')").run();
    db.close();
    // What a crashed migrated cache leaves: its WAL and shared memory with frames of its own.
    fs.writeFileSync(`${file}-wal`, 'frames of the migrated cache');
    fs.writeFileSync(`${file}-shm`, 'index of those frames');
    fs.chmodSync(backup, 0o644); // an administrator's copy made with the umask
    restoreBackup(file, backup);
    expect(fs.readFileSync(file).equals(fs.readFileSync(backup))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['cache.db', 'cache.db.before-v8']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const restored = openCache(file, key, { upTo: 7 });
    expect(restored.prepare('SELECT id FROM agencies').all()).toEqual([{ id: 'home-b' }]);
    restored.close();
  });
});
