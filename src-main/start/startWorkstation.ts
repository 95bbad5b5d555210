import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { translatorFor } from '../../shared/i18n/translator';
import { createBackend } from '../backend';
import { createStderrLogger } from '../log/logger';
import { defaultDataDir } from '../paths/dataDir';
import { startBrowserServer } from '../transport/http/browserServer';
import { lookUpElectron } from './electronBinary';
import { ensureRendererBuilt } from './rendererBuild';
import { terminalLanguage } from './terminalLanguage';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `npm start [-- --data DIR] [--browser] [--port N]`: the desktop application where Electron's
 * binary exists, otherwise (one line says why) browser mode on 127.0.0.1, printing the URL.
 */
export async function startWorkstation(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      data: { type: 'string' },
      browser: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
    },
    strict: true,
  });
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const log = createStderrLogger('bala');
  const backend = createBackend({ dataDir, mode: 'browser', log });
  // The terminal's own language, not the workstation's: a C locale may not even show Cyrillic.
  const t = translatorFor(terminalLanguage());

  if (!values.browser) {
    const electron = lookUpElectron(repoRoot);
    if (electron.available) {
      await backend.close();
      return runElectron(electron.executable, dataDir);
    }
    process.stdout.write(`${t('start.electronMissing', { reason: t(`start.${electron.reason}`, electron.params) })}\n`);
  }

  if (!ensureRendererBuilt(repoRoot, () => process.stdout.write(`${t('start.building')}\n`))) return 1;
  const port = Number(values.port);
  const server = await startBrowserServer({
    backend,
    rendererDir: path.join(repoRoot, 'dist', 'renderer'),
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 0,
    log,
  });
  process.stdout.write(`${t('start.browserReady', { url: server.url })}\n${t('start.stopHint')}\n`);

  return new Promise<number>((resolve) => {
    const stop = () => {
      void server.close().then(() => backend.close()).then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function runElectron(executable: string, dataDir: string): Promise<number> {
  const build = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  return new Promise((resolve) => {
    build.on('exit', (code) => {
      if (code !== 0 || !ensureRendererBuilt(repoRoot, () => undefined)) return resolve(1);
      const child = spawn(executable, [repoRoot, '--data', dataDir], { stdio: 'inherit' });
      child.on('exit', (status) => resolve(status ?? 1));
    });
  });
}
