import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listRemovableDrives, type ToolRunner } from '../../../src-main/handover/removableDrives';

/*
 * Issue 22: which drives the handover panel offers (src-main/handover/removableDrives.ts). The
 * system tools are stood in for by their real output; the automount folders by a stubbed listing.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

const dirent = (name: string, directory = true) => ({ name, isDirectory: () => directory }) as unknown as fs.Dirent;
/** Folders the desktop mounted drives in, as `readdirSync(root, { withFileTypes: true })` lists them. */
const stubFolders = (listing: Record<string, fs.Dirent[]>) => {
  const real = fs.readdirSync.bind(fs);
  vi.spyOn(fs, 'readdirSync').mockImplementation(((root: fs.PathLike, options?: unknown) => {
    const entries = listing[String(root)];
    if (entries) return (options as { withFileTypes?: boolean } | undefined)?.withFileTypes ? entries : entries.map((entry) => entry.name);
    if (String(root).startsWith('/media/') || String(root).startsWith('/run/media/') || root === '/Volumes') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return real(root, options as never);
  }) as typeof fs.readdirSync);
};
const stubFree = () => vi.spyOn(fs, 'statfsSync').mockImplementation((() => ({ bavail: 2000, bsize: 512 })) as unknown as typeof fs.statfsSync);
const tool = (outputs: Record<string, string | null>, asked: string[] = []): ToolRunner => (command, args) => {
  asked.push(`${command} ${args.join(' ')}`);
  return Promise.resolve(outputs[command] ?? null);
};

describe('removable drives on Linux', () => {
  it('offers the desktop’s automount folders of the operator, and asks lsblk for removable devices in JSON', async () => {
    stubFolders({ '/media/aigul': [dirent('KINGSTON'), dirent('notes.txt', false)], '/run/media/aigul': [dirent('SD')] });
    stubFree();
    const asked: string[] = [];
    const drives = await listRemovableDrives({ platform: 'linux', user: 'aigul', run: tool({}, asked) });
    expect(drives).toEqual([
      { path: '/media/aigul/KINGSTON', label: 'KINGSTON', freeBytes: 1_024_000, removable: true },
      { path: '/run/media/aigul/SD', label: 'SD', freeBytes: 1_024_000, removable: true },
    ]);
    expect(asked).toEqual(['lsblk -J -o RM,MOUNTPOINT,LABEL']);
  });

  it('takes a device as removable by lsblk’s 1, "1" or true, with its partitions; not a fixed disk, swap or an unmounted one', async () => {
    stubFolders({});
    const lsblk = JSON.stringify({
      blockdevices: [
        { rm: 0, mountpoint: '/', label: 'root', children: [{ rm: false, mountpoint: '/home', label: 'home' }] },
        { rm: '0', mountpoint: '/srv', label: 'data' },
        { rm: 1, mountpoint: null, label: null, children: [{ rm: false, mountpoint: '/mnt/stick', label: null }, { rm: false, mountpoint: '[SWAP]', label: null }, { rm: false, mountpoint: '', label: 'EMPTY' }] },
        { rm: '1', mountpoints: ['/mnt/card', null, '/mnt/card'], label: 'CARD' },
        { rm: true, mountpoint: '/mnt/usb', mountpoints: ['/mnt/usb'], label: 'USB', children: ['not a device'] },
      ],
    });
    const drives = await listRemovableDrives({ platform: 'linux', user: 'aigul', run: tool({ lsblk }) });
    expect(drives.map((drive) => [drive.path, drive.label, drive.freeBytes])).toEqual([
      ['/mnt/card', 'CARD', null],
      ['/mnt/stick', 'stick', null],
      ['/mnt/usb', 'USB', null],
    ]);
  });

  it('keeps lsblk’s label over the automount folder’s name, and the first label lsblk gives a mount', async () => {
    stubFolders({ '/media/aigul': [dirent('3A1F-0C22')] });
    const lsblk = JSON.stringify({
      blockdevices: [
        { rm: true, mountpoint: '/media/aigul/3A1F-0C22', label: 'BALA-USB' },
        { rm: true, mountpoint: '/media/aigul/3A1F-0C22', label: 'SECOND' },
      ],
    });
    const drives = await listRemovableDrives({ platform: 'linux', user: 'aigul', run: tool({ lsblk }) });
    expect(drives).toMatchObject([{ path: '/media/aigul/3A1F-0C22', label: 'BALA-USB' }]);
  });

  it('does with the automount folders alone when lsblk is too old for JSON', async () => {
    stubFolders({ '/media/aigul': [dirent('KINGSTON')] });
    const drives = await listRemovableDrives({ platform: 'linux', user: 'aigul', run: tool({ lsblk: 'NAME RM MOUNTPOINT\nsdb 1 /media/aigul/KINGSTON' }) });
    expect(drives.map((drive) => drive.path)).toEqual(['/media/aigul/KINGSTON']);
  });
});

describe('removable drives on Windows', () => {
  it('lists every removable logical disk PowerShell gives, with its volume name or else its letter', async () => {
    const asked: string[] = [];
    const json = JSON.stringify([{ DeviceID: 'F:', VolumeName: 'SD CARD' }, { DeviceID: 'E:', VolumeName: null }]);
    const drives = await listRemovableDrives({ platform: 'win32', run: tool({ 'powershell.exe': json }, asked) });
    expect(drives.map((drive) => [drive.path, drive.label, drive.removable])).toEqual([
      ['E:\\', 'E:\\', true],
      ['F:\\', 'SD CARD', true],
    ]);
    expect(asked).toEqual(['powershell.exe -NoProfile -NonInteractive -Command Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | Select-Object DeviceID,VolumeName | ConvertTo-Json']);
  });

  it('asks wmic for drive type 2 when PowerShell answers nothing or not JSON, reading only drive-letter rows', async () => {
    const csv = '\nNode,DeviceID,VolumeName\nPC,G:,  KINGSTON \r\nPC,H:\nPC,XE:,wrong\nPC,J:x,wrong\nPC,K:,   \n';
    for (const powershell of [null, '  \r\n', 'Get-CimInstance : not recognised']) {
      const asked: string[] = [];
      const drives = await listRemovableDrives({ platform: 'win32', run: tool({ 'powershell.exe': powershell, wmic: csv }, asked) });
      expect(drives.map((drive) => [drive.path, drive.label])).toEqual([
        ['G:\\', 'KINGSTON'],
        ['H:\\', 'H:\\'],
        ['K:\\', 'K:\\'],
      ]);
      expect(asked[1]).toBe('wmic logicaldisk where drivetype=2 get DeviceID,VolumeName /format:csv');
    }
    expect(await listRemovableDrives({ platform: 'win32', run: tool({}) })).toEqual([]);
  });
});

describe('removable drives on macOS', () => {
  it('offers the volumes other than the start-up disk', async () => {
    stubFolders({ '/Volumes': [dirent('Macintosh HD'), dirent('BALA-USB'), dirent('Gone'), dirent('.DS_Store', false)] });
    const real = fs.realpathSync.bind(fs);
    vi.spyOn(fs, 'realpathSync').mockImplementation(((target: fs.PathLike) => {
      if (target === '/Volumes/Macintosh HD') return '/';
      if (target === '/Volumes/BALA-USB') return '/Volumes/BALA-USB';
      if (target === '/Volumes/Gone') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return real(target);
    }));
    const asked: string[] = [];
    const drives = await listRemovableDrives({ platform: 'darwin', run: tool({}, asked) });
    expect(drives).toEqual([{ path: '/Volumes/BALA-USB', label: 'BALA-USB', freeBytes: null, removable: true }]);
    expect(asked).toEqual([]);
  });
});
