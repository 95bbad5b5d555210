import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { issueTestProfile } from '../support/testProfile';
import { signedInWorkstation } from './support/signedIn';
import { startWorkstation, type RunningWorkstation } from './support/workstation';
import { expectAccessible } from './support/accessibility';

// Issue 21: the operators' screen size.
test.use({ viewport: { width: 1366, height: 800 } });

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
const icon = path.resolve(import.meta.dirname, '../../resources/icon.png');
let workstation: RunningWorkstation | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

const ru = catalogues.ru;
const ky = catalogues.ky;
const label = (id: string) => pupilCard.sections.flatMap((section) => section.fields).find((field) => field.id === id)?.label.ru ?? id;

/** Width the longest option needs against the width the closed select shows text in (less padding and arrow). */
// The e2e tests compile without the DOM library: the little the page-side code uses, typed here.
interface Styles { fontWeight: string; fontSize: string; fontFamily: string; paddingLeft: string; paddingRight: string; outlineColor: string; outlineWidth: string }
interface PageWindow {
  getComputedStyle(element: unknown): Styles;
  document: { createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } | null } };
}
interface PageElement { clientWidth: number; textContent: string | null; options: ArrayLike<{ text: string }>; matches(selector: string): boolean }

/** Width the longest option needs against the width the closed select shows text in (less padding and arrow). */
const fit = (select: Locator) =>
  select.evaluate((element: PageElement) => {
    const view = globalThis as unknown as PageWindow;
    const style = view.getComputedStyle(element);
    const context = view.document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no canvas');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const longest = Array.from(element.options, (option) => ({ text: option.text, width: context.measureText(option.text).width })).sort((x, y) => y.width - x.width)[0];
    return { text: longest?.text ?? '', needs: Math.ceil(longest?.width ?? 0), has: element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20 };
  });

async function openPupilForm(page: Page) {
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
}

test('the pupil card at 1366×800 in Russian: a grouped territory choice narrowed by typing, whole option names, aligned name inputs, a translated photo button', async ({ page }) => {
  test.setTimeout(90_000);
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
  await openPupilForm(page);

  // The place of origin: Bishkek and Osh as their own group, then each region with its units.
  const cameFrom = page.getByLabel(label('cameFrom'));
  const groups = cameFrom.locator('optgroup');
  await expect(groups).toHaveCount(8);
  await expect(groups.first()).toHaveAttribute('label', ru.form.territoryCities);
  await expect(groups.first().locator('option')).toHaveText(['город Бишкек', 'город Ош']);
  await expect(cameFrom.locator('optgroup[label="Чуйская область"] option[value="KG-C-SOK"]')).toHaveText('Сокулукский район');

  // Typing narrows it to the matching units, still in their region's group; Enter takes the only one.
  const filter = page.getByLabel(ru.form.listFind);
  await filter.fill('сокул');
  await expect(page.getByRole('status').filter({ hasText: ru.form.listFound.replace('{{count}}', '1') })).toBeVisible();
  await expect(groups).toHaveCount(1);
  await expect(groups.first()).toHaveAttribute('label', 'Чуйская область');
  await expect(cameFrom.locator('option:not([value=""])')).toHaveText(['Сокулукский район']);
  await filter.press('Enter');
  await expect(cameFrom).toHaveValue('KG-C-SOK');
  await expect(page.getByRole('form').first()).toBeVisible(); // Enter did not submit the card
  await filter.fill('ош');
  await expect(cameFrom).toHaveValue('KG-C-SOK'); // the choice survives a search that hides it
  await filter.fill('нет такого места');
  await expect(page.getByText(ru.form.listNothing)).toBeVisible();
  await expectAccessible(page, 'territory choice narrowed to nothing');
  await filter.fill('');
  await expect(groups).toHaveCount(8);

  // The names the order names: "left without parental care" is a legal status.
  await page.getByLabel(label('legalStatus')).selectOption('withoutParentalCare');
  await expect(page.getByLabel(label('legalStatus')).locator('option:checked')).toHaveText('Оставшийся без попечения родителей');

  // Every select of the card shows its longest option whole when closed.
  for (const select of await page.locator('.field-grid select').all()) {
    const { text, needs, has } = await fit(select);
    expect(needs, `"${text}" is cut`).toBeLessThanOrEqual(has);
  }

  // Surname, name and patronymic sit on one line, whatever their labels' length (a label made to wrap).
  await page
    .locator('.name-part > label')
    .last()
    .evaluate((label: PageElement) => {
      label.textContent = [label.textContent, label.textContent, label.textContent].join(' ');
    });
  const inputs = page.locator('.name-part > input');
  await expect(inputs).toHaveCount(3);
  const tops = await Promise.all((await inputs.all()).map(async (input) => (await input.boundingBox())?.y));
  expect(new Set(tops).size, `input tops ${tops.join(', ')}`).toBe(1);

  // The photo: a translated button and "no file chosen"; the hidden input still takes a file.
  const photo = page.locator('.field--photo');
  await expect(photo.getByText(ru.form.fileChoose)).toBeVisible();
  await expect(photo.getByText(ru.form.fileNone)).toBeVisible();
  await page.getByLabel(label('photo')).setInputFiles(icon);
  await expect(photo.getByText('icon.png')).toBeVisible();
  await expect(photo.getByRole('img')).toBeVisible();

  await filter.fill('кара');
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'form-fit-ru.png'), fullPage: true });
  await expectAccessible(page, 'pupil card with a photo chosen');
});

test('in Kyrgyz: the profile file button, the failing password rule named, the lock screen speaks of the password only, a visible focus ring on the language switch', async ({ page }) => {
  test.setTimeout(90_000);
  const profile = await issueTestProfile({ operators: [{ username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' }] });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-profile-')), 'home-1.balaprofile');
  fs.writeFileSync(file, profile.file);
  workstation = await startWorkstation({ env: { LANG: 'ky_KG.UTF-8' } });
  await page.goto(workstation.url);

  // The profile's file choice: in Kyrgyz, not Chromium's English.
  await expect(page.getByText(ky.form.fileChoose)).toBeVisible();
  await expect(page.getByText(ky.form.fileNone)).toBeVisible();
  await expect(page.getByText('Choose File')).toHaveCount(0);
  await page.getByLabel(ky.access.orFile).setInputFiles(file);
  await expect(page.getByText(ky.access.fileChosen.replace('{{name}}', 'home-1.balaprofile'))).toBeVisible();
  await page.getByLabel(ky.access.codeLabel).fill(profile.code);
  await page.getByRole('button', { name: ky.access.activate }).click();
  await page.getByLabel(ky.access.username).fill('aigul');
  await page.getByLabel(ky.access.password, { exact: true }).fill('Generated-Pass-1');
  await page.getByRole('button', { name: ky.access.signIn }).click();

  // A weak new password: the failing rules are marked and named, tied to the field.
  await expect(page.getByRole('heading', { level: 1, name: ky.access.changeTitle })).toBeVisible();
  await page.getByLabel(ky.access.currentPassword).fill('Generated-Pass-1');
  const fresh = page.getByLabel(ky.access.newPassword, { exact: true });
  await fresh.fill('aigulpassword');
  await page.getByLabel(ky.access.repeatPassword).fill('aigulpassword');
  await page.getByRole('button', { name: ky.access.change }).click();
  const named = ky.access.rulesFailed.replace('{{rules}}', `${ky.passwordRules.tooSimple}; ${ky.passwordRules.containsUsername}`);
  const alert = page.getByRole('alert').filter({ hasText: named });
  await expect(alert).toBeVisible();
  await expect(page.locator('.rule--failed')).toHaveText([new RegExp(ky.passwordRules.tooSimple), new RegExp(ky.passwordRules.containsUsername)]);
  await expect(page.locator('.rule--met')).toHaveText([new RegExp(ky.passwordRules.tooShort.replace('{{min}}', '10'))]);
  const alertId = await alert.getAttribute('id');
  expect((await fresh.getAttribute('aria-describedby'))?.split(' ')).toContain(alertId);
  await expect(fresh).toHaveAttribute('aria-invalid', 'true');
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'form-fit-password-ky.png'), fullPage: true });
  await expectAccessible(page, 'password rule failing');
  await fresh.fill('Жаңы-сырсөз-2026');
  await page.getByLabel(ky.access.repeatPassword).fill('Жаңы-сырсөз-2026');
  await page.getByRole('button', { name: ky.access.change }).click();
  await expect(page.getByRole('heading', { level: 1, name: pupilCard.title.ky })).toBeVisible();

  // The header's language switch: a yellow ring on the blue bar when reached by keyboard.
  await page.keyboard.press('Escape');
  const languageSwitch = page.locator('.top-bar').getByLabel(ky.language.label);
  await languageSwitch.focus();
  const ring = await languageSwitch.evaluate((element: PageElement) => {
    const style = (globalThis as unknown as PageWindow).getComputedStyle(element);
    return { visible: element.matches(':focus-visible'), colour: style.outlineColor, width: style.outlineWidth };
  });
  expect(ring).toEqual({ visible: true, colour: 'rgb(255, 212, 71)', width: '3px' });

  // Locked: a wrong password is said to be wrong — no word of a user name the screen does not ask.
  await page.getByRole('button', { name: ky.access.lock, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: ky.access.lockedTitle })).toBeVisible();
  await page.getByLabel(ky.access.password, { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: ky.access.unlock }).click();
  await expect(page.getByRole('alert')).toHaveText(ky.access.passwordWrong);
  await expect(page.getByText(ky.errors.WRONG_PASSWORD)).toHaveCount(0);
  await page.screenshot({ path: path.join(artifacts, 'form-fit-locked-ky.png'), fullPage: true });
  await expectAccessible(page, 'locked (form fit)');
});
