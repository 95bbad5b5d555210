import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** A real central server (`bala-server init` + `serve`, embedded database) for the e2e journeys. */
export async function startCentralServer(options: { running?: boolean } = {}): Promise<CentralServer> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-server-')), 'server');
  const port = await freePort();
  const init = await runServerCli(dataDir, ['init', '--key-bits', '2048', '--url', `https://localhost:${port}`]);
  if (init.code !== 0) throw new Error(`init failed: ${init.err}`);
  let child: ChildProcess | null = null;
  const serve = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const started = spawn(process.execPath, [path.join(repoRoot, 'bin', 'bala-server.mjs'), '--data', dataDir, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...process.env, BALA_PG_URL: '', LANG: 'en_GB.UTF-8', BALA_LANG: 'en' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      started.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes(`:${port}`)) resolve(started);
      });
      started.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
  if (options.running !== false) child = await serve();
  return {
    dataDir,
    port,
    admin: async <T>(...args: string[]) => {
      const result = await runServerCli(dataDir, ['--json', ...args]);
      const parsed = JSON.parse(result.out || result.err) as { ok: boolean; value: T; error?: { message: string } };
      if (!parsed.ok) throw new Error(`${args.join(' ')}: ${parsed.error?.message ?? result.err}`);
      return parsed.value;
    },
    start: async () => {
      if (child && child.exitCode === null) return;
      child = await serve();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const running = child;
        child = null;
        if (!running || running.exitCode !== null) return resolve();
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      }),
  };
}
