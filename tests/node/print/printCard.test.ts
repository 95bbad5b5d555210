import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldDef, FormValues } from '../../../shared/forms/formTypes';
import { classifierMap } from '../../../shared/forms/packTypes';
import { catalogues } from '../../../shared/i18n/catalogues';
import { formatDate } from '../../../shared/i18n/format';
import { printedFields } from '../../../shared/print/printedContent';
import { printedValue } from '../../../shared/print/printedValue';
import type { Backend } from '../../../src-main/backend';
import { pupilForm } from '../../support/pupilSamples';
import { kyrgyzPupil, poppler, printingWorkstation } from './printSupport';

const cleanups: (() => void)[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const flat = (text: string) => text.replace(/\s+/g, ' ');
const kyWords = { yes: 'Ооба', no: 'Жок' };

/** Every value the card must show, as the print writes it in Kyrgyz (group rows cell by cell). */
function expectedTexts(values: FormValues): string[] {
  const { pack, form } = pupilForm();
  const classifiers = classifierMap(pack);
  const texts: string[] = [];
  const add = (field: FieldDef, value: FormValues[string]) => {
    if (field.kind === 'group') {
      for (const item of Array.isArray(value) ? value : []) for (const inner of field.fields) add(inner, item[inner.id]);
      return;
    }
    const text = printedValue(field, value, 'ky', classifiers, kyWords);
    if (text) texts.push(text);
  };
  for (const field of printedFields(form)) add(field, values[field.id]);
  return texts;
}

const pdfOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * The card prints the day it reads from the clock: the clock stands still from here, so the day
 * the test expects is the day printed even when the test runs across midnight.
 */
function stillClock(): Date {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  return new Date();
}

describe('the stamped paper copy of a pupil card', () => {
  it('carries, as pdftotext reads it, the Kyrgyz name with ң ө ү, every value, the date of preparation and М.П., on A4', async () => {
    const { client } = await printingWorkstation(cleanups, backends);
    const pupil = await kyrgyzPupil(client);
    const preparedOn = stillClock();
    const printed = await client.call('print.card', { recordId: pupil.id, language: 'ky', headName: 'Сейитова Айгүл Бакытовна' });
    if (!printed.ok) throw new Error(printed.error.message);
    const pdf = pdfOf(printed.value.pdfBase64);
    const text = flat(poppler('pdftotext', pdf, cleanups));

    expect(text).toContain('Үмөтбекова Айзирек Таңсыковна');
    const values = expectedTexts(pupil.values);
    expect(values.length).toBeGreaterThan(15);
    for (const value of values) expect(text, value).toContain(flat(value));
    expect(text).toContain(`Даярдоо датасы: ${formatDate(preparedOn, 'ky')}`);
    expect(text).toContain('М.П.');
    expect(text).toContain('Сейитова Айгүл Бакытовна');
    expect(text).toContain('Бишкек шаардык №1 балдар үйү');
    expect(text).toContain(printed.value.stamps[0]?.code);
    // Not yet sent to the central server: the copy says so.
    expect(printed.value.stamps[0]?.delivered).toBe(false);
    expect(text).toContain('БОРБОРДУК СЕРВЕРГЕ АЗЫРЫНЧА ЖЕТКИРИЛЕ ЭЛЕК');
    expect(text).toContain(`${printed.value.pages} беттин 1-бети`);

    const info = poppler('pdfinfo', pdf, cleanups);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${printed.value.pages}\\b`));
    expect(info).toMatch(/Title:\s+Тарбиялануучунун эсеп карточкасы/);
  });

  it('prints in Russian for an operator whose interface is in another language', async () => {
    const { client } = await printingWorkstation(cleanups, backends);
    await client.call('settings.update', { language: 'ky' });
    const pupil = await kyrgyzPupil(client);
    const preparedOn = stillClock();
    const printed = await client.call('print.card', { recordId: pupil.id, language: 'ru' });
    if (!printed.ok) throw new Error(printed.error.message);
    const text = flat(poppler('pdftotext', pdfOf(printed.value.pdfBase64), cleanups));
    expect(text).toContain('Учётная карточка воспитанника');
    expect(text).toContain('Фамилия, имя, отчество');
    expect(text).toContain(`Дата подготовки: ${formatDate(preparedOn, 'ru')}`);
    expect(text).toContain('М.П.');
    expect(text).toContain('Мать');
    expect(text).not.toContain('Даярдоо датасы');
  });

  it('writes one audit entry per printed card: who, which revision, its code', async () => {
    const { client, backend } = await printingWorkstation(cleanups, backends);
    const first = await kyrgyzPupil(client);
    const second = await kyrgyzPupil(client, { name: { surname: 'Бекова', givenName: 'Нурай' }, pin: '10101201500123', birthDate: '2015-01-01' });
    const printed = await client.call('print.batch', { recordIds: [first.id, second.id], language: 'ru' });
    if (!printed.ok) throw new Error(printed.error.message);
    const rows = backend.ctx.session
      .work('read')
      .db.prepare("SELECT actor, details_json FROM audit_log WHERE action = 'print.card' ORDER BY id")
      .all() as { actor: string; details_json: string }[];
    expect(rows.map((row) => row.actor)).toEqual(['aigul', 'aigul']);
    const details = rows.map((row) => JSON.parse(row.details_json) as { recordId: string; revision: number; code: string; hash: string });
    expect(details.map((entry) => [entry.recordId, entry.revision, entry.code])).toEqual(printed.value.stamps.map((stamp) => [stamp.recordId, stamp.revision, stamp.code]));
    expect(details[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints a whole form into one PDF, each card numbered on its own, with progress events', async () => {
    const { client, backend } = await printingWorkstation(cleanups, backends);
    const names = ['Асанова', 'Бекова', 'Осмонова'];
    for (const [index, surname] of names.entries()) {
      await kyrgyzPupil(client, { name: { surname, givenName: 'Айпери' }, pin: `1010${index + 1}201500123`, birthDate: `2015-0${index + 1}-01` });
    }
    const progress: number[] = [];
    const unsubscribe = backend.events.subscribe((event) => {
      if (event.name === 'print.progress' && event.payload.jobId === 'job-1') progress.push(event.payload.done);
    });
    const printed = await client.call('print.batch', { formId: 'kg-residential.pupil', language: 'ky', jobId: 'job-1' });
    unsubscribe();
    if (!printed.ok) throw new Error(printed.error.message);
    expect(printed.value.cards).toBe(3);
    expect(progress).toEqual([1, 2, 3]);
    const text = flat(poppler('pdftotext', pdfOf(printed.value.pdfBase64), cleanups));
    for (const surname of names) expect(text).toContain(`${surname} Айпери`);
    const perCard = printed.value.pages / 3;
    expect(text.split(`${perCard} беттин 1-бети`).length - 1).toBe(3);
  });

  it('prints the institution registration card of §14 the same way, without a photo place', async () => {
    const { client } = await printingWorkstation(cleanups, backends, 'system_operator');
    const values = {
      fullName: 'Кара-Балта шаарындагы № 3 балдар үйү',
      institutionType: 'childrensHome',
      ownershipForm: 'state',
      department: 'labourSocial',
      plannedCapacity: 120,
      territory: 'KG-C-JAY',
      street: 'Ленин көчөсү, 15',
      accreditationCertificate: 'АК-2024/117',
      accreditationValidUntil: '2027-12-31',
      headName: { surname: 'Үсөнбаева', givenName: 'Гүлнара', patronymic: 'Асановна' },
      headPhone: '+996 3133 5-12-34',
    };
    const created = await client.call('records.create', { formId: 'kg-residential.institution', values });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const printed = await client.call('print.card', { recordId: created.value.id, language: 'ru' });
    if (!printed.ok) throw new Error(printed.error.message);
    const text = flat(poppler('pdftotext', pdfOf(printed.value.pdfBase64), cleanups));
    expect(text).toContain('Регистрационная карточка детского учреждения интернатного типа');
    for (const expected of ['Кара-Балта шаарындагы № 3 балдар үйү', 'Детский дом', 'Государственная', '120', 'Ленин көчөсү, 15', 'АК-2024/117', '31.12.2027', 'Үсөнбаева Гүлнара Асановна', '+996 3133 5-12-34', 'Дата подготовки', 'М.П.']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(catalogues.ru.print.photoPlace);
  });

  it('refuses an unknown record, and a batch that names nothing', async () => {
    const { client } = await printingWorkstation(cleanups, backends);
    expect(await client.call('print.card', { recordId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await client.call('print.batch', { language: 'ky' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await client.call('print.batch', { formId: 'kg-residential.pupil' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
