import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureNodeBuilt } from './buildNode';

/** The bin scripts and fixtures run as real processes (the README's commands, kill tests). */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface Started {
  child: ChildProcess;
  done: Promise<Run>;
}

/** Starts a bin script (`bala`, `bala-server`) or a TypeScript fixture; `done` resolves when it exits. */
export function start(command: { bin: 'bala' | 'bala-server' } | { fixture: string }, args: string[], env: Record<string, string> = {}): Started {
  // BALA_PG_URL is left out unless given: the embedded database by default, as the README does.
  const inherited = { ...process.env };
  delete inherited.BALA_PG_URL;
  if ('bin' in command) ensureNodeBuilt();
  const argv = 'bin' in command ? [path.join(repoRoot, 'bin', `${command.bin}.mjs`), ...args] : ['--import', 'tsx', command.fixture, ...args];
  const child = spawn(process.execPath, argv, { env: { ...inherited, LANG: 'en_GB.UTF-8', BALA_LANG: 'en', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

export const run = (bin: 'bala' | 'bala-server', args: string[], env: Record<string, string> = {}): Promise<Run> => start({ bin }, args, env).done;

export const jsonValue = <T>(result: Run): T => (JSON.parse(result.out || result.err) as { value: T }).value;

export interface Serving {
  child: ChildProcess;
  /** The port the server bound and printed (the OS's choice when asked for 0). */
  port: number;
  /** https://localhost:PORT — the address to write into profiles (`workstation issue --server-url`). */
  url: string;
}

/**
 * `bala-server serve` on 127.0.0.1, resolved once it prints its address. By default `--port 0`:
 * the server binds a port the OS chooses and reports it, so no other process can take it between
 * a probe and the bind. `port` is only for a restart on the port the first start reported.
 */
export function serve(serverDir: string, options: { port?: number; env?: Record<string, string> } = {}): Promise<Serving> {
  const { child, done } = start({ bin: 'bala-server' }, ['--data', serverDir, 'serve', '--port', String(options.port ?? 0), '--host', '127.0.0.1'], options.env);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server printed no URL')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const printed = /https:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (printed) {
        clearTimeout(timer);
        const port = Number(printed[1]);
        resolve({ child, port, url: `https://localhost:${port}` });
      }
    });
    void done.then((result) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${result.code}: ${result.err}`));
    });
  });
}

export function stopped(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
