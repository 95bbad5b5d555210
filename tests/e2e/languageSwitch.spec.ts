import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { localToday } from '../../shared/forms/dates';
import { catalogues } from '../../shared/i18n/catalogues';
import { languages, type Language } from '../../shared/i18n/languages';
import { kgResidentialAlerts } from '../../shared/packs/kg-residential/alerts';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { samplePupil } from '../support/pupilSamples';
import { signedInWorkstation } from './support/signedIn';
import type { RunningWorkstation } from './support/workstation';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
const operator = { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' };
const temporaryStay = kgResidentialAlerts.find((rule) => rule.id === 'temporaryStayExceeded') ?? (() => { throw new Error('no temporary-stay rule'); })();

let workstation: RunningWorkstation | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

/** A pupil placed temporarily ten months ago, not discharged: the §8.3 alert is raised for it. */
async function seedTemporaryStay(running: RunningWorkstation): Promise<string> {
  const admitted = new Date();
  admitted.setMonth(admitted.getMonth() - 10);
  const values = samplePupil(3, { placementTerm: 'temporary', admittedOn: localToday(admitted) });
  const response = await fetch(`${running.origin}/api/call/records.create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input: { formId: pupilCard.id, values, newDespiteDuplicates: 'e2e seed' } }),
  });
  const answer = (await response.json()) as { ok: boolean; error?: { message: string } };
  if (!answer.ok) throw new Error(`seed: ${answer.error?.message ?? response.status}`);
  const name = values.name as { surname: string; givenName: string };
  return `${name.surname} ${name.givenName}`;
}

/** The banner, a backend-made alert and the headings all speak `language`, and no other. */
async function expectAllIn(page: Page, language: Language, pupil: string) {
  const c = catalogues[language];
  const side = page.getByRole('navigation', { name: c.workspace.nav });
  await side.getByRole('button', { name: pupilCard.title[language], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: pupilCard.title[language], exact: true })).toBeVisible();
  const banner = page.getByRole('status').filter({ has: page.getByRole('button', { name: pupil, exact: true }) });
  await expect(banner).toContainText(temporaryStay.message[language]);
  for (const other of languages.filter((candidate) => candidate !== language)) await expect(banner).not.toContainText(temporaryStay.message[other]);
  // The sync problem, in the exchange view: worded by the backend (the test profile's server does not answer).
  await side.getByRole('button', { name: c.workspace.exchange, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.workspace.exchangeTitle, exact: true })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: c.errors.SERVER_UNREACHABLE })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, `exchange with the server unreachable (${language})`);
  for (const other of languages.filter((candidate) => candidate !== language)) {
    await expect(page.getByRole('alert').filter({ hasText: catalogues[other].errors.SERVER_UNREACHABLE })).toHaveCount(0);
  }
  await expect(side.getByRole('button', { name: c.reports.title, exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: c.language.label, exact: true })).toHaveValue(language);
  await side.getByRole('button', { name: pupilCard.title[language], exact: true }).click();
}

async function switchTo(page: Page, from: Language, to: Language) {
  await page.getByRole('combobox', { name: catalogues[from].language.label, exact: true }).selectOption(to);
}

test('the header language switch changes every text in view at once, through all five, also after signing in again', async ({ page }) => {
  test.setTimeout(180_000);
  workstation = await signedInWorkstation(page, 'ky', operator);
  await expect(page.getByRole('button', { name: pupilCard.title.ky, exact: true })).toBeVisible();
  const pupil = await seedTemporaryStay(workstation);
  await page.reload();
  await expectAllIn(page, 'ky', pupil);

  let current: Language = 'ky';
  for (const next of ['ru', 'az', 'kk', 'en', 'ky', 'ru'] as const) {
    await switchTo(page, current, next);
    current = next;
    await expectAllIn(page, current, pupil);
  }
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'language-switch-ru.png'), fullPage: true });

  // Sign out and in again: the texts are those of the language in force, and the switch still works.
  await page.getByRole('button', { name: catalogues.ru.access.signOut, exact: true }).click();
  await page.getByLabel(catalogues.ru.access.username).fill(operator.username);
  await page.getByLabel(catalogues.ru.access.password, { exact: true }).fill(operator.password);
  await page.getByRole('button', { name: catalogues.ru.access.signIn }).click();
  await expectAllIn(page, 'ru', pupil);
  for (const next of ['kk', 'en', 'az'] as const) {
    await switchTo(page, current, next);
    current = next;
    await expectAllIn(page, current, pupil);
  }
  // Signed out in one language, signed in after a switch on the sign-in screen.
  await page.getByRole('button', { name: catalogues.az.access.signOut, exact: true }).click();
  await switchTo(page, 'az', 'kk');
  await page.getByLabel(catalogues.kk.access.username).fill(operator.username);
  await page.getByLabel(catalogues.kk.access.password, { exact: true }).fill(operator.password);
  await page.getByRole('button', { name: catalogues.kk.access.signIn }).click();
  await expectAllIn(page, 'kk', pupil);
  await page.screenshot({ path: path.join(artifacts, 'language-switch-kk.png'), fullPage: true });
  await expectAccessible(page, 'after switching to Kazakh');
});
