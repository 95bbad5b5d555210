import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildState } from '../../bin/built.mjs';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The tests run the real commands (`bin/bala.mjs`, `bin/bala-server.mjs`), which run the build in
 * dist/node/ and refuse a build older than the sources: a stale build is made again first, so a
 * test always runs the code as it is now.
 */
export function ensureNodeBuilt(): void {
  if (buildState().built) return;
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build:node failed');
}

/** vitest's global setup. */
export default function setup(): void {
  ensureNodeBuilt();
}
