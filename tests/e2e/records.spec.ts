import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import type { FormDef } from '../../shared/forms/formTypes';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import * as pupilEvents from '../../shared/packs/kg-residential/forms/pupilEvents';
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

const eventLabel = (form: FormDef, id: string) => form.sections.flatMap((section) => section.fields).find((field) => field.id === id)?.label.ru ?? id;

const eventForm = (page: Page, form: FormDef) => page.getByRole('form', { name: ru.records.newRecord.replace('{{form}}', form.title.ru) });

async function signedInHolder(page: Page) {
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
}


test('a pupil card: errors at the field as typed, saved, found by another spelling, history kept (Russian)', async ({ page }) => {
  test.setTimeout(90_000);
  await signedInHolder(page);
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();

  // A PIN that contradicts the birth date, an admission before birth: said at each field.
  await fillPupil(page, 'Асанова', 'Айпери', '08.03.2015', '10903201500123');
  await page.getByLabel(label('admittedOn')).fill('01.01.2015');
  await expect(page.getByText(ru.form.pinBirthDate.replace('{{encoded}}', '09.03.2015'))).toBeVisible();
  await expect(page.getByText(ru.form.dateBefore.replace('{{fieldLabel}}', label('birthDate')))).toBeVisible();
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'pupil-errors-ru.png'), fullPage: true });
  await expectAccessible(page, 'new pupil card with errors shown');
  await page.getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByText(ru.records.fixErrors.replace('{{count}}', '2'))).toBeVisible();

  // A photo: a 50 MB file and a text file are refused at the field; a real picture is taken.
  const photoInput = page.getByLabel(label('photo'));
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-big-')), 'camera.jpg');
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 1));
  await photoInput.setInputFiles(big);
  await expect(page.getByText(ru.records.photoFileTooLarge.replace('{{size}}', '50.0').replace('{{max}}', '20'))).toBeVisible();
  await photoInput.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(page.getByText(ru.records.photoNotImage)).toBeVisible();
  await expectAccessible(page, 'photo refused at the field');
  await photoInput.setInputFiles(path.resolve(import.meta.dirname, '../../resources/icon.png'));
  await expect(page.getByRole('img', { name: ru.records.photoAlt })).toBeVisible();

  // Corrected: nothing typed was lost, and it saves.
  await page.getByLabel(label('pin')).fill('10803201500123');
  await page.getByLabel(label('admittedOn')).fill('02.09.2024');
  await expect(page.getByRole('textbox', { name: ru.records.surname, exact: true })).toHaveValue('Асанова');
  await page.getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByRole('heading', { name: ru.records.history })).toBeVisible();
  await expect(page.getByText(ru.records.historyCreated)).toBeVisible();
  await expect(page.getByRole('img', { name: ru.records.photoAlt })).toBeVisible();

  // Events on the pupil: a change of circumstances and leaving, each with its deadline.
  const change = pupilEvents.changeEvent;
  await page.getByRole('button', { name: ru.records.addEvent.replace('{{event}}', change.title.ru) }).click();
  await page.getByLabel(eventLabel(change, 'changedOn')).fill('20.11.2026');
  await page.getByLabel(eventLabel(change, 'circumstance')).selectOption('socialPayments');
  await page.getByLabel(eventLabel(change, 'description')).fill('Назначено ежемесячное социальное пособие');
  await eventForm(page, change).getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByRole('listitem').filter({ hasText: change.title.ru })).toBeVisible();
  const leaving = pupilEvents.dischargeEvent;
  await page.getByRole('button', { name: ru.records.addEvent.replace('{{event}}', leaving.title.ru) }).click();
  await page.getByLabel(eventLabel(leaving, 'dischargedOn')).fill('24.11.2026');
  await page.getByLabel(eventLabel(leaving, 'reason')).selectOption('guardianship');
  await eventForm(page, leaving).getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByRole('listitem').filter({ hasText: leaving.title.ru })).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'pupil-saved-ru.png'), fullPage: true });
  await expectAccessible(page, 'saved pupil card with events');

  // A second child spelled in Latin, one day apart: the duplicate warning, then saved with a reason.
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
  await fillPupil(page, 'Asanova', 'Aiperi', '09.03.2015', '10903201500777');
  await page.getByLabel(label('photo')).setInputFiles(path.resolve(import.meta.dirname, '../../resources/icon.png'));
  await expect(page.getByRole('img', { name: ru.records.photoAlt })).toBeVisible();
  await page.getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByRole('alertdialog', { name: ru.records.duplicatesTitle })).toBeVisible();
  await expect(page.getByText(ru.records.duplicateSimilarName)).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'pupil-duplicate-ru.png'), fullPage: true });
  await expectAccessible(page, 'duplicates dialog');
  await page.getByLabel(ru.records.confirmNewReason).fill('двойняшка, другой ПИН');
  await page.getByRole('button', { name: ru.records.confirmNewSave }).click();
  await expect(page.getByRole('heading', { name: ru.records.history })).toBeVisible();

  // Both are found by either spelling.
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByLabel(ru.records.search).fill('асан айп');
  await expect(page.getByRole('listitem').filter({ hasText: 'Асанова Айпери' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Asanova Aiperi' })).toBeVisible();
  await expectAccessible(page, 'registry list searched');
});

test('every field of the pupil card (§15) is entered, saved, reopened and changed with history (Kyrgyz)', async ({ page }) => {
  test.setTimeout(90_000);
  const ky = catalogues.ky;
  const kyLabel = (id: string) => pupilCard.sections.flatMap((section) => section.fields).find((field) => field.id === id)?.label.ky ?? id;
  const relatives = pupilCard.sections.flatMap((section) => section.fields).find((field) => field.id === 'relatives');
  if (relatives?.kind !== 'group') throw new Error('relatives');
  const relativeLabel = (id: string) => relatives.fields.find((field) => field.id === id)?.label.ky ?? id;

  workstation = await signedInWorkstation(page, 'ky', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
  await page.getByRole('button', { name: pupilCard.title.ky, exact: true }).click();
  await page.getByRole('button', { name: ky.records.newRecord.replace('{{form}}', pupilCard.title.ky) }).click();

  const identity = page.getByRole('group', { name: new RegExp(`^${kyLabel('name')}`) });
  await identity.getByRole('textbox', { name: ky.records.surname, exact: true }).fill('Үсөнбаева');
  await identity.getByRole('textbox', { name: ky.records.givenName, exact: true }).fill('Бегимай');
  await identity.getByRole('textbox', { name: ky.records.patronymic, exact: true }).fill('Маратовна');
  await page.getByLabel(kyLabel('sex')).selectOption('female');
  await page.getByLabel(kyLabel('birthDate')).fill('12.04.2013');
  await page.getByLabel(kyLabel('pin')).fill('11204201300555');
  await page.getByLabel(kyLabel('admittedOn')).fill('15.10.2025');
  await page.getByLabel(kyLabel('cameFrom')).selectOption('KG-N-KOC');
  await page.getByLabel(kyLabel('cameFromAddress')).fill('Кочкор айылы, Орозбеков көчөсү, 8');
  await page.getByRole('radiogroup', { name: kyLabel('hasParents') }).getByLabel(ky.records.yes).check();
  await page.getByRole('radiogroup', { name: kyLabel('hasRelatives') }).getByLabel(ky.records.yes).check();
  await page.getByRole('button', { name: ky.records.add.replace('{{item}}', relatives.itemLabel.ky) }).click();
  const row = page.getByRole('group', { name: ky.records.itemNumber.replace('{{item}}', relatives.itemLabel.ky).replace('{{number}}', '1') });
  await row.getByLabel(relativeLabel('relation')).selectOption('grandmother');
  await row.getByRole('textbox', { name: ky.records.surname, exact: true }).fill('Үсөнбаева');
  await row.getByRole('textbox', { name: ky.records.givenName, exact: true }).fill('Гүлсүн');
  await row.getByLabel(relativeLabel('contact')).fill('Кочкор, +996 555 123456');
  await page.getByRole('radiogroup', { name: kyLabel('disability') }).getByLabel(ky.records.yes).check();
  await page.getByLabel(kyLabel('disabilityGroup')).selectOption('childUnder18');
  await page.getByLabel(kyLabel('socialPayment')).selectOption('both');
  await page.getByLabel(kyLabel('assignedHousing')).fill('Кочкор айылындагы үй, энесинин атында');
  await page.getByLabel(kyLabel('otherProperty')).fill('Жок');
  await page.getByLabel(kyLabel('protectionPlan')).fill('Баланы коргоонун жеке планы № 14, 2025-жылдын 20-октябры');
  await page.getByLabel(kyLabel('rehabilitationPlan')).fill('Реабилитациялоонун жеке планы № 3');
  await page.getByLabel(kyLabel('placementTerm')).selectOption('temporary');
  await page.getByLabel(kyLabel('legalStatus')).selectOption('withParentsTemporary');
  await page.getByLabel(kyLabel('referringBody')).selectOption('childSupportDepartment');
  await page.getByLabel(kyLabel('placementReason')).selectOption('povertyHardship');
  await page.getByLabel(kyLabel('placementReasonNote')).fill('Энеси эмгек миграциясында');
  await page.getByLabel(kyLabel('photo')).setInputFiles(path.resolve(import.meta.dirname, '../../resources/icon.png'));
  await expect(page.getByRole('img', { name: ky.records.photoAlt })).toBeVisible();
  await expectAccessible(page, 'every field of the pupil card filled');
  await page.getByRole('button', { name: ky.records.save }).click();
  await expect(page.getByRole('heading', { name: ky.records.history })).toBeVisible();

  // Reopened from the list: every value is there.
  await page.getByRole('button', { name: pupilCard.title.ky, exact: true }).click();
  // A temporary placement since October 2025 is past six months: the dashboard says so (§8.3).
  await expect(page.getByRole('status').filter({ hasText: 'Үсөнбаева Бегимай Маратовна' })).toContainText('6 айдан ашты');
  await page.locator('.record-list').getByRole('button', { name: 'Үсөнбаева Бегимай Маратовна' }).click();
  await expect(page.getByLabel(kyLabel('protectionPlan'))).toHaveValue('Баланы коргоонун жеке планы № 14, 2025-жылдын 20-октябры');
  await expect(page.getByLabel(kyLabel('cameFrom'))).toHaveValue('KG-N-KOC');
  await expect(row.getByRole('textbox', { name: ky.records.givenName, exact: true })).toHaveValue('Гүлсүн');
  await expect(page.getByLabel(kyLabel('disabilityGroup'))).toHaveValue('childUnder18');
  await expect(page.getByRole('img', { name: ky.records.photoAlt })).toBeVisible();

  // A change of placement term is a new revision, named in the history.
  await page.getByLabel(kyLabel('placementTerm')).selectOption('longTerm');
  await page.getByRole('button', { name: ky.records.save }).click();
  await expect(page.getByText(ky.records.historyChanged.replace('{{fields}}', kyLabel('placementTerm')))).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'pupil-full-ky.png'), fullPage: true });
  await expectAccessible(page, 'changed pupil card with history');
});

test('what was typed survives the window closing: the draft is offered again and goes on (Russian)', async ({ page }) => {
  await signedInHolder(page);
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
  await page.getByRole('textbox', { name: ru.records.surname, exact: true }).fill('Жумабекова');
  await page.getByLabel(label('birthDate')).fill('01.02.2016');
  await expect(page.getByText(ru.records.draftSaved.split('{{')[0] ?? '')).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await expectAccessible(page, 'registry list with a draft');
  await page.getByRole('region', { name: ru.records.drafts }).getByRole('button', { name: ru.records.continueDraft }).click();
  await expect(page.getByRole('textbox', { name: ru.records.surname, exact: true })).toHaveValue('Жумабекова');
  await expect(page.getByLabel(label('birthDate'))).toHaveValue('01.02.2016');
});
