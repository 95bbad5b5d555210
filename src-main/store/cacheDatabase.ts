import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { BalaError } from '../api/balaError';
import { privateFileMode, tightenFile } from '../paths/dataDir';
import { backupFileFor, dropOlderBackups, restoreBackup, takeVerifiedBackup } from './cacheBackup';
import { cacheMigrations } from './migrations';

export type CacheDatabase = Database.Database;

export type CacheMigration = { version: number; name: string; sql: string };

export interface OpenCacheOptions {
  create?: boolean;
  /** Tests of a migration stop before it. */
  upTo?: number;
  /** The migrations to apply (tests of a failing upgrade); the shipped list otherwise. */
  migrations?: readonly CacheMigration[];
}

/**
 * Opens the workstation's cache: SQLite with SQLCipher-compatible page encryption, keyed with
 * the raw 256-bit data key (no second, slow KDF: the operator's password was already stretched
 * to unwrap it). Temp data stays in memory so no plaintext ever reaches a temp file. An upgrade
 * of a cache an earlier release made first takes a verified encrypted backup (upgrade below).
 */
export function openCache(file: string, dataKey: Buffer, options: OpenCacheOptions = {}): CacheDatabase {
  if (!options.create && !fs.existsSync(file)) throw new BalaError('CACHE_DAMAGED', { reason: 'missing' });
  // SQLite takes an empty file for a new database: a cache emptied (a failed copy, a full disk)
  // would be made afresh over the operators' records instead of being reported.
  if (!options.create && fs.statSync(file).size === 0) throw new BalaError('CACHE_DAMAGED', { reason: 'empty' });
  let db: CacheDatabase;
  try {
    // Private before the first byte: SQLite gives the -wal and -shm files the mode of the
    // database file, so a cache created 0600 keeps its WAL 0600 too (POSIX; on Windows the
    // per-user profile folder's ACL does this).
    if (options.create && !fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', privateFileMode));
    for (const name of [file, `${file}-wal`, `${file}-shm`]) tightenFile(name);
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw new BalaError('CACHE_DAMAGED', { reason: error instanceof Error ? error.message : String(error) });
  }
  try {
    unlock(db, dataKey);
  } catch (error) {
    db.close();
    const notADatabase = error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB';
    throw new BalaError(notADatabase ? 'CACHE_WRONG_KEY' : 'CACHE_DAMAGED', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // 64 MiB page cache: the working set of a district's registry stays in memory.
  db.pragma('cache_size = -65536');
  upgrade(db, file, dataKey, options.upTo, options.migrations ?? cacheMigrations);
  return db;
}

/** The SQLCipher settings and key; the first read fails if the key is wrong or the file no cache. */
function unlock(db: CacheDatabase, dataKey: Buffer): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

const reasonOf = (error: unknown): string => (error instanceof BalaError ? error.code : error instanceof Error ? error.message : String(error));

/**
 * A cache made by an earlier release (user_version > 0, migrations pending) is upgraded only
 * after a verified encrypted copy of it was taken (cacheBackup.ts); a migration that fails puts
 * that copy back, so the cache is exactly as the earlier release left it, and says so
 * (CACHE_UPGRADE_FAILED). A new cache has nothing to lose: it is migrated directly.
 */
function upgrade(db: CacheDatabase, file: string, dataKey: Buffer, upTo: number | undefined, migrations: readonly CacheMigration[]): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  // An older installer put over a newer one must not write to a cache whose tables it does not know.
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  if (current > known) {
    db.close();
    throw new BalaError('CACHE_TOO_NEW', { found: String(current), known: String(known) });
  }
  const pending = migrations.filter((migration) => migration.version > current && migration.version <= (upTo ?? Number.POSITIVE_INFINITY));
  const first = pending[0];
  if (current === 0 || !first) {
    migrate(db, upTo, migrations);
    return;
  }
  let backup: string;
  try {
    backup = takeVerifiedBackup(db, file, backupFileFor(file, first.version), current, (copy) => {
      const opened = new Database(copy, { fileMustExist: true });
      try {
        unlock(opened, dataKey);
        opened.pragma('temp_store = MEMORY');
      } catch (error) {
        opened.close();
        throw error;
      }
      return opened;
    });
  } catch (error) {
    db.close();
    throw new BalaError('CACHE_UPGRADE_FAILED', { reason: `backup: ${reasonOf(error)}`, from: String(current) });
  }
  try {
    migrate(db, upTo, migrations);
  } catch (error) {
    const reason = reasonOf(error);
    try {
      db.close();
      restoreBackup(file, backup);
    } catch (restoreError) {
      // The copy is intact next to the cache; whoever restores by hand finds it named here.
      throw new BalaError('CACHE_UPGRADE_FAILED', { reason: `${reason}; restoring ${path.basename(backup)} failed: ${reasonOf(restoreError)}`, from: String(current) });
    }
    throw new BalaError('CACHE_UPGRADE_FAILED', { reason, from: String(current) });
  }
  try {
    dropOlderBackups(file, backup);
  } catch {
    // An older backup that cannot be removed now is removed by the next upgrade; the cache is fine.
  }
}

/** Applies the pending migrations, each in its own transaction, tracked in user_version. */
export function migrate(db: CacheDatabase, upTo = Number.POSITIVE_INFINITY, migrations: readonly CacheMigration[] = cacheMigrations): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  let applied = current;
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied = migration.version;
  }
  return applied;
}
