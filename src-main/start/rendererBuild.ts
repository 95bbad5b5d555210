import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Builds the UI with Vite unless dist/renderer is already there; answers whether it is. */
export function ensureRendererBuilt(repoRoot: string, announce: () => void): boolean {
  const index = path.join(repoRoot, 'dist', 'renderer', 'index.html');
  if (fs.existsSync(index)) return true;
  announce();
  const viteBin = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [viteBin, 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return built.status === 0 && fs.existsSync(index);
}
