import { afterEach, describe, expect, it } from 'vitest';
import type { FormValues } from '../../../shared/forms/formTypes';
import type { PackDef } from '../../../shared/forms/packTypes';
import { createBackend, type Backend } from '../../../src-main/backend';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';
import { classifiers, testForm } from '../forms/testForm';

const n = (en: string) => ({ ky: en, ru: en, az: en, kk: en, en });
const pack: PackDef = {
  id: 'test',
  title: n('Test pack'),
  country: 'KG',
  regulation: 'test',
  roles: [{ id: 'holder', names: n('Holder') }, { id: 'ministry', names: n('Ministry') }, { id: 'mayor', names: n('Mayor'), aggregateOnly: true }],
  forms: [{ ...testForm, access: { edit: ['holder'] }, identity: { pin: 'pin', name: 'name', birthDate: 'birthDate' } }],
  classifiers: Object.values(classifiers),
  calendar: { id: 'test', restWeekdays: [0, 6], annualHolidays: [], extraDaysOff: [], extraWorkingDays: [] },
  alerts: [],
  retentionYears: 75,
};

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

async function signedIn(role: string, language: 'en' | 'ru' = 'en') {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({ operators: [{ username: 'op', password: 'Generated-Pass-1', role, mustChangePassword: false }] });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: [language], packs: [pack] });
  backends.push(backend);
  await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  expect(await backend.call('session.signIn', { username: 'op', password: 'Generated-Pass-1' })).toMatchObject({ ok: true });
  return inProcessClient(backend);
}

const child: FormValues = {
  name: { surname: 'Асанова', givenName: 'Айпери' },
  sex: 'female',
  birthDate: '2015-03-08',
  pin: '10803201500123',
  admittedOn: '2024-09-02',
  relatives: [{ name: { surname: 'Асанов', givenName: 'Бакыт' }, kind: 'male' }],
};

describe('records through the API', () => {
  it('validates with the form and answers each problem at its field, in the operator language', async () => {
    const backend = await signedIn('holder', 'ru');
    const answer = await backend.call('records.create', { formId: testForm.id, values: { ...child, admittedOn: '2015-03-01', pin: '20803201500123' } });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.fields?.map((field) => [field.path, field.code])).toEqual([
      ['pin', 'pinSex'],
      ['admittedOn', 'dateBefore'],
    ]);
    expect(answer.error.fields?.[0]?.message).toBe('По ПИН пол — мужской, а не указанный.');
    expect(answer.error.fields?.[1]?.message).toContain('Birth date');
  });

  it('creates, lists, reads, updates with history, and refuses a stale save', async () => {
    const backend = await signedIn('holder');
    const created = await backend.call('records.create', { formId: testForm.id, values: child });
    if (!created.ok) throw new Error(created.error.message);
    expect(await backend.call('records.list', { formId: testForm.id })).toMatchObject({ ok: true, value: [{ id: created.value.id, title: 'Асанова Айпери', revision: 1 }] });
    const updated = await backend.call('records.update', { id: created.value.id, baseRevision: 1, values: { ...child, disabled: true }, reason: 'certificate' });
    expect(updated).toMatchObject({ ok: true, value: { revision: 2, updatedBy: 'op' } });
    expect(await backend.call('records.update', { id: created.value.id, baseRevision: 1, values: child })).toMatchObject({ ok: false, error: { code: 'RECORD_CHANGED' } });
    const history = await backend.call('records.history', { id: created.value.id });
    expect(history).toMatchObject({ ok: true, value: [{ revision: 1 }, { revision: 2, reason: 'certificate', changes: [{ field: 'disabled', after: true }] }] });
  });

  it('shows likely duplicates and saves a second similar child only with a reason; never a second PIN', async () => {
    const backend = await signedIn('holder');
    const first = await backend.call('records.create', { formId: testForm.id, values: child });
    expect(first.ok).toBe(true);
    const similar: FormValues = { ...child, pin: undefined, name: { surname: 'Asanova', givenName: 'Aiperi' }, birthDate: '2015-03-09' };
    delete similar.pin;
    expect(await backend.call('records.checkDuplicates', { formId: testForm.id, values: similar })).toMatchObject({
      ok: true,
      value: [{ title: 'Асанова Айпери', birthDate: '2015-03-08', samePin: false, similarName: true }],
    });
    expect(await backend.call('records.create', { formId: testForm.id, values: similar })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_SUSPECTED' } });
    expect(await backend.call('records.create', { formId: testForm.id, values: similar, newDespiteDuplicates: 'twin sister' })).toMatchObject({ ok: true });
    expect(await backend.call('records.create', { formId: testForm.id, values: { ...child, name: { surname: 'Бекова', givenName: 'Нурай' } }, newDespiteDuplicates: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE_PIN' },
    });
  });

  it('lets a reading role read but not write, and gives aggregate-only roles nothing', async () => {
    const holder = await signedIn('holder');
    const ministry = await signedIn('ministry');
    expect(await ministry.call('records.create', { formId: testForm.id, values: child })).toMatchObject({ ok: false, error: { code: 'NOT_PERMITTED' } });
    expect((await holder.call('records.create', { formId: testForm.id, values: child })).ok).toBe(true);
    const mayor = await signedIn('mayor');
    expect(await mayor.call('records.list', { formId: testForm.id })).toMatchObject({ ok: false, error: { code: 'NOT_PERMITTED' } });
  });

  it('needs a signed-in operator, and refuses an unknown form', async () => {
    const backend = await signedIn('holder');
    expect(await backend.call('records.list', { formId: 'no.such.form' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await backend.call('session.signOut', undefined);
    expect(await backend.call('records.list', { formId: testForm.id })).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(await backend.call('drafts.list', undefined)).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
  });

  it('stores photos only when the bytes are the picture type claimed', async () => {
    const backend = await signedIn('holder');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
    const put = await backend.call('photos.put', { mimeType: 'image/png', contentBase64: png.toString('base64') });
    if (!put.ok) throw new Error(put.error.message);
    expect(await backend.call('photos.get', { blobId: put.value.blobId })).toMatchObject({ ok: true, value: { mimeType: 'image/png', contentBase64: png.toString('base64') } });
    expect(await backend.call('photos.put', { mimeType: 'image/jpeg', contentBase64: png.toString('base64') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('autosaves a draft that survives signing out and back in', async () => {
    const backend = await signedIn('holder');
    const saved = await backend.call('drafts.save', { formId: testForm.id, values: { notes: 'half' } });
    if (!saved.ok) throw new Error(saved.error.message);
    await backend.call('session.signOut', undefined);
    await backend.call('session.signIn', { username: 'op', password: 'Generated-Pass-1' });
    expect(await backend.call('drafts.list', undefined)).toMatchObject({ ok: true, value: [{ id: saved.value.id, values: { notes: 'half' } }] });
  });
});
