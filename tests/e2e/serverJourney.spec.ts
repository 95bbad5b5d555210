import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { startCentralServer, type CentralServer } from './support/centralServer';
import { startWorkstation, type RunningWorkstation } from './support/workstation';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
let workstation: RunningWorkstation | undefined;
let server: CentralServer | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  await server?.stop();
  workstation = undefined;
  server = undefined;
});

test('against a real server: issued profile → activation → online sign-in → forced change → sign out → offline sign-in; a suspension shows the reason', async ({ page }) => {
  test.setTimeout(120_000);
  const ru = catalogues.ru;
  server = await startCentralServer();
  await server.admin('agency', 'add', '--name', 'Ош шаардык балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41721', '--tin', '02345678901234', '--id', 'osh-home');
  const user = await server.admin<{ password: string }>('user', 'add', '--username', 'bakyt', '--agency', 'osh-home', '--role', 'data_holder', '--valid-days', '90', '--name', 'Бакыт Осмонов');
  const profile = path.join(path.dirname(server.dataDir), 'osh-1.balaprofile');
  const issued = await server.admin<{ activationCode: string; workstation: { id: string } }>('workstation', 'issue', '--agency', 'osh-home', '--users', 'bakyt', '--out', profile, '--name', 'Кабыл алуу');

  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await page.goto(workstation.url);
  await page.getByLabel(ru.access.orFile).setInputFiles(profile);
  await page.getByLabel(ru.access.codeLabel).fill(issued.activationCode);
  await page.getByRole('button', { name: ru.access.activate }).click();

  await expect(page.getByText('Ош шаардык балдар үйү')).toBeVisible();
  await page.getByLabel(ru.access.username).fill('bakyt');
  await page.getByLabel(ru.access.password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: ru.access.signIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: ru.access.changeTitle })).toBeVisible();
  await page.getByLabel(ru.access.currentPassword).fill(user.password);
  await page.getByLabel(ru.access.newPassword, { exact: true }).fill('Новый-пароль-2026');
  await page.getByLabel(ru.access.repeatPassword).fill('Новый-пароль-2026');
  await page.getByRole('button', { name: ru.access.change }).click();
  await expect(page.getByText(ru.access.verifiedOnline)).toBeVisible();
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'home-online-ru.png'), fullPage: true });
  await expectAccessible(page, 'home signed in online');
  await page.getByRole('button', { name: ru.access.signOut, exact: true }).click();

  // The administrator suspends the workstation: the operator sees the reason.
  await server.admin('workstation', 'suspend', issued.workstation.id, '--reason', 'проверка после вирусной атаки');
  await page.getByLabel(ru.access.username).fill('bakyt');
  await page.getByLabel(ru.access.password, { exact: true }).fill('Новый-пароль-2026');
  await page.getByRole('button', { name: ru.access.signIn }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'проверка после вирусной атаки' })).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'home-suspended-ru.png'), fullPage: true });
  await expectAccessible(page, 'sign-in refused: suspended');
  await page.getByRole('button', { name: ru.access.signOut, exact: true }).click();

  // The server is gone: the new password still opens the workstation, offline.
  await server.stop();
  await page.getByLabel(ru.access.username).fill('bakyt');
  await page.getByLabel(ru.access.password, { exact: true }).fill('Новый-пароль-2026');
  await page.getByRole('button', { name: ru.access.signIn }).click();
  await expect(page.getByText(ru.access.verifiedOffline)).toBeVisible();
});
