import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { issueTestProfile } from '../support/testProfile';
import { startWorkstation, type RunningWorkstation } from './support/workstation';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
let workstation: RunningWorkstation | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

async function profileFile(): Promise<{ file: string; code: string }> {
  const profile = await issueTestProfile({ operators: [{ username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' }], agencyName: 'Бишкек шаардык балдар үйү' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-profile-'));
  const file = path.join(dir, 'home-1.balaprofile');
  fs.writeFileSync(file, profile.file);
  return { file, code: profile.code };
}

const shot = async (page: Page, name: string) => {
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, name), fullPage: true });
};

test('activates with an issued profile, signs in offline, changes the forced password, locks and unlocks, signs out (Kyrgyz)', async ({ page }) => {
  const ky = catalogues.ky;
  const { file, code } = await profileFile();
  workstation = await startWorkstation({ env: { LANG: 'ky_KG.UTF-8' } });
  await page.goto(workstation.url);
  await expect(page.getByRole('heading', { level: 2, name: ky.access.activateTitle })).toBeVisible();

  // Activating without a profile: the problem is said at the profile choice.
  await page.getByLabel(ky.access.codeLabel).fill('AAAAA-AAAAA-AAAAA-AAAAA');
  await page.getByRole('button', { name: ky.access.activate }).click();
  await expect(page.getByText(ky.access.noProfileChosen)).toBeVisible();

  // A wrong code: the error is at the code field, and nothing typed is lost.
  await page.getByLabel(ky.access.orFile).setInputFiles(file);
  await expect(page.getByText(ky.access.fileChosen.replace('{{name}}', 'home-1.balaprofile'))).toBeVisible();
  await page.getByRole('button', { name: ky.access.activate }).click();
  await expect(page.getByRole('alert').filter({ hasText: ky.errors.ACTIVATION_CODE_WRONG })).toBeVisible();
  await expect(page.getByLabel(ky.access.codeLabel)).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'activation-wrong-code-ky.png');
  await expectAccessible(page, 'activation with a wrong code');

  await page.getByLabel(ky.access.codeLabel).fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: ky.access.activate }).click();

  // Sign-in: a wrong password first, then the issued one.
  await expect(page.getByRole('heading', { level: 1, name: ky.access.signInTitle })).toBeVisible();
  await expect(page.getByText('Бишкек шаардык балдар үйү')).toBeVisible();
  await shot(page, 'sign-in-ky.png');
  await expectAccessible(page, 'sign-in');
  await page.getByLabel(ky.access.username).fill('aigul');
  await page.getByLabel(ky.access.password, { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: ky.access.signIn }).click();
  await expect(page.getByRole('alert').filter({ hasText: ky.errors.WRONG_PASSWORD })).toBeVisible();
  await page.getByLabel(ky.access.password, { exact: true }).fill('Generated-Pass-1');
  await page.getByRole('button', { name: ky.access.signIn }).click();

  // The issued password must be changed first; the rules are checked as typed.
  await expect(page.getByRole('heading', { level: 1, name: ky.access.changeTitle })).toBeVisible();
  await page.getByLabel(ky.access.currentPassword).fill('Generated-Pass-1');
  await page.getByLabel(ky.access.newPassword, { exact: true }).fill('short');
  await page.getByLabel(ky.access.repeatPassword).fill('other');
  await page.getByRole('button', { name: ky.access.change }).click();
  await expect(page.getByText(ky.access.mismatch)).toBeVisible();
  await shot(page, 'change-password-ky.png');
  await expectAccessible(page, 'change password with errors');
  await page.getByLabel(ky.access.newPassword, { exact: true }).fill('Жаңы-сырсөз-2026');
  await page.getByLabel(ky.access.repeatPassword).fill('Жаңы-сырсөз-2026');
  await page.getByRole('button', { name: ky.access.change }).click();

  // Home: the pupils' register, who, and that the server has not confirmed this offline sign-in.
  await expect(page.getByRole('heading', { level: 1, name: pupilCard.title.ky })).toBeVisible();
  await expect(page.getByText(ky.access.verifiedOffline)).toBeVisible();
  await expect(page.getByText(ky.access.signedInAs.replace('{{name}}', 'Айгүл Сейитова'))).toBeVisible();
  await shot(page, 'home-ky.png');
  await expectAccessible(page, 'home: the registry list');

  // Lock, then unlock with the new password.
  await page.getByRole('button', { name: ky.access.lock, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: ky.access.lockedTitle })).toBeVisible();
  await shot(page, 'locked-ky.png');
  await expectAccessible(page, 'locked');
  await page.getByLabel(ky.access.password, { exact: true }).fill('Жаңы-сырсөз-2026');
  await page.getByRole('button', { name: ky.access.unlock }).click();
  await expect(page.getByRole('heading', { level: 1, name: pupilCard.title.ky })).toBeVisible();

  await page.getByRole('button', { name: ky.access.signOut, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: ky.access.signInTitle })).toBeVisible();
});

test('the activation screen in Russian says which profile problem it is, at the profile', async ({ page }) => {
  const ru = catalogues.ru;
  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await page.goto(workstation.url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-bad-'));
  const bad = path.join(dir, 'broken.balaprofile');
  fs.writeFileSync(bad, '{"format":"something else"}');
  await page.getByLabel(ru.access.orFile).setInputFiles(bad);
  await page.getByLabel(ru.access.codeLabel).fill('AAAAA-AAAAA-AAAAA-AAAAA');
  await page.getByRole('button', { name: ru.access.activate }).click();
  await expect(page.getByRole('alert').filter({ hasText: ru.errors.PROFILE_UNREADABLE.slice(0, 20) })).toBeVisible();
  await expect(page.getByLabel(ru.access.codeLabel)).toHaveValue('AAAAA-AAAAA-AAAAA-AAAAA');
  await shot(page, 'activation-ru.png');
  await expectAccessible(page, 'activation with an unreadable profile');
});
