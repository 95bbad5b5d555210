import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BalaError } from '../../../src-main/api/balaError';
import { writeToCarrier } from '../../../src-main/handover/carrierWrite';
import { listRemovableDrives } from '../../../src-main/handover/removableDrives';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});
const drive = () => {
  const temp = tempDir('bala-carrier-');
  cleanups.push(temp.cleanup);
  return temp.dir;
};
const codeOf = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof BalaError) return error.code;
    throw error;
  }
  return 'written';
};

describe('writing a package onto a carrier', () => {
  const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);

  it('writes under the final name only once the bytes are flushed and read back the same', () => {
    const folder = drive();
    const phases: string[] = [];
    const file = writeToCarrier(folder, 'p.balahandover', bytes, (progress) => phases.push(`${progress.phase}:${progress.done}/${progress.total}`));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['p.balahandover']);
    expect(phases).toEqual([`write:${1024 * 1024}/${bytes.length}`, `write:${2 * 1024 * 1024}/${bytes.length}`, `write:${3 * 1024 * 1024}/${bytes.length}`, `write:${bytes.length}/${bytes.length}`, `verify:${bytes.length}/${bytes.length}`]);
  });

  it('leaves nothing that looks like a package when the drive goes away mid-write', () => {
    const folder = drive();
    const real = fs.writeSync.bind(fs);
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
      calls += 1;
      if (calls === 2) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
      return real(fd, buffer, offset, length, position);
    }) as typeof fs.writeSync);
    expect(codeOf(() => writeToCarrier(folder, 'p.balahandover', bytes, () => undefined))).toBe('HANDOVER_WRITE_FAILED');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('removes the copy when what is read back differs from what was written', () => {
    const folder = drive();
    const real = fs.readFileSync.bind(fs);
    vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor) => {
      const read = real(file);
      read[5] = (read[5] ?? 0) ^ 1; // a flash cell that did not keep its bit
      return read;
    }));
    expect(codeOf(() => writeToCarrier(folder, 'p.balahandover', bytes, () => undefined))).toBe('HANDOVER_VERIFY_FAILED');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses before writing when the drive is too full, and names a missing folder', () => {
    const folder = drive();
    const real = fs.statfsSync.bind(fs);
    vi.spyOn(fs, 'statfsSync').mockImplementation(((target: fs.PathLike) => ({ ...real(target), bavail: 10, bsize: 4096 })));
    expect(codeOf(() => writeToCarrier(folder, 'p.balahandover', bytes, () => undefined))).toBe('HANDOVER_NO_SPACE');
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(codeOf(() => writeToCarrier(path.join(folder, 'unplugged'), 'p.balahandover', bytes, () => undefined))).toBe('HANDOVER_FOLDER_MISSING');
  });
});

describe('finding removable drives', () => {
  it('reads lsblk: mounted partitions of removable disks only', async () => {
    const usb = drive();
    const lsblk = JSON.stringify({
      blockdevices: [
        { rm: false, mountpoint: null, label: null, children: [{ rm: false, mountpoint: '/', label: 'root' }] },
        { rm: true, mountpoint: null, label: null, children: [{ rm: true, mountpoint: usb, label: 'BALA-USB' }] },
        { rm: '1', mountpoint: null, label: 'EMPTY-CARD' },
      ],
    });
    const drives = await listRemovableDrives({ platform: 'linux', user: 'nobody-here', run: (command) => Promise.resolve(command === 'lsblk' ? lsblk : null) });
    expect(drives).toEqual([{ path: usb, label: 'BALA-USB', freeBytes: expect.any(Number) as unknown, removable: true }]);
  });

  it('asks Windows for drives of type removable, falling back to wmic', async () => {
    const asked: string[] = [];
    const viaPowerShell = await listRemovableDrives({
      platform: 'win32',
      run: (command) => {
        asked.push(command);
        return Promise.resolve(command === 'powershell.exe' ? JSON.stringify({ DeviceID: 'E:', VolumeName: 'KINGSTON' }) : null);
      },
    });
    expect(viaPowerShell).toMatchObject([{ path: 'E:\\', label: 'KINGSTON', removable: true }]);
    const viaWmic = await listRemovableDrives({
      platform: 'win32',
      run: (command) => Promise.resolve(command === 'wmic' ? '\r\nNode,DeviceID,VolumeName\r\nPC,F:,SD CARD\r\n' : null),
    });
    expect(viaWmic).toMatchObject([{ path: 'F:\\', label: 'SD CARD' }]);
    expect(asked).toEqual(['powershell.exe']);
  });
});
