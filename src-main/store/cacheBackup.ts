import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { privateFileMode, tightenFile } from '../paths/dataDir';

/*
 * The copy of the cache an upgrade takes before it migrates (docs/sync.md, versions in the
 * field). The cache is SQLCipher-encrypted page by page, so a byte copy of its file is as
 * encrypted as the cache itself and opens with the same key; no plaintext is ever written.
 *
 * Its lifetime: `cache.db.before-v<N>` (N the first migration it precedes) stays next to the
 * cache, 0600, until the next successful upgrade takes a newer one and removes it. It is the
 * way back to the release before if the new one misbehaves later (the administrator's call:
 * changes made since the upgrade are only in the current cache).
 */

/** The backup taken before migration `version` runs on `cacheFile`. */
export const backupFileFor = (cacheFile: string, version: number): string => `${cacheFile}.before-v${version}`;

const backupPattern = (cacheFile: string) => new RegExp(`^${path.basename(cacheFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.before-v\\d+(\\.partial)?$`);

/** The backups of `cacheFile` present (finished or interrupted), full paths. */
export function backupsOf(cacheFile: string): string[] {
  const dir = path.dirname(cacheFile);
  const pattern = backupPattern(cacheFile);
  return fs
    .readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => path.join(dir, name));
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A copy of `from` at `to`: 0600 before the first byte, and on disk when this returns. */
function copyPrivately(from: string, to: string): void {
  fs.rmSync(to, { force: true });
  fs.closeSync(fs.openSync(to, 'wx', privateFileMode));
  tightenFile(to);
  fs.copyFileSync(from, to);
  tightenFile(to);
  syncFile(to);
}

/** Copies `from` over `to` by way of `to`.partial, renamed into place once complete. */
function copyDurably(from: string, to: string): void {
  const partial = `${to}.partial`;
  copyPrivately(from, partial);
  fs.renameSync(partial, to);
  syncDir(path.dirname(to));
}

/**
 * Takes a copy of the open cache `db` (its file `cacheFile`, at user_version `version`) and
 * checks it opens with the same key, passes quick_check and has that user_version; answers its
 * path. Throws, leaving the cache as it was, when any of that fails.
 */
export function takeVerifiedBackup(
  db: Database.Database,
  cacheFile: string,
  backupFile: string,
  version: number,
  openCopy: (file: string) => Database.Database,
): string {
  // Everything the WAL holds goes into the main file, and the WAL is emptied.
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (!checkpoint || checkpoint.busy !== 0) throw new Error('the cache is busy (another connection holds it)');
  // A read transaction from here on: nothing is checkpointed into the main file while it is copied.
  db.exec('BEGIN');
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const wal = `${cacheFile}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw new Error('the cache was written to while its copy was being taken');
    const partial = `${backupFile}.partial`;
    copyPrivately(cacheFile, partial);
    const copy = openCopy(partial);
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy fails its check: ${String(check)}`);
      const copied = Number(copy.pragma('user_version', { simple: true }));
      if (copied !== version) throw new Error(`the copy is at version ${copied}, not ${version}`);
    } finally {
      copy.close();
    }
    for (const side of [`${partial}-wal`, `${partial}-shm`]) fs.rmSync(side, { force: true });
    fs.renameSync(partial, backupFile);
    syncDir(path.dirname(backupFile));
    return backupFile;
  } catch (error) {
    fs.rmSync(`${backupFile}.partial`, { force: true });
    throw error;
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * Puts the backup back in place of the cache (the cache must be closed): its WAL and shared
 * memory go first, since frames of the migrated cache would otherwise be replayed onto it.
 */
export function restoreBackup(cacheFile: string, backupFile: string): void {
  for (const side of [`${cacheFile}-wal`, `${cacheFile}-shm`]) fs.rmSync(side, { force: true });
  copyDurably(backupFile, cacheFile);
}

/** After a successful upgrade: every backup of the cache but the one just taken goes. */
export function dropOlderBackups(cacheFile: string, keep: string): void {
  for (const file of backupsOf(cacheFile)) if (file !== keep) fs.rmSync(file, { force: true });
}
