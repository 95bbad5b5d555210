import { afterEach, describe, expect, it } from 'vitest';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import type { PackDef } from '../../../shared/forms/packTypes';
import { recordTitle } from '../../../shared/forms/recordTitle';
import { createBackend, type Backend } from '../../../src-main/backend';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { duplicateProbe } from '../../../src-renderer/features/records/duplicateProbe';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';
import { classifiers, testForm } from '../forms/testForm';

const n = (en: string) => ({ ky: en, ru: en, az: en, kk: en, en });
const form: FormDef = { ...testForm, access: { edit: ['holder'] }, identity: { pin: 'pin', name: 'name', birthDate: 'birthDate' } };
const pack: PackDef = {
  id: 'test',
  title: n('Test pack'),
  country: 'KG',
  regulation: 'test',
  roles: [{ id: 'holder', names: n('Holder') }],
  forms: [form],
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

async function signedInHolder() {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({ operators: [{ username: 'op', password: 'Generated-Pass-1', role: 'holder', mustChangePassword: false }] });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['en'], packs: [pack] });
  backends.push(backend);
  await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  expect(await backend.call('session.signIn', { username: 'op', password: 'Generated-Pass-1' })).toMatchObject({ ok: true });
  return inProcessClient(backend);
}

const aiperi: FormValues = { name: { surname: 'Асанова', givenName: 'Айпери' }, sex: 'female', birthDate: '2015-03-08', pin: '10803201500123', admittedOn: '2024-09-02' };

describe('the live duplicate check and the names of drafts', () => {
  it('finds a Cyrillic record from the Latin spelling the live probe sends, before anything else is filled in', async () => {
    const backend = await signedInHolder();
    expect((await backend.call('records.create', { formId: form.id, values: aiperi })).ok).toBe(true);
    const typed: FormValues = { name: { surname: 'Asanova', givenName: 'Aiperi' }, birthDate: '2015-03-08' };
    const probe = duplicateProbe(form, typed);
    if (!probe) throw new Error('no probe');
    expect(await backend.call('records.checkDuplicates', { formId: form.id, values: probe })).toMatchObject({
      ok: true,
      value: [{ title: 'Асанова Айпери', birthDate: '2015-03-08', samePin: false, similarName: true }],
    });
    // A different child of the same birth date is not a candidate.
    const other = duplicateProbe(form, { name: { surname: 'Bekova', givenName: 'Nurai' }, birthDate: '2015-03-08' });
    expect(await backend.call('records.checkDuplicates', { formId: form.id, values: other ?? {} })).toMatchObject({ ok: true, value: [] });
    // A PIN alone, typed with spaces.
    const byPin = duplicateProbe(form, { pin: '1 0803 2015 00123' });
    expect(await backend.call('records.checkDuplicates', { formId: form.id, values: byPin ?? {} })).toMatchObject({ ok: true, value: [{ title: 'Асанова Айпери', samePin: true }] });
  });

  it('names a draft as its record will be named, and a draft without a name as nameless', async () => {
    const backend = await signedInHolder();
    const saved = await backend.call('drafts.save', { formId: form.id, values: { ...aiperi, name: { surname: 'Асанова ', givenName: 'Айпери', patronymic: '' } } });
    const nameless = await backend.call('drafts.save', { formId: form.id, values: { notes: 'half' } });
    if (!saved.ok || !nameless.ok) throw new Error('draft not saved');
    const created = await backend.call('records.create', { formId: form.id, values: saved.value.values });
    if (!created.ok) throw new Error(created.error.message);
    const listed = await backend.call('records.list', { formId: form.id });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(recordTitle(form, saved.value.values)).toBe('Асанова Айпери');
    expect(listed.value.map((record) => record.title)).toEqual([recordTitle(form, saved.value.values)]);
    expect(recordTitle(form, nameless.value.values)).toBe('');
  });
});
