import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/processes';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-built-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const launchers = ['bin/bala.mjs', 'bin/bala-server.mjs', 'scripts/start.mjs'];

/** The modules a command loads through ESM, from a run under the recording hooks. */
function loadsOf(command: string, args: string[]): { urls: string[]; status: number | null; out: string } {
  const record = path.join(scratch, `${path.basename(command)}-${args.join('-')}.loads`);
  const result = spawnSync(process.execPath, ['--import', path.join(repoRoot, 'tests/support/recordLoads.mjs'), path.join(repoRoot, command), ...args], {
    env: { ...process.env, BALA_RECORD_LOADS: record, LANG: 'en_GB.UTF-8' },
    encoding: 'utf8',
  });
  const urls = fs.existsSync(record) ? fs.readFileSync(record, 'utf8').split('\n').filter(Boolean) : [];
  return { urls, status: result.status, out: result.stdout };
}

describe('the commands run the build, not TypeScript sources', () => {
  it('the launchers import nothing but Node itself and the build runner', () => {
    for (const launcher of [...launchers, 'bin/built.mjs']) {
      const source = fs.readFileSync(path.join(repoRoot, launcher), 'utf8');
      const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1] ?? match[2]);
      expect(specifiers.length, launcher).toBeGreaterThan(0);
      for (const specifier of specifiers) expect(specifier, `${launcher} imports ${specifier}`).toMatch(/^(node:[a-z/]+|\.\/built\.mjs|\.\.\/bin\/built\.mjs)$/);
    }
  });

  it.each([
    ['bin/bala.mjs', ['--help'], 'dist/node/bala.mjs'],
    ['bin/bala-server.mjs', ['--help'], 'dist/node/bala-server.mjs'],
  ])('%s %s loads dist/node and no loader, no .ts file', (command, args, entry) => {
    const { urls, status, out } = loadsOf(command, args);
    expect(status).toBe(0);
    expect(out).toMatch(/Usage: bala/);
    expect(urls).toContain(`file://${path.join(repoRoot, entry)}`);
    const fromSources = urls.filter((url) => /\.(c|m)?tsx?$/.test(url) || /\/node_modules\/(tsx|esbuild|typescript)\//.test(url));
    expect(fromSources).toEqual([]);
  });

  it('bala --help leaves the heavy libraries of printing and reports unloaded', () => {
    const { urls } = loadsOf('bin/bala.mjs', ['--help']);
    expect(urls.filter((url) => /\/node_modules\/(exceljs|pdf-lib|@pdf-lib|qrcode|fastify)\//.test(url))).toEqual([]);
    // The chunks of the build that hold them are not loaded either: a lazy import() stayed lazy.
    const built = fs.readdirSync(path.join(repoRoot, 'dist/node')).filter((name) => name.startsWith('chunk-'));
    const heavy = built.filter((name) => fs.readFileSync(path.join(repoRoot, 'dist/node', name), 'utf8').includes('PDFDocument'));
    expect(heavy.length).toBeGreaterThan(0);
    for (const name of heavy) expect(urls).not.toContain(`file://${path.join(repoRoot, 'dist/node', name)}`);
  });
});

describe('a missing or stale build is named, with what to run', () => {
  /** A copy of the build runner in a scratch checkout with one source file and a fake build. */
  function checkout(): { root: string; source: string; run: () => { status: number | null; err: string; out: string } } {
    const root = fs.mkdtempSync(path.join(scratch, 'checkout-'));
    fs.mkdirSync(path.join(root, 'bin'));
    fs.mkdirSync(path.join(root, 'src-main', 'cli'), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'bin/built.mjs'), path.join(root, 'bin/built.mjs'));
    fs.copyFileSync(path.join(repoRoot, 'bin/bala.mjs'), path.join(root, 'bin/bala.mjs'));
    const source = path.join(root, 'src-main/cli/main.ts');
    fs.writeFileSync(source, 'export {};\n');
    const run = () => {
      const result = spawnSync(process.execPath, [path.join(root, 'bin/bala.mjs'), '--help'], { encoding: 'utf8' });
      return { status: result.status, err: result.stderr, out: result.stdout };
    };
    return { root, source, run };
  }

  function build(root: string, source: string): void {
    fs.mkdirSync(path.join(root, 'dist/node'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/node/bala.mjs'), "process.stdout.write('built bala ran\\n');\n");
    const stat = fs.statSync(source);
    fs.writeFileSync(path.join(root, 'dist/node/build-info.json'), JSON.stringify({ inputs: { 'src-main/cli/main.ts': [stat.size, stat.mtimeMs] } }));
  }

  it('no build: exit 2 and the command to run', () => {
    const { run } = checkout();
    const result = run();
    expect(result.status).toBe(2);
    expect(result.err).toContain('npm run build:node');
  });

  it('a fresh build runs; a source edited after it makes the command refuse and name the file', () => {
    const { root, source, run } = checkout();
    build(root, source);
    expect(run()).toMatchObject({ status: 0, out: 'built bala ran\n' });

    fs.writeFileSync(source, 'export const changed = true;\n');
    const stale = run();
    expect(stale.status).toBe(2);
    expect(stale.err).toContain('src-main/cli/main.ts');
    expect(stale.err).toContain('npm run build:node');
  });

  it('a source file removed since the build counts as changed', () => {
    const { root, source, run } = checkout();
    build(root, source);
    fs.rmSync(source);
    expect(run().status).toBe(2);
  });

  it('an installed copy without sources runs its build without checking', () => {
    const { root, source, run } = checkout();
    build(root, source);
    fs.rmSync(path.join(root, 'src-main'), { recursive: true });
    expect(run()).toMatchObject({ status: 0, out: 'built bala ran\n' });
  });
});
