import { expect, type Page } from '@playwright/test';
import { catalogues } from '../../../shared/i18n/catalogues';
import type { RunningWorkstation } from './workstation';

const ru = catalogues.ru;

/**
 * Through the screens, in Russian: activate with a profile the real server issued, sign in with
 * the generated password, change it as forced, and wait for the home screen's sync panel.
 */
export async function activateAndSignIn(page: Page, at: RunningWorkstation, profile: string, code: string, username: string, password: string, newPassword: string): Promise<void> {
  await page.goto(at.url);
  await page.getByLabel(ru.access.orFile).setInputFiles(profile);
  await page.getByLabel(ru.access.codeLabel).fill(code);
  await page.getByRole('button', { name: ru.access.activate }).click();
  await page.getByLabel(ru.access.username).fill(username);
  await page.getByLabel(ru.access.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: ru.access.signIn }).click();
  await page.getByLabel(ru.access.currentPassword).fill(password);
  await page.getByLabel(ru.access.newPassword, { exact: true }).fill(newPassword);
  await page.getByLabel(ru.access.repeatPassword).fill(newPassword);
  await page.getByRole('button', { name: ru.access.change }).click();
  await expect(page.getByRole('button', { name: ru.sync.syncNow })).toBeVisible();
}
