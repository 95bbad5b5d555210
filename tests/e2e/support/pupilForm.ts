import type { Page } from '@playwright/test';
import { catalogues } from '../../../shared/i18n/catalogues';
import { pupilCard } from '../../../shared/packs/kg-residential/forms/pupilCard';

const ru = catalogues.ru;
const label = (id: string) => {
  const field = pupilCard.sections.flatMap((section) => section.fields).find((candidate) => candidate.id === id);
  if (!field) throw new Error(id);
  return field.label.ru;
};

/** The required fields of a pupil card, in Russian, as an operator types them. */
export async function fillPupil(page: Page, surname: string, givenName: string, birth: string, pin: string) {
  await page.getByRole('textbox', { name: ru.records.surname, exact: true }).fill(surname);
  await page.getByRole('textbox', { name: ru.records.givenName, exact: true }).fill(givenName);
  await page.getByLabel(label('sex')).selectOption('female');
  await page.getByLabel(label('birthDate')).fill(birth);
  await page.getByLabel(label('pin')).fill(pin);
  await page.getByLabel(label('admittedOn')).fill('02.09.2024');
  await page.getByLabel(label('cameFrom')).selectOption('KG-C-SOK');
  for (const id of ['hasParents', 'hasRelatives', 'disability']) {
    await page.getByRole('radiogroup', { name: label(id) }).getByLabel(ru.records.no).check();
  }
  await page.getByLabel(label('socialPayment')).selectOption('survivorPension');
  await page.getByLabel(label('placementTerm')).selectOption('longTerm');
  await page.getByLabel(label('legalStatus')).selectOption('orphan');
  await page.getByLabel(label('referringBody')).selectOption('court');
  await page.getByLabel(label('placementReason')).selectOption('parentsDied');
}
