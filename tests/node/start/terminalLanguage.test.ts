import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues';
import type { Language } from '../../../shared/i18n/languages';
import { terminalLanguage } from '../../../src-main/start/terminalLanguage';
import { ensureNodeBuilt } from '../../support/buildNode';
import { repoRoot } from '../../support/processes';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe("npm start's terminal language", () => {
  it.each([
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'POSIX' }, 'en'],
    [{ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }, 'en'],
    [{ LANG: 'C', LANGUAGE: 'ky' }, 'en'],
    [{ LANG: 'ru_RU.UTF-8' }, 'ru'],
    [{ LC_MESSAGES: 'kk_KZ.UTF-8', LANG: 'C' }, 'kk'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANG: 'en_GB.UTF-8', LANGUAGE: 'az:en' }, 'az'],
    [{}, 'en'],
  ] as const)('%o speaks %s', (env, expected) => {
    expect(terminalLanguage(env, 'en-US')).toBe(expected);
  });

  it('with no locale at all (Windows), the system locale the runtime reports', () => {
    expect(terminalLanguage({}, 'ru-RU')).toBe('ru');
    expect(terminalLanguage({}, 'fr-FR')).toBe('en');
  });
});

/** Runs `npm start -- --browser` until it has printed its address, then stops it. */
function startOutput(env: Record<string, string | undefined>): Promise<string> {
  ensureNodeBuilt();
  const data = tempDir();
  cleanups.push(data.cleanup);
  // The workstation's own setting is Kyrgyz: the window speaks it, the terminal need not.
  fs.writeFileSync(path.join(data.dir, 'settings.json'), JSON.stringify({ language: 'ky', idleLockMinutes: 10 }));
  const inherited: Record<string, string | undefined> = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete inherited[name];
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs'), '--browser', '--port', '0', '--data', data.dir], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`npm start printed no address: ${out}`));
    }, 25_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('#token=') && out.trimEnd().split('\n').length >= 2) {
        clearTimeout(timer);
        child.once('exit', () => resolve(out));
        child.kill('SIGTERM');
      }
    });
  });
}

const expectedLines = (language: Language) => {
  const { browserReady, stopHint } = catalogues[language].start;
  return [browserReady.slice(0, browserReady.indexOf('{{url}}')), stopHint];
};

describe('npm start in a terminal', () => {
  it('speaks English where the locale is C and LC_ALL is unset', async () => {
    const out = await startOutput({ LANG: 'C' });
    const [ready, stop] = expectedLines('en');
    expect(out).toContain(`${ready}http://127.0.0.1:`);
    expect(out).toContain(stop);
  });

  it('speaks Russian in a ru_RU.UTF-8 terminal', async () => {
    const out = await startOutput({ LANG: 'ru_RU.UTF-8' });
    const [ready, stop] = expectedLines('ru');
    expect(out).toContain(`${ready}http://127.0.0.1:`);
    expect(out).toContain(stop);
  });
});
