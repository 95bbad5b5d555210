import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import type { Language } from '../../shared/i18n/languages';
import { institutionCard } from '../../shared/packs/kg-residential/forms/institutionCard';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { kgResidentialRoleDefs as kgRoles, kgResidentialRoles } from '../../shared/packs/kg-residential/roles';
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
test.use({ viewport: { width: 1366, height: 800 } });

const nav = (page: Page) => page.getByRole('navigation', { name: catalogues.ru.workspace.nav });

async function shoot(page: Page, name: string) {
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** The five views of the workbench, in one language, each saved as a 1366×800 screenshot. */
async function visitViews(page: Page, language: Language, childName: string) {
  const c = catalogues[language];
  const side = page.getByRole('navigation', { name: c.workspace.nav });
  await side.getByRole('button', { name: pupilCard.title[language], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: pupilCard.title[language] })).toBeInViewport();
  await shoot(page, `workspace-list-${language}`);
  await expectAccessible(page, `registry list (${language})`);
  await page.getByRole('button', { name: childName }).click();
  await expect(page.getByRole('heading', { level: 1, name: childName })).toBeInViewport();
  await expect(page.getByRole('navigation', { name: c.workspace.sections })).toBeVisible();
  await shoot(page, `workspace-record-${language}`);
  await expectAccessible(page, `saved record view (${language})`);
  await side.getByRole('button', { name: c.workspace.dashboard }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.workspace.dashboardTitle })).toBeInViewport();
  await shoot(page, `workspace-dashboard-${language}`);
  await expectAccessible(page, `dashboard (${language})`);
  await side.getByRole('button', { name: c.reports.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.reports.title })).toBeInViewport();
  await shoot(page, `workspace-statistics-${language}`);
  await expectAccessible(page, `statistics (${language})`);
  await side.getByRole('button', { name: c.workspace.exchange, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.workspace.exchangeTitle })).toBeInViewport();
  await expect(page.getByRole('region', { name: c.handover.title })).toBeVisible();
  await shoot(page, `workspace-exchange-${language}`);
  await expectAccessible(page, `exchange (${language})`);
}

test('the workbench: the registry list on the first screen, a saved card confirmed in its own view, every view in Russian and Kyrgyz', async ({ page }) => {
  test.setTimeout(120_000);
  const ru = catalogues.ru;
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });

  // The data holder lands on the pupils' register, on the first screen, with its "new" action.
  await expect(page.getByRole('heading', { level: 1, name: pupilCard.title.ru })).toBeInViewport();
  const newPupil = page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) });
  await expect(newPupil).toBeInViewport();
  await expect(nav(page).getByRole('button', { name: pupilCard.title.ru, exact: true })).toHaveAttribute('aria-current', 'page');

  // A new card is its own view: focus on its title, the index of its sections beside it.
  await newPupil.click();
  await expect(page.getByRole('heading', { level: 1, name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) })).toBeFocused();
  await expectAccessible(page, 'new pupil card');
  await page.getByRole('navigation', { name: ru.workspace.sections }).getByRole('button', { name: pupilCard.sections[pupilCard.sections.length - 1]?.title.ru }).click();
  await fillPupil(page, 'Асанова', 'Айпери', '08.03.2015', '10803201500123');
  // The action bar stays in reach wherever the operator is in the long form.
  await expect(page.getByRole('button', { name: ru.records.save })).toBeInViewport();
  await page.getByRole('button', { name: ru.records.save }).click();

  // Saved: said so, and the record opens as its own view titled with the child's name.
  await expect(page.getByRole('status').filter({ hasText: ru.workspace.savedNew })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Асанова Айпери' })).toBeVisible();
  await expect(page.getByRole('heading', { name: ru.records.history })).toBeVisible();

  // The institution card is kept by the system operator: the data holder is told so, not left with an empty list.
  await nav(page).getByRole('button', { name: institutionCard.title.ru, exact: true }).click();
  const keepers = kgRoles.filter((role) => institutionCard.access?.edit?.includes(role.id)).map((role) => role.names.ru);
  const holder = kgRoles.find((role) => role.id === kgResidentialRoles.dataHolder);
  await expect(page.getByText(ru.workspace.keptBy.replace('{{roles}}', keepers.join(', ')).replace('{{role}}', holder?.names.ru ?? ''))).toBeVisible();
  await expect(page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', institutionCard.title.ru) })).toHaveCount(0);
  await expectAccessible(page, 'institution card kept by another role');

  await visitViews(page, 'ru', 'Асанова Айпери');
  await page.getByLabel(ru.language.label).selectOption('ky');
  await expect(page.getByRole('navigation', { name: catalogues.ky.workspace.nav })).toBeVisible();
  await visitViews(page, 'ky', 'Асанова Айпери');
});

test('leaving a card within a second of typing keeps the last keystrokes as a named draft', async ({ page }) => {
  const ru = catalogues.ru;
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
  await page.getByRole('textbox', { name: ru.records.surname, exact: true }).fill('Токтогулова');
  await page.getByRole('textbox', { name: ru.records.givenName, exact: true }).fill('Айдай');
  // At once, before the autosave's delay: to the due work, where unfinished cards wait.
  await nav(page).getByRole('button', { name: ru.workspace.dashboard }).click();
  await expect(page.getByRole('region', { name: ru.records.drafts }).getByText('Токтогулова Айдай')).toBeVisible();
});
