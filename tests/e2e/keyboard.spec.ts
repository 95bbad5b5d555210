import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { issueTestProfile } from '../support/testProfile';
import { arrowTo, expectFocusRing, tabTo } from './support/keyboard';
import { startWorkstation, type RunningWorkstation } from './support/workstation';
import { translated } from './support/translated';

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

test('the main journey by keyboard only: activation, sign-in, a new pupil, save, the paper copy (Russian)', async ({ page }) => {
  test.setTimeout(120_000);
  const profile = await issueTestProfile({ operators: [{ username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова', mustChangePassword: false }] });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-profile-')), 'workstation.balaprofile');
  fs.writeFileSync(file, profile.file);
  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await page.goto(workstation.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.firstRun.title);

  // Activation: the profile's file choice is reached and opened from the keyboard; the file itself is
  // picked in the operating system's dialog, which is not the page's, so only that step uses setFiles.
  const fileInput = page.getByLabel(ru.access.orFile);
  // Listening first: Playwright turns on Chromium's file-chooser interception when the first
  // listener is added, asynchronously; a key pressed before that opens no interceptable chooser.
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, fileInput);
  await page.keyboard.press('Space');
  await (await chooser).setFiles(file);
  await expect(page.getByText(ru.access.fileChosen.replace('{{name}}', 'workstation.balaprofile'))).toBeVisible();
  const code = page.getByLabel(ru.access.codeLabel);
  await tabTo(page, code);
  await page.keyboard.type(profile.code);
  await tabTo(page, page.getByRole('button', { name: ru.access.activate }));
  await page.keyboard.press('Enter');

  // Sign-in: the name field has the focus; Tab to the password, Enter signs in.
  await expect(page.getByRole('heading', { level: 1, name: ru.access.signInTitle })).toBeVisible();
  const username = page.getByLabel(ru.access.username);
  await expect(username).toBeFocused();
  await expectFocusRing(page);
  await page.keyboard.type('aigul');
  await tabTo(page, page.getByLabel(ru.access.password, { exact: true }));
  await page.keyboard.type('Generated-Pass-1');
  await page.keyboard.press('Enter');

  // The pupils' register; its "new" action, then the new card's title has the focus.
  await expect(page.getByRole('heading', { level: 1, name: pupilCard.title.ru })).toBeVisible();
  const newTitle = ru.records.newRecord.replace('{{form}}', pupilCard.title.ru);
  await tabTo(page, page.getByRole('button', { name: newTitle }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: newTitle })).toBeFocused();

  // The required fields, in the order of the card (see support/pupilForm.ts).
  const type = async (target: Locator, text: string) => {
    await tabTo(page, target);
    await page.keyboard.type(text);
    await expect(target).toHaveValue(text);
  };
  const choose = async (id: string, value: string) => {
    const select = page.getByLabel(label(id));
    await tabTo(page, select);
    await arrowTo(page, select, value);
  };
  const answerNo = async (id: string) => {
    const group = page.getByRole('radiogroup', { name: label(id) });
    await tabTo(page, group.getByLabel(ru.records.yes));
    await page.keyboard.press('ArrowDown');
    await expect(group.getByLabel(ru.records.no)).toBeChecked();
    await expect(group.getByLabel(ru.records.no)).toBeFocused();
    await expectFocusRing(page);
  };
  await type(page.getByRole('textbox', { name: ru.records.surname, exact: true }), 'Асанова');
  await type(page.getByRole('textbox', { name: ru.records.givenName, exact: true }), 'Айпери');
  await choose('sex', 'female');
  await type(page.getByLabel(label('birthDate')), '08.03.2015');
  await type(page.getByLabel(label('pin')), '10803201500123');
  await type(page.getByLabel(label('admittedOn')), '02.09.2024');
  // The territory: typed into its filter, Enter takes the only match and gives the focus to the list.
  await type(page.getByLabel(ru.form.listFind), 'сокул');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(label('cameFrom'))).toHaveValue('KG-C-SOK');
  await expect(page.getByLabel(label('cameFrom'))).toBeFocused();
  for (const id of ['hasParents', 'hasRelatives', 'disability']) await answerNo(id);
  await choose('socialPayment', 'survivorPension');
  await choose('placementTerm', 'longTerm');
  await choose('legalStatus', 'orphan');
  await choose('referringBody', 'court');
  await choose('placementReason', 'parentsDied');

  // Save: the record opens as its own view, titled with the child's name.
  await tabTo(page, page.getByRole('button', { name: ru.records.save }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: ru.workspace.savedNew })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Асанова Айпери' })).toBeFocused();

  // The paper copy: from the section index, then the panel's own controls, Enter prints.
  const index = page.getByRole('navigation', { name: ru.workspace.sections });
  await tabTo(page, index.getByRole('button', { name: ru.workspace.paperCopy }));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: ru.print.printTitle });
  const printLanguage = panel.getByLabel(ru.print.language);
  await tabTo(page, printLanguage, { max: 3 });
  await arrowTo(page, printLanguage, 'ky');
  await tabTo(page, panel.getByLabel(ru.print.headName), { max: 2 });
  await page.keyboard.type('Сейитова Айгүл Бакытовна');
  const printButton = panel.getByRole('button', { name: ru.print.print, exact: true });
  await tabTo(page, printButton, { max: 2 });
  // The copy opens in a tab of its own, as in print.spec.ts.
  const opened = page.waitForResponse((response) => response.url().endsWith('/api/call/print.open'));
  const tab = page.context().waitForEvent('page');
  await page.keyboard.press('Enter');
  expect(((await (await opened).json()) as { ok: boolean }).ok).toBe(true);
  await tab;
  await expect(panel.getByText(translated('ru', 'print.ready', { cards: 1, pages: 2 }))).toBeVisible();
});
