import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogues } from '../../shared/i18n/catalogues';
import { institutionCard } from '../../shared/packs/kg-residential/forms/institutionCard';
import { signedInWorkstation } from './support/signedIn';
import type { RunningWorkstation } from './support/workstation';
import { expectAccessible } from './support/accessibility';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
let workstation: RunningWorkstation | undefined;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = undefined;
});

const ky = catalogues.ky;
const label = (id: string) => institutionCard.sections.flatMap((section) => section.fields).find((field) => field.id === id)?.label.ky ?? id;

test('the system operator registers an institution in Kyrgyz; a missing accreditation date is asked for; reopened with its history', async ({ page }) => {
  workstation = await signedInWorkstation(page, 'ky', { username: 'operator', password: 'Generated-Pass-1', role: 'system_operator', displayName: 'Нурлан Токтосунов' });

  await page.getByRole('button', { name: ky.records.newRecord.replace('{{form}}', institutionCard.title.ky) }).click();
  await page.getByLabel(label('fullName')).fill('Кара-Балта шаарындагы № 3 балдар үйү');
  await page.getByLabel(label('institutionType')).selectOption('childrensHome');
  await page.getByLabel(label('ownershipForm')).selectOption('state');
  await page.getByLabel(label('department')).selectOption('labourSocial');
  await page.getByLabel(label('plannedCapacity')).fill('120');
  await page.getByLabel(label('territory')).selectOption('KG-C-JAY');
  await page.getByLabel(label('street')).fill('Ленин көчөсү, 15');
  await page.getByLabel(label('accreditationCertificate')).fill('АК-2024/117');
  await page.getByRole('textbox', { name: ky.records.surname, exact: true }).fill('Үсөнбаева');
  await page.getByRole('textbox', { name: ky.records.givenName, exact: true }).fill('Гүлнара');
  await page.getByRole('textbox', { name: ky.records.patronymic, exact: true }).fill('Асановна');
  await page.getByLabel(label('headPhone')).fill('+996 3133 5-12-34');
  await page.getByLabel(label('headEmail')).fill('balday3@edu.kg');
  await page.getByRole('button', { name: ky.records.save }).click();
  // The certificate number makes its validity date required: asked for at that field.
  await expect(page.getByText(ky.form.required)).toBeVisible();
  await expectAccessible(page, 'institution card with a required field missing');
  await page.getByLabel(label('accreditationValidUntil')).fill('31.12.2026');
  await page.getByRole('button', { name: ky.records.save }).click();
  await expect(page.getByRole('heading', { name: ky.records.history })).toBeVisible();
  // Expiring within 60 days: the operators are warned (§8.4).
  await expect(page.getByRole('status').filter({ hasText: 'Кара-Балта шаарындагы № 3 балдар үйү' })).toBeVisible();
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'institution-ky.png'), fullPage: true });
  await expectAccessible(page, 'saved institution card');

  // A change is saved as a new revision and shows in the history.
  await page.getByLabel(label('plannedCapacity')).fill('140');
  await page.getByRole('button', { name: ky.records.save }).click();
  await expect(page.getByText(ky.records.historyChanged.replace('{{fields}}', label('plannedCapacity')))).toBeVisible();
  await expect(page.getByLabel(label('headEmail'))).toHaveValue('balday3@edu.kg');
  await expect(page.getByLabel(label('accreditationValidUntil'))).toHaveValue('31.12.2026');
});
