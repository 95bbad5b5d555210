import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FoundProfile } from '../../shared/api/contract';

export interface SearchPlaces {
  installer: string[];
  machine: string[];
  removable: string[];
}

/**
 * Where an issued profile may be waiting: beside the installer or the program, the folder the
 * installer copies it to (installers/), and the top level of mounted removable drives.
 */
export function defaultSearchPlaces(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): SearchPlaces {
  const user = os.userInfo().username;
  if (platform === 'win32') {
    const letters = 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => `${letter}:\\`);
    return {
      installer: [path.dirname(process.execPath)],
      machine: [path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Bala', 'profiles')],
      removable: letters,
    };
  }
  const mediaRoots = platform === 'darwin' ? ['/Volumes'] : [`/media/${user}`, `/run/media/${user}`, '/media', '/mnt'];
  // An AppImage runs from a temporary mount: the folder it was downloaded to is in $APPIMAGE.
  const beside = env.APPIMAGE ? [path.dirname(env.APPIMAGE), path.dirname(process.execPath)] : [path.dirname(process.execPath)];
  return {
    installer: beside,
    machine: platform === 'darwin' ? ['/Library/Application Support/Bala/profiles'] : ['/etc/bala/profiles'],
    removable: mediaRoots.flatMap(listDirs),
  };
}

function listDirs(root: string): string[] {
  try {
    return fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(root, entry.name));
  } catch {
    return [];
  }
}

export function findProfiles(places: SearchPlaces): FoundProfile[] {
  const found: FoundProfile[] = [];
  for (const source of ['installer', 'machine', 'removable'] as const) {
    for (const dir of places[source]) {
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const fileName of names.filter((name) => name.toLowerCase().endsWith('.balaprofile'))) {
        const file = path.join(dir, fileName);
        try {
          const stat = fs.statSync(file);
          if (stat.isFile()) found.push({ path: file, fileName, source, modifiedAt: stat.mtime.toISOString() });
        } catch {
          // vanished or unreadable: not offered
        }
      }
    }
  }
  return found.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}
