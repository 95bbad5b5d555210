import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HandoverProgress } from '../../shared/api/handover';
import { BalaError } from '../api/balaError';

/** Room left beside the package for the file system's own bookkeeping. */
const spareBytes = 256 * 1024;
const chunkBytes = 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** A folder the operator may write to, with its free space (null where the system cannot tell). */
export function folderFreeBytes(folder: string): number | null {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** A drive pulled out refuses even the clean-up; a leftover `.partial` is never taken for a package. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the carrier is gone: nothing more to do here
  }
}

/** Makes fsync of the folder best effort: not every system (or file system) allows it. */
function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows and some FAT drivers refuse to open a folder: the rename is still atomic.
  }
}

/**
 * Writes a sealed file onto a carrier so that no half-file ever looks like a package: the bytes
 * go to a hidden `.partial` name, are flushed to the device, read back and compared, and only
 * then renamed to `name`. A drive pulled mid-write leaves at most the `.partial`, which no import
 * accepts (its lengths do not add up). Answers the final path.
 */
export function writeToCarrier(folder: string, name: string, bytes: Buffer, onProgress: (progress: HandoverProgress) => void): string {
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new BalaError('HANDOVER_FOLDER_MISSING', { folder });
  const free = folderFreeBytes(folder);
  if (free !== null && free < bytes.length + spareBytes) throw new BalaError('HANDOVER_NO_SPACE', { needed: megabytes(bytes.length + spareBytes), free: megabytes(free) });

  const final = path.join(folder, name);
  const temp = path.join(folder, `.${name}.${process.pid}.partial`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      for (let at = 0; at < bytes.length; at += chunkBytes) {
        const end = Math.min(bytes.length, at + chunkBytes);
        fs.writeSync(fd, bytes, at, end - at, at);
        onProgress({ phase: 'write', done: end, total: bytes.length });
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temp);
    if (error instanceof BalaError) throw error;
    throw new BalaError('HANDOVER_WRITE_FAILED');
  }

  let readBack: Buffer;
  try {
    readBack = fs.readFileSync(temp);
  } catch {
    removeQuietly(temp);
    throw new BalaError('HANDOVER_WRITE_FAILED');
  }
  onProgress({ phase: 'verify', done: readBack.length, total: bytes.length });
  const same = readBack.length === bytes.length && crypto.timingSafeEqual(crypto.createHash('sha256').update(readBack).digest(), crypto.createHash('sha256').update(bytes).digest());
  if (!same) {
    removeQuietly(temp);
    throw new BalaError('HANDOVER_VERIFY_FAILED');
  }
  try {
    fs.renameSync(temp, final);
  } catch {
    removeQuietly(temp);
    throw new BalaError('HANDOVER_WRITE_FAILED');
  }
  syncFolder(folder);
  return final;
}

/** A name not yet taken in the folder: `base.ext`, else `base-2.ext`, … */
export function freeName(folder: string, base: string, extension: string): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}${extension}` : `${base}-${n}${extension}`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}
