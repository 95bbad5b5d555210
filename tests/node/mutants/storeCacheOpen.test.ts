import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { BalaError } from '../../../src-main/api/balaError';
import { backupFileFor, backupsOf } from '../../../src-main/store/cacheBackup';
import { migrate, openCache } from '../../../src-main/store/cacheDatabase';
import { cacheMigrations } from '../../../src-main/store/migrations';
import { tempDir } from '../../support/tempDir';

/*
 * Opening the workstation's cache (src-main/store/cacheDatabase.ts) in this process (issue 22,
 * module "store"): the file's privacy, the settings every caller relies on, and what the operator
 * is told when an upgrade cannot go ahead. The main journeys are in tests/node/store.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
const folder = () => {
  const temp = tempDir('bala-cache-open-');
  cleanups.push(temp.cleanup);
  return temp.dir;
};
const posix = process.platform !== 'win32';
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const latest = cacheMigrations[cacheMigrations.length - 1]?.version ?? 0;

/** The refusal `open` gives (it must give one). */
function refusalOf(open: () => unknown): BalaError {
  try {
    open();
  } catch (error) {
    if (error instanceof BalaError) return error;
    throw error;
  }
  throw new Error('no refusal');
}

/** A cache as the release with migrations up to `version` left it, closed. */
function olderCache(version = 7): { dir: string; file: string; key: Buffer } {
  const dir = folder();
  const file = path.join(dir, 'cache.db');
  const key = crypto.randomBytes(32);
  const db = openCache(file, key, { create: true, upTo: version });
  db.prepare("INSERT INTO operators (username, display_name, role) VALUES ('aigul', 'Айгүл', 'registrar')").run();
  db.close();
  return { dir, file, key };
}

describe('the cache file', () => {
  it.runIf(posix)('is created 0600, its WAL and shared memory too', () => {
    const file = path.join(folder(), 'cache.db');
    const db = openCache(file, crypto.randomBytes(32), { create: true });
    db.prepare("INSERT INTO agencies (id, name) VALUES ('a', 'b')").run();
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    db.close();
  });

  it.runIf(posix)('is made private again when opened after a copy loosened it, WAL included', () => {
    const file = path.join(folder(), 'cache.db');
    const key = crypto.randomBytes(32);
    const holder = openCache(file, key, { create: true });
    holder.prepare("INSERT INTO agencies (id, name) VALUES ('a', 'b')").run();
    for (const name of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(name, 0o644);
    const second = openCache(file, key);
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    second.close();
    holder.close();
  });

  it('is standard SQLCipher 4, so the raw data key opens it with the sqlcipher tools', () => {
    const file = path.join(folder(), 'cache.db');
    const key = crypto.randomBytes(32);
    const db = openCache(file, key, { create: true });
    db.prepare("INSERT INTO agencies (id, name) VALUES ('home-b', 'x')").run();
    db.close();
    const raw = new Database(file, { fileMustExist: true });
    raw.pragma("cipher = 'sqlcipher'");
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(raw.prepare('SELECT id FROM agencies').all()).toEqual([{ id: 'home-b' }]);
    raw.close();
  });

  it('is refused as CACHE_DAMAGED when a folder stands in its place', () => {
    const file = path.join(folder(), 'cache.db');
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'x'), 'x');
    const refusal = refusalOf(() => openCache(file, crypto.randomBytes(32)));
    expect(refusal.code).toBe('CACHE_DAMAGED');
    expect(refusal.params.reason).toMatch(/unable to open/);
  });
});

describe('an open cache', () => {
  it('keeps temp data in memory, erases deleted content, enforces references and holds 64 MiB of pages', () => {
    const db = openCache(path.join(folder(), 'cache.db'), crypto.randomBytes(32), { create: true });
    expect({
      journal: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      tempStore: db.pragma('temp_store', { simple: true }),
      secureDelete: db.pragma('secure_delete', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
      cacheSize: db.pragma('cache_size', { simple: true }),
    }).toEqual({ journal: 'wal', synchronous: 1, tempStore: 2, secureDelete: 1, foreignKeys: 1, cacheSize: -65536 });
    db.close();
  });
});

describe('migrations', () => {
  it('answer the last version applied, and stop where asked', () => {
    const db = openCache(path.join(folder(), 'cache.db'), crypto.randomBytes(32), { create: true, upTo: 2 });
    expect(migrate(db, 4)).toBe(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(migrate(db, 3)).toBe(4);
    expect(migrate(db, 5)).toBe(5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    db.close();
  });

  it('of an older cache stop at upTo, after a backup named for the first one applied', () => {
    const { file, key } = olderCache(5);
    const db = openCache(file, key, { upTo: 6 });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    db.close();
    expect(backupsOf(file)).toEqual([backupFileFor(file, 6)]);
  });
});

describe('an upgrade that cannot go ahead', () => {
  it('is refused CACHE_TOO_NEW for a newer cache, and the cache is released', () => {
    const { file, key } = olderCache(7);
    expect(() => openCache(file, key, { migrations: cacheMigrations.slice(0, 6) })).toThrow(expect.objectContaining({ code: 'CACHE_TOO_NEW', params: { found: '7', known: '6' } }));
    expect([fs.existsSync(`${file}-wal`), fs.existsSync(`${file}-shm`)]).toEqual([false, false]);
  });

  it('names the backup to restore by hand when putting it back fails', () => {
    const { dir, file, key } = olderCache(7);
    // Something in the way of the restored copy: a folder where its .partial goes.
    fs.mkdirSync(path.join(dir, 'cache.db.partial'));
    fs.writeFileSync(path.join(dir, 'cache.db.partial', 'x'), 'x');
    const failing = [...cacheMigrations, { version: latest + 1, name: 'broken', sql: 'SELECT no_such_function();' }];
    const refusal = refusalOf(() => openCache(file, key, { migrations: failing }));
    expect(refusal).toMatchObject({ code: 'CACHE_UPGRADE_FAILED', params: { from: '7' } });
    expect(refusal.params.reason).toMatch(/^no such function: no_such_function; restoring cache\.db\.before-v8 failed: /);
    expect(backupsOf(file)).toEqual([backupFileFor(file, 8)]);
  });

  it('is not caused by an older backup that cannot be removed: the upgrade stands', () => {
    const { dir, file, key } = olderCache(7);
    fs.mkdirSync(path.join(dir, 'cache.db.before-v5'));
    fs.writeFileSync(path.join(dir, 'cache.db.before-v5', 'x'), 'x');
    const db = openCache(file, key);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    db.close();
  });
});
