import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { chromiumExecutable } from '../playwright.config';
import { medianMs, printFigure } from './measure';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Spawns a process and resolves with the first http://127.0.0.1 URL it prints, and a killer. */
function spawnUntilUrl(args: string[]): Promise<{ url: string; kill: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, LANG: 'en_GB.UTF-8' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\S*)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], kill: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function post(url: string, token: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** The floor: a bare Node HTTP server started the same way, to its first answer. */
const bareServer = `require('http').createServer((q, r) => r.end('{}')).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/'); });`;

export async function benchStartup(runs = 5): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-bench-'));
  try {
    const baseline = await medianMs(runs, async () => {
      const start = performance.now();
      const server = await spawnUntilUrl(['-e', bareServer]);
      await post(server.url, null);
      const elapsed = performance.now() - start;
      server.kill();
      return elapsed;
    });
    const bala = await medianMs(runs, async () => {
      const start = performance.now();
      const server = await spawnUntilUrl([path.join(repoRoot, 'scripts', 'start.mjs'), '--browser', '--data', dataDir]);
      const origin = server.url.slice(0, server.url.indexOf('/#'));
      const status = await post(`${origin}/api/call/app.info`, server.url.slice(server.url.indexOf('token=') + 6));
      const elapsed = performance.now() - start;
      server.kill();
      if (status !== 200) throw new Error(`app.info answered ${status}`);
      return elapsed;
    });
    printFigure({ name: 'backend start → first API answer (aim ≤ 300 ms)', value: bala, baselineName: 'bare node http server', baseline, unit: 'ms' });

    const server = await spawnUntilUrl([path.join(repoRoot, 'scripts', 'start.mjs'), '--browser', '--data', dataDir]);
    const blank = await spawnUntilUrl(['-e', `require('http').createServer((q, r) => { r.setHeader('content-type', 'text/html'); r.end('<!doctype html><h1>Bala</h1>'); }).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/'); });`]);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: chromiumExecutable, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
      const load = async (url: string) => {
        const context = await browser!.newContext();
        const page = await context.newPage();
        const start = performance.now();
        await page.goto(url);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const elapsed = performance.now() - start;
        await context.close();
        return elapsed;
      };
      const uiBaseline = await medianMs(runs, () => load(blank.url));
      const ui = await medianMs(runs, () => load(server.url));
      printFigure({ name: 'UI load → first-run screen in Chromium', value: ui, baselineName: 'static page with one heading', baseline: uiBaseline, unit: 'ms' });
    } finally {
      await browser?.close();
      server.kill();
      blank.kill();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
