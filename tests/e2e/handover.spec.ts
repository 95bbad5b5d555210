import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { formatDate } from '../../shared/i18n/format';
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
let server: CentralServer | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  await server?.stop();
  workstation = undefined;
  server = undefined;
});

const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((out, [key, value]) => out.replace(`{{${key}}}`, String(value)), text);

test('a pupil entered on a workstation that never connects reaches the server on a USB drive, and the receipt empties the outbox', async ({ page }) => {
  test.setTimeout(240_000);
  // The server never runs: the workstation cannot reach it, ever.
  server = await startCentralServer({ running: false });
  await server.admin('agency', 'add', '--name', 'Кара-Балта балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41708', '--tin', '04345678901234', '--id', 'karabalta-home');
  const dir = path.dirname(server.dataDir);
  const user = await server.admin<{ password: string }>('user', 'add', '--username', 'nurlan', '--agency', 'karabalta-home', '--role', 'data_holder', '--valid-days', '90', '--name', 'Нурлан Токтогулов');
  const profile = path.join(dir, 'nurlan.balaprofile');
  const issued = await server.admin<{ activationCode: string }>('workstation', 'issue', '--agency', 'karabalta-home', '--users', 'nurlan', '--out', profile, '--name', 'Кара-Балта — 1');
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-e2e-usb-'));

  workstation = await startWorkstation({ env: { LANG: 'ru_RU.UTF-8' } });
  await activateAndSignIn(page, workstation, profile, issued.activationCode, 'nurlan', user.password, 'Кара-Балта-пароль-2026');
  await page.getByRole('button', { name: pupilCard.title.ru, exact: true }).click();
  await page.getByRole('button', { name: ru.records.newRecord.replace('{{form}}', pupilCard.title.ru) }).click();
  await fillPupil(page, 'Жумабекова', 'Айзат', '03.03.2012', '10303201200051');
  await page.getByRole('button', { name: ru.records.save }).click();
  await expect(page.getByRole('status').filter({ hasText: ru.workspace.savedNew })).toBeVisible();
  await page.getByRole('navigation', { name: ru.workspace.nav }).getByRole('button', { name: ru.workspace.exchange, exact: true }).click();
  const panel = page.getByRole('region', { name: ru.handover.title });
  await expect(panel.getByTestId('handover-pending')).toHaveText(translated('ru', 'handover.pending', { count: 1 }));

  // Export to the folder standing in for the USB drive.
  await panel.getByLabel(ru.handover.folder, { exact: true }).fill(usb);
  await panel.getByRole('button', { name: ru.handover.exportButton }).click();
  await expect(panel.getByTestId('handover-exported')).toBeVisible({ timeout: 30_000 });
  const files = fs.readdirSync(usb);
  expect(files).toHaveLength(1);
  const packageFile = path.join(usb, files[0] ?? '');
  expect(fs.readFileSync(packageFile).includes(Buffer.from('Жумабекова'))).toBe(false);
  // On the carrier, awaiting the receipt, and since when.
  await expect(panel.getByTestId('handover-awaiting')).toHaveText(translated('ru', 'handover.awaitingItem', { sequence: 1, changes: 1, date: formatDate(new Date(), 'ru'), file: packageFile }));
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'handover-on-carrier-ru.png'), fullPage: true });
  await expectAccessible(page, 'handover written to the carrier');

  // The administrator imports it, twice: the pupil is there once.
  const receipt = path.join(usb, 'receipt.balareceipt');
  expect(await server.admin('import', packageFile, '--receipt', receipt)).toMatchObject({ accepted: 1, repeat: false });
  expect(await server.admin('import', packageFile, '--receipt', path.join(usb, 'again.balareceipt'))).toMatchObject({ accepted: 0, alreadyApplied: 1, repeat: true });
  const listed = await server.admin<{ id: string }[]>('records', 'list', '--form', pupilCard.id);
  expect(listed).toHaveLength(1);

  // The receipt comes back: nothing waits any more.
  await panel.getByLabel(ru.handover.receiptChoose).setInputFiles(receipt);
  await expect(panel.getByTestId('handover-receipt')).toContainText(fill(ru.handover.receiptDone, { sequence: 1, delivered: 1, conflicts: 0, rejected: 0 }));
  await expect(panel.getByTestId('handover-pending')).toHaveText(translated('ru', 'handover.pending', { count: 0 }));
  await expect(panel.getByText(ru.handover.noneAwaiting)).toBeVisible();
  // Said in the status strip, on every view, and in the exchange's sync details.
  await expect(page.getByRole('region', { name: ru.workspace.statusStrip }).getByText(ru.sync.nothingPending)).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'handover-receipt-ru.png'), fullPage: true });
  await expectAccessible(page, 'handover receipt read');
  fs.rmSync(usb, { recursive: true, force: true });
});
