import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { catalogues } from '../../../shared/i18n/catalogues';
import type { Language } from '../../../shared/i18n/languages';
import type { FieldDef } from '../../../shared/forms/formTypes';
import { childRecord } from '../../../shared/packs/kg-difficult/forms/childRecord';
import { issueTestProfile, type TestOperator } from '../../support/testProfile';
import { startWorkstation, type RunningWorkstation } from './workstation';

const systemLocale: Record<Language, string> = { ky: 'ky_KG.UTF-8', ru: 'ru_RU.UTF-8', kk: 'kk_KZ.UTF-8', az: 'az_AZ.UTF-8', en: 'en_GB.UTF-8' };
const fields = (list: readonly FieldDef[]): FieldDef[] => list.flatMap((field) => (field.kind === 'group' ? [field, ...fields(field.fields)] : [field]));
const field = (id: string) => {
  const found = fields(childRecord.sections.flatMap((section) => section.fields)).find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};
export const childLabel = (language: Language, id: string) => field(id).label[language];

/** A `YYYY-MM-DD` as the date fields take it (DD.MM.YYYY). */
export const typed = (date: string) => date.split('-').reverse().join('.');

/**
 * A workstation in `language` activated with one profile for several operators of Pack 2 (issued
 * passwords already changed), signed in as the first.
 */
export async function caseWorkstation(page: Page, language: Language, operators: TestOperator[]): Promise<RunningWorkstation> {
  const profile = await issueTestProfile({ operators: operators.map((operator) => ({ mustChangePassword: false, ...operator })) });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-profile-')), 'workstation.balaprofile');
  fs.writeFileSync(file, profile.file);
  const workstation = await startWorkstation({ env: { LANG: systemLocale[language] } });
  const c = catalogues[language];
  await page.goto(workstation.url);
  await page.getByLabel(c.access.orFile).setInputFiles(file);
  await page.getByLabel(c.access.codeLabel).fill(profile.code);
  await page.getByRole('button', { name: c.access.activate }).click();
  const first = operators[0];
  if (!first) throw new Error('no operator');
  await signIn(page, language, first);
  return workstation;
}

export async function signIn(page: Page, language: Language, operator: TestOperator): Promise<void> {
  const c = catalogues[language];
  await page.getByLabel(c.access.username).fill(operator.username);
  await page.getByLabel(c.access.password, { exact: true }).fill(operator.password);
  await page.getByRole('button', { name: c.access.signIn }).click();
  await expect(page.getByRole('button', { name: c.access.signOut })).toBeVisible();
}

/** A child found on `foundOn`, with the §17 record's required fields, as a specialist types them; saved. */
export async function registerChild(page: Page, language: Language, child: { surname: string; givenName: string; birth: string; pin: string; foundOn: string }) {
  const c = catalogues[language];
  await page.getByRole('button', { name: childRecord.title[language], exact: true }).click();
  await page.getByRole('button', { name: c.records.newRecord.replace('{{form}}', childRecord.title[language]) }).click();
  await page.getByRole('textbox', { name: c.records.surname, exact: true }).first().fill(child.surname);
  await page.getByRole('textbox', { name: c.records.givenName, exact: true }).first().fill(child.givenName);
  await page.getByLabel(childLabel(language, 'sex')).selectOption('female');
  await page.getByLabel(childLabel(language, 'birthDate')).fill(typed(child.birth));
  await page.getByLabel(childLabel(language, 'pin')).fill(child.pin);
  await page.getByLabel(childLabel(language, 'foundOn')).fill(typed(child.foundOn));
  await page.getByLabel(childLabel(language, 'foundTerritory')).selectOption('KG-C-ALA');
  for (const id of ['hasParents', 'hasRelatives', 'migrantParents', 'disability']) {
    await page.getByRole('radiogroup', { name: childLabel(language, id) }).getByLabel(c.records.no).check();
  }
  await page.getByLabel(childLabel(language, 'socialPayment')).selectOption('none');
  await page.getByLabel(childLabel(language, 'legalStatus')).selectOption('withParents');
  const reasons = field('reasons');
  if (reasons.kind !== 'group') throw new Error('reasons');
  await page.getByRole('button', { name: c.records.add.replace('{{item}}', reasons.itemLabel[language]) }).click();
  const row = page.getByRole('group', { name: c.records.itemNumber.replace('{{item}}', reasons.itemLabel[language]).replace('{{number}}', '1') });
  await row.getByLabel(childLabel(language, 'reason')).selectOption('parentsMigration');
  await page.getByRole('button', { name: c.records.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(child.surname) })).toBeVisible();
}
