import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BalaError } from '../../../src-main/api/balaError';
import { backupFileFor, backupsOf } from '../../../src-main/store/cacheBackup';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { cacheMigrations } from '../../../src-main/store/migrations';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const secretName = 'Айгүл Садырбекова-Плейнтекст';

/** A cache as the previous release left it: migrations up to 7, a record and sync facts in it, closed. */
function previousReleaseCache(): { file: string; key: Buffer; dir: string } {
  const temp = tempDir('bala-cache-upgrade-');
  cleanups.push(temp.cleanup);
  const file = path.join(temp.dir, 'cache.db');
  const key = crypto.randomBytes(32);
  const db = openCache(file, key, { create: true, upTo: 7 });
  db.prepare(
    `INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by)
     VALUES ('rec-1', 'kg.pupil', 1, ?, 3, '2026-11-01T08:00:00.000Z', 'asel', '2026-11-02T08:00:00.000Z', 'asel')`,
  ).run(JSON.stringify({ fullName: secretName }));
  db.prepare("INSERT INTO agencies (id, name) VALUES ('home-b', 'Дом ребёнка № 3')").run();
  db.prepare("INSERT INTO sync_state (key, value) VALUES ('lastSuccessAt', '2026-11-30T10:00:00.000Z')").run();
  db.close();
  return { file, key, dir: temp.dir };
}

function contentsOf(db: CacheDatabase) {
  return {
    version: db.pragma('user_version', { simple: true }),
    records: db.prepare('SELECT id, values_json, revision FROM records').all(),
    agencies: db.prepare('SELECT id, name FROM agencies').all(),
    syncState: db.prepare('SELECT key, value FROM sync_state ORDER BY key').all(),
  };
}

const latest = cacheMigrations[cacheMigrations.length - 1]?.version ?? 0;

describe('upgrading the cache of an earlier release', () => {
  it('takes a verified encrypted backup, then migrates with the data intact', () => {
    const { file, key, dir } = previousReleaseCache();
    const db = openCache(file, key);
    // No copy in the making, no -wal or -shm of the copy left behind.
    expect(fs.readdirSync(dir).filter((name) => !name.startsWith('cache.db-')).sort()).toEqual(['cache.db', 'cache.db.before-v8']);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare('SELECT id, values_json FROM records').all()).toEqual([{ id: 'rec-1', values_json: JSON.stringify({ fullName: secretName }) }]);
    expect(db.prepare('SELECT name FROM agencies').all()).toEqual([{ name: 'Дом ребёнка № 3' }]);
    db.close();

    const backup = backupFileFor(file, 8);
    expect(backupsOf(file)).toEqual([backup]);
    if (process.platform !== 'win32') expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    // Encrypted like the cache: no SQLite header, no record text.
    const bytes = fs.readFileSync(backup);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(secretName))).toBe(false);
    expect(bytes.includes(Buffer.from('kg.pupil'))).toBe(false);
    // It opens with the same key, at the previous version, with the data.
    const copy = openCache(backup, key, { upTo: 7 });
    expect(contentsOf(copy)).toMatchObject({ version: 7, records: [{ id: 'rec-1', revision: 3 }] });
    copy.close();
    expect(() => openCache(backup, crypto.randomBytes(32), { upTo: 7 })).toThrow(expect.objectContaining({ code: 'CACHE_WRONG_KEY' }));
  });

  it('takes no backup of a new cache nor of one already up to date, and a second open changes nothing', () => {
    const temp = tempDir('bala-cache-upgrade-');
    cleanups.push(temp.cleanup);
    const file = path.join(temp.dir, 'cache.db');
    const key = crypto.randomBytes(32);
    openCache(file, key, { create: true }).close();
    const first = openCache(file, key);
    const second = openCache(file, key); // two connections on one cache: nothing pending for either
    expect(second.pragma('user_version', { simple: true })).toBe(latest);
    first.close();
    second.close();
    expect(backupsOf(file)).toEqual([]);
  });

  it('keeps one backup: the next successful upgrade replaces the one before', () => {
    const { file, key } = previousReleaseCache();
    openCache(file, key).close();
    expect(backupsOf(file)).toEqual([backupFileFor(file, 8)]);
    // An interrupted copy of an earlier attempt goes too.
    fs.writeFileSync(`${backupFileFor(file, 5)}.partial`, 'left over');
    const extra = [...cacheMigrations, { version: latest + 1, name: 'next', sql: 'CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY);' }];
    openCache(file, key, { migrations: extra }).close();
    expect(backupsOf(file)).toEqual([backupFileFor(file, latest + 1)]);
  });

  it('puts the cache back byte for byte when a migration fails, with CACHE_UPGRADE_FAILED and no half-migrated state', () => {
    const { file, key } = previousReleaseCache();
    const before = fs.readFileSync(file);
    const failing = [
      ...cacheMigrations,
      // Partly applied, then failing: its own transaction rolls back, migration 8 (already committed) must be undone too.
      { version: latest + 1, name: 'broken', sql: "CREATE TABLE half_done (id TEXT); INSERT INTO half_done VALUES ('x'); SELECT no_such_function();" },
    ];
    let thrown: unknown;
    try {
      openCache(file, key, { migrations: failing });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BalaError);
    expect((thrown as BalaError).code).toBe('CACHE_UPGRADE_FAILED');
    expect((thrown as BalaError).params.reason).toMatch(/no_such_function/);

    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(false);
    const reopened = openCache(file, key, { upTo: 7 });
    expect(contentsOf(reopened)).toMatchObject({ version: 7, records: [{ id: 'rec-1', revision: 3 }], agencies: [{ id: 'home-b' }] });
    // Neither migration 8's columns nor the broken one's table are there.
    expect(reopened.prepare("SELECT count(*) AS n FROM pragma_table_info('operators') WHERE name = 'credential_id'").get()).toEqual({ n: 0 });
    expect(reopened.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    reopened.close();
    // The backup stays for whoever looks into it; the next normal open upgrades for real.
    expect(backupsOf(file)).toEqual([backupFileFor(file, 8)]);
    const upgraded = openCache(file, key);
    expect(contentsOf(upgraded)).toMatchObject({ version: latest, records: [{ id: 'rec-1' }] });
    upgraded.close();
  });

  it('refuses a cache a newer release wrote (an older installer put back): CACHE_TOO_NEW, nothing written', () => {
    const { file, key } = previousReleaseCache();
    const newer = [...cacheMigrations, { version: latest + 1, name: 'from_the_future', sql: 'CREATE TABLE future_things (id TEXT PRIMARY KEY)' }];
    openCache(file, key, { migrations: newer }).close();
    const before = fs.readFileSync(file);
    let thrown: unknown;
    try {
      openCache(file, key);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BalaError);
    expect((thrown as BalaError).code).toBe('CACHE_TOO_NEW');
    expect((thrown as BalaError).params).toEqual({ found: String(latest + 1), known: String(latest) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The newer release still opens it, its table intact.
    const again = openCache(file, key, { migrations: newer });
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'future_things'").get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses to migrate without a backup: a busy cache is left as it was', () => {
    const { file, key } = previousReleaseCache();
    const reader = openCache(file, key, { upTo: 7 });
    // Another connection in the middle of a read holds back the checkpoint the backup needs.
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM records').get();
    const writer = openCache(file, key, { upTo: 7 });
    writer.prepare("INSERT INTO sync_state (key, value) VALUES ('lastAttemptAt', '2026-12-01T00:00:00.000Z')").run();
    writer.close();
    expect(() => openCache(file, key)).toThrow(
      expect.objectContaining({ code: 'CACHE_UPGRADE_FAILED', params: { reason: 'backup: the cache is busy (another connection holds it)', from: '7' } }),
    );
    reader.exec('COMMIT');
    reader.close();
    // The refused open let go of the cache: the last connection closed took the WAL with it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(backupsOf(file)).toEqual([]);
    const after = openCache(file, key, { upTo: 7 });
    expect(after.pragma('user_version', { simple: true })).toBe(7);
    after.close();
  });
});
