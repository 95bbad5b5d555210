import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Why Electron cannot start: a catalogue key under `start.` and its parameters. */
export interface ElectronMissing {
  reason: 'electronNotInstalled' | 'electronDownloadFailed' | 'electronFailedBefore';
  params: Record<string, string>;
}

export type ElectronLookup = { available: true; executable: string } | ({ available: false } & ElectronMissing);

/** The Electron executable the `electron` package installed, if its binary is really there. */
export function findElectronExecutable(electronPackageDir: string): string | null {
  try {
    const relative = fs.readFileSync(path.join(electronPackageDir, 'path.txt'), 'utf8').trim();
    const executable = path.join(electronPackageDir, 'dist', relative);
    return relative && fs.existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/**
 * Finds Electron; where its binary is missing, runs the electron package's own installer once
 * (a failure is remembered per Electron version, so later starts do not wait on it again).
 */
export function lookUpElectron(repoRoot: string, installTimeoutMs = 120_000): ElectronLookup {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { available: false, reason: 'electronNotInstalled', params: {} };
  }
  const found = findElectronExecutable(packageDir);
  if (found) return { available: true, executable: found };

  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const marker = path.join(repoRoot, 'node_modules', '.cache', 'bala', `electron-${version}-install-failed`);
  if (fs.existsSync(marker)) {
    const date = fs.readFileSync(marker, 'utf8').split(' ')[0] ?? '';
    return { available: false, reason: 'electronFailedBefore', params: { date, marker: path.relative(repoRoot, marker) } };
  }
  const install = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: installTimeoutMs,
  });
  const again = findElectronExecutable(packageDir);
  if (install.status === 0 && again) return { available: true, executable: again };

  const firstError =
    `${install.stderr ?? ''}\n${install.error?.message ?? ''}`.split('\n').map((line) => line.trim()).find((line) => /error/i.test(line)) ??
    `installer exited with ${install.status ?? install.signal ?? 'no status'}`;
  fs.mkdirSync(path.dirname(marker), { recursive: true });
  fs.writeFileSync(marker, `${new Date().toISOString()} ${firstError.slice(0, 160)}\n`);
  return { available: false, reason: 'electronDownloadFailed', params: { detail: firstError.slice(0, 160) } };
}
