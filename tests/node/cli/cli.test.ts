import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import type { CliIo } from '../../../src-main/cli/output';
import { tempDir } from '../../support/tempDir';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function bala(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function dataDir() {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('bala CLI', () => {
  it('prints help listing its verbs', async () => {
    const result = await bala('--lang', 'en', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('info');
    expect(result.out).toContain('settings');
  });

  it('answers info as JSON for scripts', async () => {
    const dir = dataDir();
    const result = await bala('--data', dir, '--json', 'info');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, value: { name: 'Bala', mode: 'cli', dataDir: dir } });
  });

  it('answers info as text in the language asked for', async () => {
    const result = await bala('--data', dataDir(), '--lang', 'kk', 'info');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Деректер қалтасы');
  });

  it('changes a setting and shows it afterwards', async () => {
    const dir = dataDir();
    expect((await bala('--data', dir, 'settings', 'set', 'language', 'ru')).code).toBe(0);
    expect((await bala('--data', dir, 'settings', 'set', 'idleLockMinutes', '15')).code).toBe(0);
    const shown = await bala('--data', dir, '--json', 'settings', 'get');
    expect(JSON.parse(shown.out)).toEqual({ ok: true, value: { language: 'ru', idleLockMinutes: 15 } });
  });

  it('refuses a bad value with the field and exit code 1, and an unknown setting with 2', async () => {
    const dir = dataDir();
    const bad = await bala('--data', dir, '--lang', 'en', 'settings', 'set', 'idleLockMinutes', '999');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('INVALID_INPUT');
    expect(bad.err).toContain('idleLockMinutes: Too large: at most 120.');
    const unknown = await bala('--data', dir, '--lang', 'en', 'settings', 'set', 'colour', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown setting "colour"');
  });

  it('exits 2 on an unknown verb', async () => {
    expect((await bala('--data', dataDir(), 'fly')).code).toBe(2);
  });

  it('works as the installed bin', () => {
    const dir = dataDir();
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bala.mjs'), '--data', dir, '--json', 'info'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, value: { dataDir: dir } });
  });
});
