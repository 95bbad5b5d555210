import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { languages, nativeLanguageNames } from '../../shared/i18n/languages';
import { startWorkstation, type RunningWorkstation } from './support/workstation';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
let workstation: RunningWorkstation | undefined;

test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

test('first-run screen speaks the system language (Russian) and switches to the other four, persistently', async ({ page }) => {
  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await page.goto(workstation.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogues.ru.firstRun.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru-RU');
  // The token left the address bar (it lives in sessionStorage for this tab only).
  expect(page.url()).not.toContain('token=');
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'first-run-ru.png'), fullPage: true });
  await expectAccessible(page, 'first-run (Russian)');

  for (const language of languages.filter((lng) => lng !== 'ru')) {
    await page.getByRole('radio', { name: nativeLanguageNames[language] }).check();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogues[language].firstRun.title);
    await expect(page.getByText(catalogues[language].firstRun.nextStepTitle)).toBeVisible();
  }
  await page.screenshot({ path: path.join(artifacts, 'first-run-en.png'), fullPage: true });
  await expectAccessible(page, 'first-run (English)');

  // The choice is the workstation's setting: it survives a reload and a restart.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogues.en.firstRun.title);
  const dataDir = workstation.dataDir;
  await workstation.stop();
  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' }, dataDir });
  await page.goto(workstation.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogues.en.firstRun.title);
});

test('first-run screen is in Kyrgyz when the system language is none of the five', async ({ page }) => {
  workstation = await startWorkstation({ env: { LANG: 'de_DE.UTF-8' } });
  await page.goto(workstation.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogues.ky.firstRun.title);
  await expect(page.getByRole('radio', { name: nativeLanguageNames.ky })).toBeChecked();
  await page.screenshot({ path: path.join(artifacts, 'first-run-ky.png'), fullPage: true });
  await expectAccessible(page, 'first-run (Kyrgyz)');

  // The top bar's switch does the same as the picker.
  await page.getByLabel(catalogues.ky.language.label).selectOption('kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogues.kk.firstRun.title);
});

test('the page opened without the token says where the right address is; the API refuses it', async ({ page, request }) => {
  workstation = await startWorkstation({ env: { LANG: 'en_GB.UTF-8' } });
  await page.goto(`${workstation.origin}/`);
  await expect(page.getByRole('alert')).toContainText('#token=');
  await expectAccessible(page, 'opened without the token');
  const refused = await request.post(`${workstation.origin}/api/call/app.info`, { data: {} });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  const malformed = await request.post(`${workstation.origin}/api/call/settings.update`, {
    headers: { authorization: `Bearer ${workstation.token}` },
    data: { input: { language: 'klingon' } },
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'language' }] } });
  // Still serving after both.
  const good = await request.post(`${workstation.origin}/api/call/app.info`, { headers: { authorization: `Bearer ${workstation.token}` }, data: {} });
  expect(good.status()).toBe(200);
});

test('npm start without Electron says why in one line, then serves browser mode', async ({ page }) => {
  test.skip(
    fs.existsSync(path.resolve(import.meta.dirname, '../../node_modules/electron/path.txt')),
    'the Electron binary is installed here, so npm start opens the desktop app instead (covered by tests/electron)',
  );
  workstation = await startWorkstation({ env: { LANG: 'en_GB.UTF-8' }, args: [] });
  const lines = workstation.output().split('\n').filter(Boolean);
  expect(lines[0]).toMatch(/^Electron is not available on this machine \(.+\); starting browser mode instead\.$/);
  expect(lines[1]).toMatch(/^Bala is running in browser mode\. Open: http:\/\/127\.0\.0\.1:\d+\/#token=/);
  await page.goto(workstation.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogues.en.firstRun.title);
});
