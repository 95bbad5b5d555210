import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The per-user application data folder, the same one Electron and browser mode use:
 * %APPDATA%\Bala on Windows, ~/Library/Application Support/Bala on macOS,
 * $XDG_DATA_HOME/bala (~/.local/share/bala) elsewhere.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Bala');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Bala');
  const xdg = env.XDG_DATA_HOME;
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share'), 'bala');
}

/** Files in the data folder: readable and writable by the operator's OS account only. */
export const privateFileMode = 0o600;
/** The data folder itself: only the OS account that runs Bala may list or enter it. */
export const privateDirMode = 0o700;

/**
 * Creates the data folder if needed and makes it private on POSIX: the folder 0700 and every
 * file directly in it 0600 (the cache and its -wal/-shm, keyring.json, workstation.json,
 * settings.json) — which also tightens a folder made by an earlier version with the umask's
 * 0755/0644. Symbolic links are left alone (never followed). On Windows the per-user profile
 * folder (%APPDATA%) is already private by its ACL; POSIX modes mean nothing there.
 */
export function secureDataDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (platform === 'win32') return;
  fs.chmodSync(dir, privateDirMode);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) tightenFile(path.join(dir, entry.name), platform);
  }
}

/** Makes one file 0600 on POSIX when it exists and is not already (a no-op on Windows). */
export function tightenFile(file: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  try {
    const stat = fs.lstatSync(file);
    if (stat.isFile() && (stat.mode & 0o777) !== privateFileMode) fs.chmodSync(file, privateFileMode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
