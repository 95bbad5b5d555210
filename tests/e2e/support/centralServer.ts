import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface CentralServer {
  dataDir: string;
  port: number;
  /** Runs an administration verb with --json; answers its value (throws on refusal). */
  admin<T>(...args: string[]): Promise<T>;
  /** Starts `serve` (again, after stop, or the first time when created not running). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function runServerCli(dataDir: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'bala-server.mjs'), '--data', dataDir, ...args], {
      env: { ...process.env, BALA_PG_URL: '', LANG: 'en_GB.UTF-8', BALA_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/**
 * A real central server (`bala-server init` + `serve`, embedded database) for the e2e journeys.
 * The first start asks for port 0: the server binds a port the OS chooses and prints it (no
 * probe-then-bind race); later starts reuse that port, and `workstation issue` writes it into the
 * profile (`--server-url`). Created not running, it is started once to learn its port, then stopped.
 */
export async function startCentralServer(options: { running?: boolean } = {}): Promise<CentralServer> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-server-')), 'server');
  const init = await runServerCli(dataDir, ['init', '--key-bits', '2048', '--url', 'https://localhost']);
  if (init.code !== 0) throw new Error(`init failed: ${init.err}`);
  let child: ChildProcess | null = null;
  let port = 0;
  const serve = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const started = spawn(process.execPath, [path.join(repoRoot, 'bin', 'bala-server.mjs'), '--data', dataDir, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...process.env, BALA_PG_URL: '', LANG: 'en_GB.UTF-8', BALA_LANG: 'en' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      started.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const printed = /https:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (printed) {
          port = Number(printed[1]);
          resolve(started);
        }
      });
      started.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  child = await serve();
  if (options.running === false) await stop();
  return {
    dataDir,
    port,
    admin: async <T>(...args: string[]) => {
      const issuing = args[0] === 'workstation' && args[1] === 'issue' && !args.includes('--server-url');
      const result = await runServerCli(dataDir, ['--json', ...args, ...(issuing ? ['--server-url', `https://localhost:${port}`] : [])]);
      const parsed = JSON.parse(result.out || result.err) as { ok: boolean; value: T; error?: { message: string } };
      if (!parsed.ok) throw new Error(`${args.join(' ')}: ${parsed.error?.message ?? result.err}`);
      return parsed.value;
    },
    start: async () => {
      if (child && child.exitCode === null) return;
      child = await serve();
    },
    stop,
  };
}
