import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { DriveView } from '../../shared/api/handover';
import { folderFreeBytes } from './carrierWrite';

/** Runs a system tool; answers its standard output, or null when it is missing, fails or hangs. */
export type ToolRunner = (command: string, args: readonly string[]) => Promise<string | null>;

const runTool: ToolRunner = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { timeout: 5_000, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout) => resolve(error ? null : stdout));
  });

export interface DriveSearch {
  platform?: NodeJS.Platform;
  user?: string;
  run?: ToolRunner;
}

const lsblkSchema = z.object({
  blockdevices: z.array(
    z.object({
      rm: z.union([z.boolean(), z.string(), z.number()]).optional(),
      mountpoint: z.string().nullable().optional(),
      mountpoints: z.array(z.string().nullable()).optional(),
      label: z.string().nullable().optional(),
      children: z.array(z.unknown()).optional(),
    }).passthrough(),
  ),
});

type LsblkDevice = z.infer<typeof lsblkSchema>['blockdevices'][number];

const isTrue = (value: unknown) => value === true || value === '1' || value === 1;

/** lsblk -J lists partitions as children of their disk: removable disks' mounted partitions. */
function lsblkMounts(devices: readonly unknown[], parentRemovable: boolean): { path: string; label: string | null }[] {
  return devices.flatMap((raw) => {
    const device = lsblkSchema.shape.blockdevices.element.safeParse(raw);
    if (!device.success) return [];
    const d: LsblkDevice = device.data;
    const removable = parentRemovable || isTrue(d.rm);
    const mounts = [d.mountpoint ?? null, ...(d.mountpoints ?? [])].filter((mount): mount is string => typeof mount === 'string' && mount !== '' && mount !== '[SWAP]');
    const own = removable ? [...new Set(mounts)].map((mount) => ({ path: mount, label: d.label ?? null })) : [];
    return [...own, ...lsblkMounts(d.children ?? [], removable)];
  });
}

const subfolders = (root: string): string[] => {
  try {
    return fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(root, entry.name));
  } catch {
    return [];
  }
};

const windowsDrivesSchema = z.union([z.array(z.object({ DeviceID: z.string(), VolumeName: z.string().nullable().optional() })), z.object({ DeviceID: z.string(), VolumeName: z.string().nullable().optional() })]);

async function windowsDrives(run: ToolRunner): Promise<{ path: string; label: string | null }[]> {
  // DriveType 2: removable (USB sticks, SD cards). PowerShell first; wmic on older systems.
  const json = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | Select-Object DeviceID,VolumeName | ConvertTo-Json']);
  if (json !== null && json.trim() !== '') {
    try {
      const parsed = windowsDrivesSchema.parse(JSON.parse(json));
      return (Array.isArray(parsed) ? parsed : [parsed]).map((drive) => ({ path: `${drive.DeviceID}\\`, label: drive.VolumeName ?? null }));
    } catch {
      // fall through to wmic
    }
  }
  const csv = await run('wmic', ['logicaldisk', 'where', 'drivetype=2', 'get', 'DeviceID,VolumeName', '/format:csv']);
  if (csv === null) return [];
  return csv
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter((cells) => /^[A-Z]:$/.test(cells[1] ?? ''))
    .map((cells) => ({ path: `${cells[1] ?? ''}\\`, label: cells[2]?.trim() || null }));
}

/**
 * The removable drives mounted now: on Linux the desktop's automount folders and lsblk's
 * removable devices, on Windows the logical disks of drive type "removable", on macOS the
 * volumes other than the start-up disk. Each with its free space.
 */
export async function listRemovableDrives(search: DriveSearch = {}): Promise<DriveView[]> {
  const platform = search.platform ?? process.platform;
  const run = search.run ?? runTool;
  const user = search.user ?? os.userInfo().username;
  let found: { path: string; label: string | null }[];
  if (platform === 'win32') {
    found = await windowsDrives(run);
  } else if (platform === 'darwin') {
    found = subfolders('/Volumes')
      .filter((volume) => {
        try {
          return fs.realpathSync(volume) !== '/';
        } catch {
          return false;
        }
      })
      .map((volume) => ({ path: volume, label: null }));
  } else {
    found = [`/media/${user}`, `/run/media/${user}`].flatMap(subfolders).map((mount) => ({ path: mount, label: null }));
    const lsblk = await run('lsblk', ['-J', '-o', 'RM,MOUNTPOINT,LABEL']);
    if (lsblk !== null) {
      try {
        found.push(...lsblkMounts(lsblkSchema.parse(JSON.parse(lsblk)).blockdevices, false));
      } catch {
        // an lsblk too old for JSON: the automount folders are enough
      }
    }
  }
  const seen = new Map<string, DriveView>();
  for (const drive of found) {
    const existing = seen.get(drive.path);
    if (existing && existing.label !== path.basename(drive.path)) continue;
    seen.set(drive.path, { path: drive.path, label: drive.label ?? (path.basename(drive.path) || drive.path), freeBytes: folderFreeBytes(drive.path), removable: true });
  }
  return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path));
}
