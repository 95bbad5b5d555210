import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { catalogues } from '../../../shared/i18n/catalogues';
import type { Language } from '../../../shared/i18n/languages';
import { issueTestProfile, type TestOperator } from '../../support/testProfile';
import { startWorkstation, type RunningWorkstation } from './workstation';

const systemLocale: Record<Language, string> = { ky: 'ky_KG.UTF-8', ru: 'ru_RU.UTF-8', kk: 'kk_KZ.UTF-8', az: 'az_AZ.UTF-8', en: 'en_GB.UTF-8' };

/**
 * A workstation in the given language, activated with a test profile for one operator (issued
 * password already changed) and signed in through the screens, as an operator would.
 */
export async function signedInWorkstation(page: Page, language: Language, operator: TestOperator): Promise<RunningWorkstation> {
  const c = catalogues[language];
  const profile = await issueTestProfile({ operators: [{ mustChangePassword: false, ...operator }] });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-profile-')), 'workstation.balaprofile');
  fs.writeFileSync(file, profile.file);
  const workstation = await startWorkstation({ env: { LANG: systemLocale[language] } });
  await page.goto(workstation.url);
  await page.getByLabel(c.access.orFile).setInputFiles(file);
  await page.getByLabel(c.access.codeLabel).fill(profile.code);
  await page.getByRole('button', { name: c.access.activate }).click();
  await page.getByLabel(c.access.username).fill(operator.username);
  await page.getByLabel(c.access.password, { exact: true }).fill(operator.password);
  await page.getByRole('button', { name: c.access.signIn }).click();
  return workstation;
}
