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

test('an operator alone whose password was reset: ACCESS_REMOVED → recover with the profile, code and new password → signed in', async ({ page }) => {
  test.setTimeout(150_000);
  const ru = catalogues.ru;
  server = await startCentralServer();
  await server.admin('agency', 'add', '--name', 'Талас балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41707', '--tin', '03456789012345', '--id', 'talas-home');
  const user = await server.admin<{ password: string }>('user', 'add', '--username', 'aigul', '--agency', 'talas-home', '--role', 'data_holder', '--valid-days', '90', '--name', 'Айгүл Асанова');
  const profile = path.join(path.dirname(server.dataDir), 'talas-1.balaprofile');
  const issued = await server.admin<{ activationCode: string }>('workstation', 'issue', '--agency', 'talas-home', '--users', 'aigul', '--out', profile, '--name', 'Кабыл алуу');

  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await page.goto(workstation.url);
  await page.getByLabel(ru.access.orFile).setInputFiles(profile);
  await page.getByLabel(ru.access.codeLabel).fill(issued.activationCode);
  await page.getByRole('button', { name: ru.access.activate }).click();

  // aigul signs in once and chooses her own password.
  await page.getByLabel(ru.access.username).fill('aigul');
  await page.getByLabel(ru.access.password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: ru.access.signIn }).click();
  await page.getByLabel(ru.access.currentPassword).fill(user.password);
  await page.getByLabel(ru.access.newPassword, { exact: true }).fill('Мой-пароль-2026');
  await page.getByLabel(ru.access.repeatPassword).fill('Мой-пароль-2026');
  await page.getByRole('button', { name: ru.access.change }).click();
  await expect(page.getByText(ru.access.verifiedOnline)).toBeVisible();
  await page.getByRole('button', { name: ru.access.signOut, exact: true }).click();

  // The administrator resets it elsewhere; her next sign-in here is the contact that removes the wrap.
  const reset = await server.admin<{ password: string }>('user', 'reset-password', '--username', 'aigul');
  await page.getByLabel(ru.access.username).fill('aigul');
  await page.getByLabel(ru.access.password, { exact: true }).fill('Мой-пароль-2026');
  await expect(page.getByRole('button', { name: ru.access.recoverOffer })).toHaveCount(0);
  await page.getByRole('button', { name: ru.access.signIn }).click();
  await expect(page.getByRole('alert').filter({ hasText: ru.errors.ACCESS_REMOVED })).toBeVisible();
  await expectAccessible(page, 'sign-in refused: access removed');

  // Back leads to the sign-in form, the refusal and the offer still there.
  await page.getByRole('button', { name: ru.access.recoverOffer }).click();
  await page.getByRole('button', { name: ru.access.back }).click();
  await expect(page.getByRole('heading', { level: 1, name: ru.access.signInTitle })).toBeVisible();
  await page.getByRole('button', { name: ru.access.recoverOffer }).click();
  await expect(page.getByRole('heading', { level: 1, name: ru.access.recoverTitle })).toBeVisible();
  await expect(page.getByLabel(ru.access.username)).toHaveValue('aigul');
  const submit = page.getByRole('button', { name: ru.access.recoverSubmit });
  await expect(submit).toBeDisabled();
  await page.getByLabel(ru.access.fileLabel).setInputFiles(profile);
  await expect(page.getByTestId('ca-fingerprint')).toBeVisible();

  await page.getByLabel(ru.access.codeLabel).fill(issued.activationCode);
  await page.getByLabel(ru.access.password, { exact: true }).fill(reset.password);
  await expect(submit).toBeEnabled();
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'recover-access.png'), fullPage: true });
  await expectAccessible(page, 'recover access');

  // A wrong code is refused at the code field; nothing else changes.
  await page.getByLabel(ru.access.codeLabel).fill('AAAAA-AAAAA-AAAAA-AAAAA');
  await submit.click();
  await expect(page.getByRole('alert').filter({ hasText: ru.errors.ACTIVATION_CODE_WRONG })).toBeVisible();
  await expectAccessible(page, 'recover access with a wrong code');
  await expect(page.getByLabel(ru.access.codeLabel)).toHaveAttribute('aria-invalid', 'true');
  // The old password is refused at the password field.
  await page.getByLabel(ru.access.codeLabel).fill(issued.activationCode);
  await page.getByLabel(ru.access.password, { exact: true }).fill('Мой-пароль-2026');
  await submit.click();
  await expect(page.getByRole('alert').filter({ hasText: ru.errors.WRONG_PASSWORD })).toBeVisible();
  await expect(page.getByLabel(ru.access.password, { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel(ru.access.password, { exact: true }).fill(reset.password);
  // Double click: one recovery, then the same credentials sign in (an issued password must be changed first).
  const recoverCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/call/activation.recover')) recoverCalls.push(request.url());
  });
  await submit.dblclick();
  await expect(page.getByRole('heading', { level: 1, name: ru.access.changeTitle })).toBeVisible();
  expect(recoverCalls).toHaveLength(1);
  await page.getByLabel(ru.access.currentPassword).fill(reset.password);
  await page.getByLabel(ru.access.newPassword, { exact: true }).fill('Новый-пароль-2027');
  await page.getByLabel(ru.access.repeatPassword).fill('Новый-пароль-2027');
  await page.getByRole('button', { name: ru.access.change }).click();
  await expect(page.getByText(ru.access.verifiedOnline)).toBeVisible();

  // Signed out, the chosen password opens the workstation again.
  await page.getByRole('button', { name: ru.access.signOut, exact: true }).click();
  await page.getByLabel(ru.access.username).fill('aigul');
  await page.getByLabel(ru.access.password, { exact: true }).fill('Новый-пароль-2027');
  await page.getByRole('button', { name: ru.access.signIn }).click();
  await expect(page.getByText(ru.access.verifiedOnline)).toBeVisible();
});
