import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { CopyVerification } from '../../shared/api/print';
import type { RecordView } from '../../shared/api/records';
import { catalogues } from '../../shared/i18n/catalogues';
import { nativeLanguageNames } from '../../shared/i18n/languages';
import { pupilCard } from '../../shared/packs/kg-residential/forms/pupilCard';
import { fillPupil } from './support/pupilForm';
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

/** The same API the page uses, with the run's token (for what the test checks behind the screen). */
async function api<T>(request: APIRequestContext, ws: RunningWorkstation, operation: string, input: unknown): Promise<T> {
  const answer = await request.post(`${ws.origin}/api/call/${operation}`, { headers: { authorization: `Bearer ${ws.token}` }, data: { input } });
  const body = (await answer.json()) as { ok: boolean; value: T };
  expect(body.ok, operation).toBe(true);
  return body.value;
}

/** `bala verify CODE` as an administrator runs it on the workstation's data folder, the operator's credentials in the environment. */
function balaVerify(ws: RunningWorkstation, code: string) {
  const answer = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../bin/bala.mjs'), '--data', ws.dataDir, '--lang', 'en', 'verify', code], {
    env: { ...process.env, BALA_USER: 'aigul', BALA_PASSWORD: 'Generated-Pass-1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: answer.status, stdout: answer.stdout, stderr: answer.stderr };
}

test('a pupil card printed from the record view in Kyrgyz while the interface is Russian: a real PDF, verified, then out of date', async ({ page, request }) => {
  test.setTimeout(120_000);
  workstation = await signedInWorkstation(page, 'ru', { username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' });
  const ws = workstation;
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
  await fillPupil(page, 'Үмөтбекова', 'Айзирек', '17.05.2014', '11705201400377');
  await page.getByRole('button', { name: ru.records.save }).click();

  // The record view offers the paper copy; the copy's language is chosen apart from the interface's.
  const panel = page.getByRole('region', { name: ru.print.printTitle });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(ru.print.notDeliveredHint)).toBeVisible();
  await panel.getByLabel(ru.print.language).selectOption({ label: nativeLanguageNames.ky });
  await panel.getByLabel(ru.print.headName).fill('Сейитова Айгүл Бакытовна');
  const opened = page.waitForResponse((response) => response.url().endsWith('/api/call/print.open'));
  const tab = page.context().waitForEvent('page');
  await panel.getByRole('button', { name: ru.print.print, exact: true }).click();
  const answer = (await (await opened).json()) as { ok: boolean; value: { url: string; documentId: string; stamps: { code: string; recordId: string }[] } };
  expect(answer.ok).toBe(true);
  await tab;
  await expect(panel.getByText(translated('ru', 'print.ready', { cards: 1, pages: 2 }))).toBeVisible();
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'print-panel-ru.png'), fullPage: true });
  await expectAccessible(page, 'print panel with the copy ready');

  // The tab used up its address's single-use ticket: the same address opens nothing now.
  expect((await request.get(`${ws.origin}${answer.value.url}`)).status()).toBe(404);
  // A fresh address (print.link, as "Open again" asks it, with the run's token) serves the PDF itself, from memory, never cached.
  const link = await api<{ url: string }>(request, ws, 'print.link', { documentId: answer.value.documentId });
  const pdf = await request.get(`${ws.origin}${link.url}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['cache-control']).toBe('no-store');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-print-')), 'card.pdf');
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  expect(text).toContain('Үмөтбекова Айзирек');
  expect(text).toContain(catalogues.ky.print.preparedOn);
  expect(text).toContain('М.П.');
  expect(text).toContain('Сейитова Айгүл Бакытовна');
  const stamp = answer.value.stamps[0];
  if (!stamp) throw new Error('no stamp');
  expect(text).toContain(stamp.code);
  // No paper copy was written into the data folder.
  const written = fs.readdirSync(ws.dataDir, { recursive: true }).map(String).filter((name) => name.endsWith('.pdf'));
  expect(written).toEqual([]);

  // Verification: the fresh copy matches — in the API and with `bala verify` on the same data folder —
  // and after a change to the record it no longer does.
  expect(await api<CopyVerification>(request, ws, 'print.verify', { code: stamp.code })).toMatchObject({ outcome: 'current', recordId: stamp.recordId });
  expect(balaVerify(ws, stamp.code)).toMatchObject({ status: 0, stdout: expect.stringContaining('the current one') });
  const record = await api<RecordView>(request, ws, 'records.get', { id: stamp.recordId });
  await api<RecordView>(request, ws, 'records.update', { id: record.id, baseRevision: record.revision, values: { ...record.values, otherProperty: 'Велосипед' } });
  expect(await api<CopyVerification>(request, ws, 'print.verify', { code: stamp.code })).toMatchObject({ outcome: 'superseded', currentRevision: 2 });
  expect(balaVerify(ws, stamp.code)).toMatchObject({ status: 1, stderr: expect.stringContaining('out of date') });

  // A selection of pupils into one PDF, from the list.
  await api<RecordView>(request, ws, 'records.create', {
    formId: pupilCard.id,
    values: { ...record.values, name: { surname: 'Бекова', givenName: 'Нурай' }, pin: '10101201500123', birthDate: '2015-01-01' },
  });
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByText(ru.print.selectForPrint).click();
  await page.getByLabel(ru.print.selectAll).check();
  await expectAccessible(page, 'registry list selecting for print');
  const batchOpened = page.waitForResponse((response) => response.url().endsWith('/api/call/print.open'));
  await page.getByRole('button', { name: translated('ru', 'print.printSelected', { count: 2 }) }).click();
  const batch = (await (await batchOpened).json()) as { ok: boolean; value: { cards: number; url: string; documentId: string } };
  expect(batch).toMatchObject({ ok: true, value: { cards: 2 } });
  await expect(page.getByText(translated('ru', 'print.ready', { cards: 2, pages: 4 }))).toBeVisible();
  await expectAccessible(page, 'batch print ready');
  const batchLink = await api<{ url: string }>(request, ws, 'print.link', { documentId: batch.value.documentId });
  const both = execFileSync('pdftotext', ['-', '-'], { input: await (await request.get(`${ws.origin}${batchLink.url}`)).body(), encoding: 'utf8' });
  expect(both).toContain('Бекова Нурай');
  expect(both).toContain('Үмөтбекова Айзирек');
});
