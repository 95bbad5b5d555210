import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface RunningWorkstation {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Everything the launcher printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the workstation the way an operator does (`node scripts/start.mjs`, what `npm start`
 * runs) and waits for the URL it prints.
 */
export async function startWorkstation(options: { env?: Record<string, string>; args?: string[]; dataDir?: string } = {}): Promise<RunningWorkstation> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'start.mjs'), '--data', dataDir, ...(options.args ?? ['--browser'])],
    { cwd: repoRoot, env: { ...process.env, LANGUAGE: '', LC_ALL: '', LC_MESSAGES: '', ...options.env } },
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${printed}`)), 60_000);
    const look = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(printed);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => reject(new Error(`launcher exited ${code}:\n${printed}`)));
  });

  return {
    url,
    origin: url.slice(0, url.indexOf('/#')),
    token: url.slice(url.indexOf('token=') + 6),
    dataDir,
    output: () => printed,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
