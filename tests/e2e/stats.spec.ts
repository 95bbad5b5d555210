import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { kgStatistics } from '../../shared/packs/kg-residential/reports/statistics';
import { samplePupil } from '../support/pupilSamples';
import { signedInWorkstation } from './support/signedIn';
import type { RunningWorkstation } from './support/workstation';
import { translated } from './support/translated';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
let workstation: RunningWorkstation | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

const ru = catalogues.ru;
const byRegion = kgStatistics.tables.find((table) => table.id === 'pupilsByRegionOfOrigin');
// Districts of Osh region and of Chüy region: what the seeded children came from.
const origins = ['KG-O-ALA', 'KG-O-ARA', 'KG-C-SOK', 'KG-C-JAY', 'KG-GB'];

/** Saves pupil cards through the browser-mode API, as the window would (validated, deadlines, outbox). */
async function seedPupils(running: RunningWorkstation, count: number): Promise<number> {
  let fromOsh = 0;
  for (let i = 0; i < count; i += 1) {
    const cameFrom = origins[i % origins.length] ?? 'KG-GB';
    if (cameFrom.startsWith('KG-O-')) fromOsh += 1;
    const values = samplePupil(i, { cameFrom, disability: i % 4 === 0, ...(i % 4 === 0 ? { disabilityGroup: 'childUnder18' } : {}), placementTerm: i % 3 === 0 ? 'temporary' : 'longTerm', admittedOn: '2025-09-01' });
    const response = await fetch(`${running.origin}/api/call/records.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { formId: 'kg-residential.pupil', values, newDespiteDuplicates: 'e2e seed' } }),
    });
    const answer = (await response.json()) as { ok: boolean; error?: { message: string } };
    if (!answer.ok) throw new Error(`seed ${i}: ${answer.error?.message ?? response.status}`);
  }
  return fromOsh;
}

test('statistics in Russian: the report as tables and charts, filtered by region, downloaded as a workbook', async ({ page }) => {
  test.setTimeout(120_000);
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
  await expect(page.getByRole('button', { name: ru.reports.title, exact: true })).toBeVisible();
  const fromOsh = await seedPupils(workstation, 30);

  await page.getByRole('button', { name: ru.reports.title, exact: true }).click();
  await expect(page.getByRole('heading', { name: ru.reports.title, level: 1 })).toBeVisible();
  // The period opens on the reporting year so far: 1 January of this year to today.
  const today = new Date();
  const shown = (day: Date) => `${String(day.getDate()).padStart(2, '0')}.${String(day.getMonth() + 1).padStart(2, '0')}.${day.getFullYear()}`;
  await expect(page.getByRole('textbox', { name: ru.reports.from, exact: true })).toHaveValue(`01.01.${today.getFullYear()}`);
  await expect(page.getByRole('textbox', { name: ru.reports.to, exact: true })).toHaveValue(shown(today));
  const regionTable = page.getByRole('table', { name: byRegion?.title.ru ?? '' });
  const grandTotal = regionTable.locator('tfoot td').nth(2);
  await expect(grandTotal).toHaveText('30');
  await expect(page.getByRole('img', { name: ru.reports.chartOf.replace('{{title}}', byRegion?.title.ru ?? '') })).toBeVisible();

  // Only the children who came from Osh region.
  await page.getByRole('combobox', { name: ru.reports.region, exact: true }).selectOption('KG-O');
  await expect(grandTotal).toHaveText(String(fromOsh));
  await expect(regionTable.locator('tbody tr').filter({ hasText: 'Ошская область' }).locator('td').nth(2)).toHaveText(String(fromOsh));
  fs.mkdirSync(artifacts, { recursive: true });
  await page.getByRole('heading', { name: ru.reports.title, level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'stats-ru.png') });
  await regionTable.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'stats-region-ru.png') });
  await expectAccessible(page, 'statistics filtered by region');

  // A chart as PNG, and the workbook for the same filter.
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: ru.reports.savePng }).first().click();
  expect((await png).suggestedFilename()).toMatch(/\.png$/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: ru.reports.download }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kg-residential\.statistics_.*\.xlsx$/);
  const saved = path.join(workstation.dataDir, 'downloaded.xlsx');
  await file.saveAs(saved);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved);
  expect(workbook.worksheets[0]?.name).toBe(ru.reports.coverSheet);
  const sheet = workbook.worksheets.find((candidate) => candidate.getCell('A1').value === byRegion?.title.ru);
  const lastRow = sheet?.lastRow;
  const total = lastRow?.getCell(4).value;
  expect(typeof total === 'object' && total !== null && 'result' in total ? total.result : total).toBe(fromOsh);

  // The list of pupils (personal: this role sees pupil cards), for the same region.
  const listDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: ru.reports.downloadList.replace('{{title}}', 'Список воспитанников') }).click();
  const listFile = path.join(workstation.dataDir, 'pupils.xlsx');
  await (await listDownload).saveAs(listFile);
  const listBook = new ExcelJS.Workbook();
  await listBook.xlsx.readFile(listFile);
  expect(listBook.worksheets[1]?.rowCount).toBe(fromOsh + 1);

  // Criteria search: a name opens the record.
  await page.getByRole('combobox', { name: 'Срок устройства', exact: true }).selectOption('temporary');
  await page.getByRole('button', { name: ru.reports.search }).click();
  const found = page.getByRole('status').filter({ hasText: translated('ru', 'reports.found', { count: 10 }) });
  await expect(found).toBeVisible();
  await expect(found.getByRole('button')).toHaveCount(10);
  await expectAccessible(page, 'criteria search results');
  const first = await found.getByRole('button').first().textContent();
  await found.getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: ru.records.history })).toBeVisible();
  await expect(page.getByRole('textbox', { name: ru.records.surname, exact: true })).toHaveValue(first?.split(' ')[0] ?? '');
});
