import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { BalaBridge } from '../../shared/api/bridge';
import { findElectronExecutable } from '../../src-main/start/electronBinary';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const executable = findElectronExecutable(path.join(repoRoot, 'node_modules', 'electron'));
const skipReason =
  'Electron binary absent (node_modules/electron/dist): it cannot be downloaded on this machine, so the desktop shell is verified only by the unit tests in tests/node/electron-shell';

test.describe('Electron desktop application', () => {
  test.skip(!executable, skipReason);
  if (!executable) console.log(`SKIPPED tests/electron/app.spec.ts: ${skipReason}`);

  test('opens one sandboxed window on the app page and answers through window.bala', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-electron-'));
    const app = await electron.launch({ executablePath: executable ?? undefined, args: [repoRoot, '--data', dataDir] });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('bala://app/index.html');
      const info = await page.evaluate(() => (window as unknown as { bala?: BalaBridge }).bala?.call('app.info', undefined));
      expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      const opened = await page.evaluate(() => window.open('https://example.org/'));
      expect(opened).toBeNull();
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
