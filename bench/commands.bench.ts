import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { medianMs, printFigure } from './measure';

const repoRoot = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, LANG: 'en_GB.UTF-8' };

/** One run of a command to its exit, in milliseconds; a failure stops the bench. */
function timed(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${args.slice(1).join(' ')} exited ${code}: ${err}`))));
  });
}

const bala = (...args: string[]) => [path.join(repoRoot, 'bin', 'bala.mjs'), ...args];
const balaServer = (...args: string[]) => [path.join(repoRoot, 'bin', 'bala-server.mjs'), ...args];

/**
 * The commands an administrator types (issue 13's aims): `bala --help` and `bala info` ≤ 300 ms,
 * an admin verb while `serve` holds the embedded database ≤ 500 ms — each beside Node starting
 * and exiting with nothing to do, measured in the same run.
 */
export async function benchCommands(runs = 7): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-bench-commands-'));
  try {
    const baseline = await medianMs(runs, () => timed(['-e', '0']));
    const help = await medianMs(runs, () => timed(bala('--help')));
    printFigure({ name: 'bala --help (aim ≤ 300 ms)', value: help, baselineName: 'node -e 0', baseline, unit: 'ms' });
    const info = await medianMs(runs, () => timed(bala('--data', path.join(dir, 'ws'), 'info')));
    printFigure({ name: 'bala --data DIR info (aim ≤ 300 ms)', value: info, baselineName: 'node -e 0', baseline, unit: 'ms' });
    const serverHelp = await medianMs(runs, () => timed(balaServer('--help')));
    printFigure({ name: 'bala-server --help', value: serverHelp, baselineName: 'node -e 0', baseline, unit: 'ms' });

    const srv = path.join(dir, 'srv');
    const init = spawnSync(process.execPath, balaServer('--data', srv, 'init', '--url', 'https://localhost:8443'), { env, encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
    const server = spawn(process.execPath, balaServer('--data', srv, 'serve', '--port', '0', '--host', '127.0.0.1'), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (/https:\/\/127\.0\.0\.1:\d+/.test(out)) resolve();
        });
        server.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      for (const verb of [['agency', 'list'], ['user', 'list'], ['workstation', 'list']]) {
        const value = await medianMs(runs, () => timed(balaServer('--data', srv, ...verb)));
        printFigure({ name: `bala-server ${verb.join(' ')} while serving (aim ≤ 500 ms)`, value, baselineName: 'node -e 0', baseline, unit: 'ms' });
      }
    } finally {
      server.kill('SIGTERM');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
