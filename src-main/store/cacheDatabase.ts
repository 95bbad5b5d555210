import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { BalaError } from '../api/balaError';
import { privateFileMode, tightenFile } from '../paths/dataDir';
import { cacheMigrations } from './migrations';

export type CacheDatabase = Database.Database;

/**
 * Opens the workstation's cache: SQLite with SQLCipher-compatible page encryption, keyed with
 * the raw 256-bit data key (no second, slow KDF: the operator's password was already stretched
 * to unwrap it). Temp data stays in memory so no plaintext ever reaches a temp file.
 */
export function openCache(file: string, dataKey: Buffer, options: { create?: boolean; /** Tests of a migration stop before it. */ upTo?: number } = {}): CacheDatabase {
  if (!options.create && !fs.existsSync(file)) throw new BalaError('CACHE_DAMAGED', { reason: 'missing' });
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
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    // The first read fails here if the key is wrong or the file is not an encrypted cache.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
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
  migrate(db, options.upTo);
  return db;
}

/** Applies the pending migrations, each in its own transaction, tracked in user_version. */
export function migrate(db: CacheDatabase, upTo = Number.POSITIVE_INFINITY): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  let applied = current;
  for (const migration of cacheMigrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied = migration.version;
  }
  return applied;
}
