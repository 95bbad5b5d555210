import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BalaError } from '../../../src-main/api/balaError';
import { folderFreeBytes, freeName, writeToCarrier } from '../../../src-main/handover/carrierWrite';
import { tempDir } from '../../support/tempDir';

/*
 * Issue 22: the carrier write (src-main/handover/carrierWrite.ts) on the paths a USB stick takes
 * in real life: nearly full, pulled out between the write and the rename, a file system that
 * cannot say its free space. Each by its exact code, and no half-file left that looks like a package.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});
const drive = () => {
  const temp = tempDir('bala-carrier-mut-');
  cleanups.push(temp.cleanup);
  return temp.dir;
};
const refusalOf = (work: () => unknown): BalaError | 'written' => {
  try {
    work();
  } catch (error) {
    if (error instanceof BalaError) return error;
    throw error;
  }
  return 'written';
};
const spare = 256 * 1024;
const withFree = (freeBytes: number) => vi.spyOn(fs, 'statfsSync').mockImplementation((() => ({ bavail: freeBytes, bsize: 1 })) as unknown as typeof fs.statfsSync);

describe('writing onto a carrier', () => {
  it('writes when the drive has exactly the package and the spare room free, and refuses one byte less with HANDOVER_NO_SPACE in megabytes', () => {
    const folder = drive();
    const bytes = Buffer.alloc(1_200_000, 3);
    withFree(bytes.length + spare - 1);
    expect(refusalOf(() => writeToCarrier(folder, 'p.balahandover', bytes, () => undefined))).toMatchObject({ code: 'HANDOVER_NO_SPACE', params: { needed: '1.5 MB', free: '1.5 MB' } });
    withFree(1_000_000);
    expect(refusalOf(() => writeToCarrier(folder, 'p.balahandover', bytes, () => undefined))).toMatchObject({ code: 'HANDOVER_NO_SPACE', params: { needed: '1.5 MB', free: '1.0 MB' } });
    expect(fs.readdirSync(folder)).toEqual([]);
    withFree(bytes.length + spare);
    expect(fs.readFileSync(writeToCarrier(folder, 'p.balahandover', bytes, () => undefined)).equals(bytes)).toBe(true);
  });

  it('writes when the system cannot tell the free space (the write itself then decides)', () => {
    const folder = drive();
    vi.spyOn(fs, 'statfsSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSYS'), { code: 'ENOSYS' });
    });
    expect(folderFreeBytes(folder)).toBeNull();
    expect(path.basename(writeToCarrier(folder, 'p.balahandover', Buffer.from('package'), () => undefined))).toBe('p.balahandover');
  });

  it('tells the free space of a folder in bytes, and null for a folder that is not there', () => {
    const folder = drive();
    withFree(123_456);
    expect(folderFreeBytes(folder)).toBe(123_456);
    vi.restoreAllMocks();
    expect(folderFreeBytes(path.join(folder, 'unplugged'))).toBeNull();
  });

  it('names the missing folder in HANDOVER_FOLDER_MISSING, and takes a file for no folder', () => {
    const folder = drive();
    const gone = path.join(folder, 'unplugged');
    expect(refusalOf(() => writeToCarrier(gone, 'p.balahandover', Buffer.from('x'), () => undefined))).toMatchObject({ code: 'HANDOVER_FOLDER_MISSING', params: { folder: gone } });
    const file = path.join(folder, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(refusalOf(() => writeToCarrier(file, 'p.balahandover', Buffer.from('x'), () => undefined))).toMatchObject({ code: 'HANDOVER_FOLDER_MISSING' });
  });

  it('reports progress once per mebibyte, ending exactly at the size, then the read-back', () => {
    const folder = drive();
    const bytes = Buffer.alloc(2 * 1024 * 1024, 9);
    const steps: string[] = [];
    writeToCarrier(folder, 'p.balahandover', bytes, (progress) => steps.push(`${progress.phase}:${progress.done}/${progress.total}`));
    expect(steps).toEqual([`write:${1024 * 1024}/${bytes.length}`, `write:${bytes.length}/${bytes.length}`, `verify:${bytes.length}/${bytes.length}`]);
  });

  it('flushes the file and then the folder to the device, closing every handle it opened', () => {
    const folder = drive();
    const opened: { file: string; flags: string; fd: number }[] = [];
    const closed: number[] = [];
    const flushed: number[] = [];
    const realOpen = fs.openSync.bind(fs);
    const realClose = fs.closeSync.bind(fs);
    const realFsync = fs.fsyncSync.bind(fs);
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      const fd = realOpen(file, flags, mode);
      opened.push({ file: String(file), flags: String(flags), fd });
      return fd;
    }) as typeof fs.openSync);
    vi.spyOn(fs, 'closeSync').mockImplementation((fd: number) => {
      closed.push(fd);
      realClose(fd);
    });
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      flushed.push(fd);
      realFsync(fd);
    });
    writeToCarrier(folder, 'p.balahandover', Buffer.from('package bytes'), () => undefined);
    // The copy written (flags wx) and the folder (read-only) are flushed; reading back opens the copy once more.
    const written = opened.filter((entry) => entry.flags === 'wx');
    const folderHandle = opened.filter((entry) => entry.file === folder);
    expect([written.length, folderHandle.length]).toEqual([1, 1]);
    expect(folderHandle[0]?.flags).toBe('r');
    expect(flushed).toEqual([...written, ...folderHandle].map((entry) => entry.fd));
    expect(closed).toEqual(opened.map((entry) => entry.fd));
  });

  it('still answers the package when the folder cannot be flushed (Windows, some FAT drivers)', () => {
    const folder = drive();
    const realOpen = fs.openSync.bind(fs);
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (file === folder) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      return realOpen(file, flags, mode);
    }) as typeof fs.openSync);
    expect(writeToCarrier(folder, 'p.balahandover', Buffer.from('package'), () => undefined)).toBe(path.join(folder, 'p.balahandover'));
  });

  it('answers HANDOVER_WRITE_FAILED and leaves nothing when the copy cannot be read back or renamed', () => {
    const folder = drive();
    vi.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    });
    expect(refusalOf(() => writeToCarrier(folder, 'p.balahandover', Buffer.from('package'), () => undefined))).toMatchObject({ code: 'HANDOVER_WRITE_FAILED' });
    expect(fs.readdirSync(folder)).toEqual([]);
    vi.restoreAllMocks();
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    });
    expect(refusalOf(() => writeToCarrier(folder, 'p.balahandover', Buffer.from('package'), () => undefined))).toMatchObject({ code: 'HANDOVER_WRITE_FAILED' });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('keeps its hidden partial name while writing, never the final one', () => {
    const folder = drive();
    const seen: string[] = [];
    writeToCarrier(folder, 'p.balahandover', Buffer.from('package'), () => seen.push(...fs.readdirSync(folder)));
    expect(seen[0]).toBe(`.p.balahandover.${process.pid}.partial`);
  });
});

describe('a free name on the carrier', () => {
  it('answers base.ext, else base-2.ext, base-3.ext…', () => {
    const folder = drive();
    expect(freeName(folder, 'bala-ws-1-0001', '.balahandover')).toBe('bala-ws-1-0001.balahandover');
    fs.writeFileSync(path.join(folder, 'bala-ws-1-0001.balahandover'), 'x');
    expect(freeName(folder, 'bala-ws-1-0001', '.balahandover')).toBe('bala-ws-1-0001-2.balahandover');
    fs.writeFileSync(path.join(folder, 'bala-ws-1-0001-2.balahandover'), 'x');
    expect(freeName(folder, 'bala-ws-1-0001', '.balahandover')).toBe('bala-ws-1-0001-3.balahandover');
  });
});
