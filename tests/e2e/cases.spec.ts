import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { localToday } from '../../shared/forms/dates';
import { addWorkingDays } from '../../shared/forms/workingDays';
import { formatDate } from '../../shared/i18n/format';
import { catalogues } from '../../shared/i18n/catalogues';
import type { Language } from '../../shared/i18n/languages';
import { kgDifficultPack } from '../../shared/packs/kg-difficult/pack';
import { kgDifficultWorkflow as workflow } from '../../shared/packs/kg-difficult/workflow';
import { calendarDate } from '../../shared/workflows/localTime';
import { expectAccessible } from './support/accessibility';
import { caseWorkstation, registerChild, signIn } from './support/childCase';
import { translated } from './support/translated';
import type { RunningWorkstation } from './support/workstation';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
// Tall enough that a screenshot of the whole case panel is not taken under the sticky status strip.
test.use({ viewport: { width: 1280, height: 1400 } });
let workstation: RunningWorkstation | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

const calendar = kgDifficultPack.calendar;
const named = (items: readonly { id: string; names: Record<Language, string> }[], id: string, language: Language) => {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(id);
  return found.names[language];
};
const step = (id: string, language: Language) => named(workflow.steps, id, language);
const state = (id: string, language: Language) => named(workflow.states, id, language);
const transition = (id: string, language: Language) => named(workflow.transitions, id, language);
/** A `YYYY-MM-DD` as the window writes it in `language` (the catalogue's long date). */
const longDate = (date: string, language: Language) => {
  const [year, month, day] = date.split('-').map(Number);
  return formatDate(new Date(year ?? 0, (month ?? 1) - 1, day ?? 1), language);
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const specialist = { username: 'aizada', password: 'Generated-Pass-1', displayName: 'Айзада Токтогулова', role: 'kgd_specialist' };
const territorial = { username: 'bakyt', password: 'Generated-Pass-2', displayName: 'Бакыт Осмонов', role: 'kgd_territorial' };

/**
 * The child is found "today": the day the form accepts as today (the machine's, as every date
 * field's "not in the future" reads it). The backend's clock is not fixed in browser mode: the
 * deadlines below are computed from the real today with the pack's own calendar, as the engine does.
 */
function expectedDeadlines() {
  const foundOn = localToday();
  const registeredOn = calendarDate(calendar, new Date());
  return { foundOn, initialInformation: addWorkingDays(calendar, registeredOn, 2), assessment: addWorkingDays(calendar, foundOn, 7) };
}

const dashboardButton = (page: Page, language: Language) => page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${escape(catalogues[language].workspace.dashboard)}`) });
const panelOf = (page: Page, language: Language) => page.getByRole('region', { name: workflow.title[language] });
const tasksOf = (page: Page, language: Language) => page.getByRole('region', { name: catalogues[language].cases.tasksTitle });

for (const language of ['ky', 'ru'] as const) {
  test(`a specialist registers a child found today; the dashboard lists its steps with their due dates; taking a step moves the case (${language})`, async ({ page }) => {
    test.setTimeout(120_000);
    const c = catalogues[language];
    workstation = await caseWorkstation(page, language, [specialist]);
    const due = expectedDeadlines();
    await registerChild(page, language, { surname: 'Асанова', givenName: 'Айгерим', birth: '2014-05-12', pin: '11205201400123', foundOn: due.foundOn });

    // The case panel on the child's record: identified, registered on time, the two next steps open with their dates.
    const panel = panelOf(page, language);
    await expect(panel).toBeVisible();
    await expect(panel.locator('[data-state]')).toHaveText(state('identified', language));
    const row = (id: string) => panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: step(id, language), exact: true }) });
    await expect(row('registered')).toContainText(translated(language, 'cases.stepOnTime'));
    await expect(row('initialInformation')).toContainText(longDate(due.initialInformation, language));
    await expect(row('assessment')).toContainText(longDate(due.assessment, language));
    await expect(panel.getByText(c.cases.historyEmpty)).toBeVisible();
    fs.mkdirSync(artifacts, { recursive: true });
    await panel.screenshot({ path: path.join(artifacts, `case-panel-new-${language}.png`) });

    // What I must do: the initial information, then the assessment, each with its due date and badge; a click opens the child.
    await dashboardButton(page, language).click();
    const tasks = tasksOf(page, language).getByRole('listitem');
    await expect(tasks).toHaveCount(2);
    await expect(tasks.nth(0)).toContainText(step('initialInformation', language));
    await expect(tasks.nth(0)).toContainText(translated(language, 'cases.taskDue', { date: longDate(due.initialInformation, language) }));
    await expect(tasks.nth(1)).toContainText(step('assessment', language));
    await expect(tasks.nth(1)).toContainText(translated(language, 'cases.taskDue', { date: longDate(due.assessment, language) }));
    for (const task of [tasks.nth(0), tasks.nth(1)]) {
      await expect(task).toContainText('Асанова Айгерим');
      await expect(task).not.toContainText(c.cases.stepOverdue);
    }
    await page.screenshot({ path: path.join(artifacts, `case-dashboard-${language}.png`), fullPage: true });
    await expectAccessible(page, `dashboard with case steps (${language})`);
    await tasks.nth(0).getByRole('button', { name: 'Асанова Айгерим' }).click();

    // Taking a step, double-clicked: recorded once, the state moves, the history says who did what.
    await panel.getByRole('button', { name: transition('enterInitialInformation', language), exact: true }).dblclick();
    await expect(panel.locator('[data-state]')).toHaveText(state('initialInformation', language));
    await expect(panel.getByText(c.cases.recorded)).toBeVisible();
    const history = panel.getByRole('region', { name: c.cases.history }).getByRole('listitem');
    await expect(history).toHaveCount(1);
    await expect(history.first()).toContainText(translated(language, 'cases.eventTake', { transition: transition('enterInitialInformation', language) }));
    await expect(history.first()).toContainText(specialist.username);
    await expect(panel.getByRole('alert')).toHaveText('');
    await expect(row('initialInformation')).toContainText(longDate(calendarDate(calendar, new Date()), language));
    await expect(panel.getByRole('button', { name: transition('enterAssessment', language), exact: true })).toBeEnabled();
    await panel.screenshot({ path: path.join(artifacts, `case-panel-taken-${language}.png`) });
    await expectAccessible(page, `case panel after a step (${language})`);

    // The dashboard now lists the assessment only.
    await dashboardButton(page, language).click();
    await expect(tasks).toHaveCount(1);
    await expect(tasks.first()).toContainText(step('assessment', language));

    // Someone else enters the assessment meanwhile (the API, behind the panel's back): the button the
    // panel still shows is refused with the translated reason, and the panel shows the case as it is now.
    await tasks.first().getByRole('button', { name: 'Асанова Айгерим' }).click();
    const stale = panel.getByRole('button', { name: transition('enterAssessment', language), exact: true });
    await expect(stale).toBeEnabled();
    const token = workstation.token;
    const taken = await page.evaluate(async (bearer) => {
      const call = async (name: string, input: unknown) =>
        (await (await fetch(`/api/call/${name}`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) })).json()) as { ok: boolean; value?: unknown };
      const open = (await call('cases.tasks', {})) as { value: { recordId: string }[] };
      const recordId = open.value[0]?.recordId ?? '';
      return call('cases.act', { recordId, action: 'take', transition: 'enterAssessment' });
    }, token);
    expect(taken, JSON.stringify(taken)).toMatchObject({ ok: true });
    await stale.click();
    await expect(panel.getByRole('alert')).toHaveText(translated(language, 'workflow.WRONG_STATE'));
    await expect(panel.locator('[data-state]')).toHaveText(state('assessment', language));
    await panel.screenshot({ path: path.join(artifacts, `case-panel-refused-${language}.png`) });
  });
}

test('a request needs its comment, waits for approval with who asked and when, is withdrawn; a territorial reader of the same agency sees the case without buttons (Russian)', async ({ page }) => {
  test.setTimeout(120_000);
  const language = 'ru';
  const c = catalogues[language];
  workstation = await caseWorkstation(page, language, [specialist, territorial]);
  const due = expectedDeadlines();
  await registerChild(page, language, { surname: 'Бекова', givenName: 'Нурай', birth: '2015-03-08', pin: '10803201500123', foundOn: due.foundOn });
  const panel = panelOf(page, language);
  const closeWithout = transition('closeWithoutAssessment', language);

  // A request without its comment is not sent; with it, it waits for approval.
  await panel.getByRole('button', { name: translated(language, 'cases.request', { transition: closeWithout }) }).click();
  await panel.getByRole('button', { name: c.cases.sendRequest }).click();
  await expect(panel.getByText(c.cases.commentRequired)).toBeVisible();
  await panel.getByLabel(c.cases.requestComment).fill('Ребёнок возвращён родителям, оценка не требуется');
  await panel.getByRole('button', { name: c.cases.sendRequest }).click();
  await expect(panel.getByText(translated(language, 'cases.pending', { transition: closeWithout }))).toBeVisible();
  await expect(panel.getByText(new RegExp(`^Запросил\\(а\\) ${specialist.username}`))).toBeVisible();
  await expect(panel.getByText(translated(language, 'cases.comment', { comment: 'Ребёнок возвращён родителям, оценка не требуется' })).first()).toBeVisible();
  // While it waits, nothing else may be taken: the steps' buttons are gone, withdrawing is offered.
  await expect(panel.getByRole('button', { name: transition('enterInitialInformation', language), exact: true })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: c.cases.cancelRequest })).toBeEnabled();
  await panel.screenshot({ path: path.join(artifacts, 'case-panel-pending-ru.png') });
  await expectAccessible(page, 'case panel with a pending request');

  // The territorial department of the same agency may not consent (§20: another agency): it reads, without buttons.
  await page.getByRole('button', { name: c.access.signOut }).click();
  await signIn(page, language, territorial);
  await page.getByRole('listitem').filter({ hasText: 'Бекова Нурай' }).getByRole('button').first().click();
  await expect(panel).toBeVisible();
  await expect(panel.getByText(translated(language, 'cases.pending', { transition: closeWithout }))).toBeVisible();
  await expect(panel.getByRole('button')).toHaveCount(0);
  await expect(panel.getByText(c.cases.noActions)).toBeVisible();
  await panel.screenshot({ path: path.join(artifacts, 'case-panel-reader-ru.png') });

  // Back as the specialist: the request is withdrawn, and the history keeps both.
  await page.getByRole('button', { name: c.access.signOut }).click();
  await signIn(page, language, specialist);
  await page.getByRole('listitem').filter({ hasText: 'Бекова Нурай' }).getByRole('button').first().click();
  await panel.getByRole('button', { name: c.cases.cancelRequest }).click();
  const history = panel.getByRole('region', { name: c.cases.history }).getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(c.cases.eventCancel);
  await expect(history.nth(1)).toContainText(translated(language, 'cases.eventRequest', { transition: closeWithout }));
  await expect(panel.getByRole('button', { name: transition('enterInitialInformation', language), exact: true })).toBeVisible();
});
