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
