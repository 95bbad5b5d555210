import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { recordsRu } from '../../shared/i18n/locales/records/ru';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { fillPupil } from './support/pupilForm';
import { signedInWorkstation } from './support/signedIn';
import type { RunningWorkstation } from './support/workstation';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
let workstation: RunningWorkstation | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

const ru = catalogues.ru;
const label = (id: string) => {
  const field = pupilCard.sections.flatMap((section) => section.fields).find((candidate) => candidate.id === id);
  if (!field) throw new Error(id);
  return field.label.ru;
};
const surname = (page: Page) => page.getByRole('textbox', { name: ru.records.surname, exact: true });
const givenName = (page: Page) => page.getByRole('textbox', { name: ru.records.givenName, exact: true });

async function newPupil(page: Page) {
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
}

/** Waits until the autosave has kept what was typed. */
async function draftKept(page: Page) {
  await expect(page.getByText(ru.records.draftSaved.split('{{')[0] ?? '')).toBeVisible();
}

test('a saved child is shown as a possible duplicate while a Latin spelling is typed, before Save (Russian)', async ({ page }) => {
  test.setTimeout(90_000);
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
  await newPupil(page);
  await fillPupil(page, 'Асанова', 'Айпери', '08.03.2015', '10803201500123');
  await page.getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByRole('heading', { name: ru.records.history })).toBeVisible();

  const checks: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/call/records.checkDuplicates')) checks.push(request.url());
  });
  await newPupil(page);
  const liveTitle = ru.records.liveDuplicatesTitle_one.replace('{{count}}', '1');
  await page.getByLabel(label('birthDate')).fill('08.03.2015');
  await surname(page).fill('Asanova');
  // Typed letter by letter: one check once the name rests, not one per keystroke.
  await givenName(page).pressSequentially('Aiperi', { delay: 60 });
  const panel = page.getByRole('region', { name: liveTitle });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem')).toContainText('Асанова Айпери');
  await expect(panel.getByRole('listitem')).toContainText('08.03.2015');
  await expect(panel.getByRole('listitem')).toContainText(ru.records.duplicateSimilarName);
  expect(checks.length).toBeGreaterThanOrEqual(1);
  expect(checks.length).toBeLessThanOrEqual(2);
  // The warning stands above the form's fields, not after them, and nothing was saved.
  const panelBox = await panel.boundingBox();
  const surnameBox = await surname(page).boundingBox();
  expect(panelBox && surnameBox && panelBox.y < surnameBox.y).toBe(true);
  await expect(page.getByRole('alertdialog', { name: ru.records.duplicatesTitle })).toHaveCount(0);
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'drafts-live-duplicate-ru.png') });
  await expectAccessible(page, 'live duplicates panel');

  // Another child's name: the warning goes.
  await givenName(page).fill('Nurai');
  await surname(page).fill('Bekova');
  await expect(panel).toHaveCount(0);
  await surname(page).fill('Asanova');
  await givenName(page).fill('Aiperi');
  await expect(panel).toBeVisible();

  // Opening the existing record instead of entering the child again.
  await panel.getByRole('button', { name: ru.records.openExisting }).click();
  await expect(page.getByRole('heading', { name: ru.records.history })).toBeVisible();
  await expect(surname(page)).toHaveValue('Асанова');
});

test('drafts of different children are told apart by name; one is discarded after confirming, the other goes on (Russian)', async ({ page }) => {
  test.setTimeout(90_000);
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
  await newPupil(page);
  await surname(page).fill('Жумабекова');
  await givenName(page).fill('Нурай');
  await draftKept(page);
  await newPupil(page);
  await surname(page).fill('Токтогулов');
  await givenName(page).fill('Эрлан');
  await page.getByLabel(label('birthDate')).fill('01.02.2016');
  await draftKept(page);
  await newPupil(page);
  await page.getByLabel(label('admittedOn')).fill('02.09.2024');
  await draftKept(page);

  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  const drafts = page.getByRole('region', { name: ru.records.drafts });
  await expect(drafts.getByText(recordsRu.draftsCount_few.replace('{{count}}', '3'))).toBeVisible();
  const nurai = drafts.getByRole('listitem').filter({ hasText: 'Жумабекова Нурай' });
  const erlan = drafts.getByRole('listitem').filter({ hasText: 'Токтогулов Эрлан' });
  const nameless = drafts.getByRole('listitem').filter({ hasText: ru.records.draftNoName });
  for (const draft of [nurai, erlan, nameless]) {
    await expect(draft).toContainText(pupilCard.title.ru);
    await expect(draft).toContainText(ru.records.draftSavedJustNow);
  }

  // Discard asks first, in the page; "keep" is where the focus lands, and keeps it.
  await nurai.getByRole('button', { name: ru.records.discardDraft }).click();
  const question = ru.records.discardDraftQuestion.replace('{{name}}', 'Жумабекова Нурай');
  const confirm = drafts.getByRole('group', { name: question });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: ru.records.discardDraftKeep })).toBeFocused();
  await page.screenshot({ path: path.join(artifacts, 'drafts-discard-confirm-ru.png') });
  await expectAccessible(page, 'drafts with the discard confirmation');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(nurai.getByRole('button', { name: ru.records.discardDraft })).toBeFocused();
  await nurai.getByRole('button', { name: ru.records.discardDraft }).click();
  await confirm.getByRole('button', { name: ru.records.discardDraftConfirm }).click();
  await expect(drafts.getByRole('status')).toHaveText(ru.records.draftDiscarded.replace('{{name}}', 'Жумабекова Нурай'));
  await expectAccessible(page, 'drafts after one was discarded');
  await expect(nurai).toHaveCount(0);
  await expect(erlan).toBeVisible();

  // Gone from the encrypted cache, not only from the screen.
  await page.reload();
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await expect(erlan).toBeVisible();
  await expect(drafts.getByRole('listitem')).toHaveCount(2);
  await expect(drafts.getByText('Жумабекова Нурай')).toHaveCount(0);
  await erlan.getByRole('button', { name: ru.records.continueDraft }).click();
  await expect(surname(page)).toHaveValue('Токтогулов');
  await expect(givenName(page)).toHaveValue('Эрлан');
  await expect(page.getByLabel(label('birthDate'))).toHaveValue('01.02.2016');
});
