import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { startCentralServer, type CentralServer } from './support/centralServer';
import { fillPupil } from './support/pupilForm';
import { activateAndSignIn } from './support/issuedProfile';
import { startWorkstation, type RunningWorkstation } from './support/workstation';
import { translated } from './support/translated';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
const ru = catalogues.ru;
let workstation: RunningWorkstation | undefined;
let other: RunningWorkstation | undefined;
let server: CentralServer | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  await other?.stop();
  await server?.stop();
  workstation = undefined;
  other = undefined;
  server = undefined;
});

const plansLabel = pupilCard.sections.flatMap((section) => section.fields).find((field) => field.id === 'protectionPlan')?.label.ru ?? '';

test('a pupil entered offline reaches the server once it runs, and the institution’s second workstation receives it', async ({ page }) => {
  test.setTimeout(180_000);
  server = await startCentralServer({ running: false });
  await server.admin('agency', 'add', '--name', 'Сокулук балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41708', '--tin', '03345678901234', '--id', 'sokuluk-home');
  const dir = path.dirname(server.dataDir);
  const issue = async (username: string, name: string) => {
    const user = await server?.admin<{ password: string }>('user', 'add', '--username', username, '--agency', 'sokuluk-home', '--role', 'data_holder', '--valid-days', '90', '--name', name);
    const file = path.join(dir, `${username}.balaprofile`);
    const issued = await server?.admin<{ activationCode: string }>('workstation', 'issue', '--agency', 'sokuluk-home', '--users', username, '--out', file, '--name', `Сокулук — ${username}`);
    return { password: user?.password ?? '', code: issued?.activationCode ?? '', file };
  };
  const first = await issue('bakyt', 'Бакыт Осмонов');
  const second = await issue('aida', 'Аида Жумабекова');

  // The server is not running: the operator works offline.
  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await activateAndSignIn(page, workstation, first.file, first.code, 'bakyt', first.password, 'Сокулук-пароль-2026');
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
  await fillPupil(page, 'Сатыбалдиева', 'Нурайым', '14.05.2013', '11405201300077');
  await page.getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByText(translated('ru', 'sync.pending', { count: 1 }))).toBeVisible();
  await page.getByRole('button', { name: ru.sync.syncNow }).click();
  await expect(page.getByTestId('sync-state')).toHaveText(ru.sync.offline);
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'sync-offline-ru.png'), fullPage: true });
  await expectAccessible(page, 'sync: server offline');

  // The server starts: "Sync now" delivers the pupil.
  await server.start();
  await page.getByRole('button', { name: ru.sync.syncNow }).click();
  await expect(page.getByTestId('sync-state')).toHaveText(ru.sync.synced, { timeout: 30_000 });
  await expect(page.getByText(ru.sync.nothingPending)).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'sync-synced-ru.png'), fullPage: true });
  await expectAccessible(page, 'sync: synced');

  const listed = await server.admin<{ id: string; agencyId: string }[]>('records', 'list', '--form', pupilCard.id);
  expect(listed).toHaveLength(1);
  expect(listed[0]?.agencyId).toBe('sokuluk-home');
  const shown = await server.admin<{ values: { name: { surname: string }; pin: string }; revisions: { author: string }[] }>('records', 'show', listed[0]?.id ?? '');
  expect(shown.values.name.surname).toBe('Сатыбалдиева');
  expect(shown.values.pin).toBe('11405201300077');
  expect(shown.revisions.map((revision) => revision.author)).toEqual(['bakyt']);

  // The second workstation of the same institution receives it.
  await workstation.stop();
  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await activateAndSignIn(page, workstation, second.file, second.code, 'aida', second.password, 'Аида-пароль-2026');
  await page.getByRole('button', { name: ru.sync.syncNow }).click();
  await expect(page.getByTestId('sync-state')).toHaveText(ru.sync.synced, { timeout: 30_000 });
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await expect(page.getByText('Сатыбалдиева Нурайым')).toBeVisible();
});

test('two workstations change the same section: the second operator sees both versions side by side and keeps their own', async ({ page, context }) => {
  test.setTimeout(180_000);
  server = await startCentralServer();
  await server.admin('agency', 'add', '--name', 'Токмок балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41708', '--tin', '03345678901299', '--id', 'tokmok-home');
  const dir = path.dirname(server.dataDir);
  const issue = async (username: string, name: string) => {
    const user = await server?.admin<{ password: string }>('user', 'add', '--username', username, '--agency', 'tokmok-home', '--role', 'data_holder', '--valid-days', '90', '--name', name);
    const file = path.join(dir, `${username}.balaprofile`);
    const issued = await server?.admin<{ activationCode: string }>('workstation', 'issue', '--agency', 'tokmok-home', '--users', username, '--out', file, '--name', `Токмок — ${username}`);
    return { password: user?.password ?? '', code: issued?.activationCode ?? '', file };
  };
  const first = await issue('nurlan', 'Нурлан Токтогулов');
  const second = await issue('zamira', 'Замира Алиева');
  const syncNow = async (on: Page) => {
    await on.getByRole('button', { name: ru.sync.syncNow }).click();
    await expect(on.getByTestId('sync-state')).toHaveText(ru.sync.synced, { timeout: 30_000 });
  };

  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await activateAndSignIn(page, workstation, first.file, first.code, 'nurlan', first.password, 'Токмок-пароль-2026');
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
  await fillPupil(page, 'Токтосунова', 'Айжан', '03.03.2014', '10303201400031');
  await page.getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByText(ru.records.historyCreated)).toBeVisible();
  await syncNow(page);

  other = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  const page2 = await context.newPage();
  await activateAndSignIn(page2, other, second.file, second.code, 'zamira', second.password, 'Замира-пароль-2026');
  await syncNow(page2);
  await page2.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page2.locator('.record-list').getByRole('button', { name: 'Токтосунова Айжан' }).click();

  // Both change the protection plan; the first delivers first.
  await page.getByLabel(plansLabel).fill('Вернуть в общеобразовательную школу');
  await page.getByRole('button', { name: ru.records.save }).click();
  await syncNow(page);
  await page2.getByLabel(plansLabel).fill('Занятия с логопедом и психологом');
  await page2.getByRole('button', { name: ru.records.save }).click();
  await page2.getByRole('button', { name: ru.sync.syncNow }).click();
  // The status strip says a decision is needed, and leads to the due work where it waits.
  await page2.getByRole('button', { name: translated('ru', 'sync.attention', { count: 1 }) }).click({ timeout: 30_000 });

  const conflict = page2.getByRole('article', { name: ru.sync.conflictTitle.replace('{{title}}', 'Токтосунова Айжан') });
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  await expect(conflict.getByText('Вернуть в общеобразовательную школу')).toBeVisible();
  await expect(conflict.getByText('Занятия с логопедом и психологом')).toBeVisible();
  await expect(page2.getByText(translated('ru', 'sync.attention', { count: 1 }))).toBeVisible();
  fs.mkdirSync(artifacts, { recursive: true });
  await page2.screenshot({ path: path.join(artifacts, 'sync-conflict-ru.png'), fullPage: true });
  await expectAccessible(page2, 'the sync conflict');
  await conflict.getByLabel(ru.sync.keepMine).check();
  await conflict.getByRole('button', { name: ru.sync.resolve }).click();
  await expect(conflict).toBeHidden();
  await syncNow(page2);
  await expect(page2.getByText(ru.sync.nothingPending)).toBeVisible();

  const listed = await server.admin<{ id: string }[]>('records', 'list', '--form', pupilCard.id);
  const shown = await server.admin<{ values: { protectionPlan: string }; revisions: { author: string }[] }>('records', 'show', listed[0]?.id ?? '');
  expect(shown.values.protectionPlan).toBe('Занятия с логопедом и психологом');
  expect(shown.revisions.map((revision) => revision.author)).toEqual(['nurlan', 'nurlan', 'zamira']);
});
