import { describe, expect, it } from 'vitest';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { duplicateProbe, probeKey } from '../../../src-renderer/features/records/duplicateProbe';
import { testForm } from '../forms/testForm';

const form: FormDef = { ...testForm, identity: { pin: 'pin', name: 'name', birthDate: 'birthDate' } };

describe('the live duplicate probe (what is looked up while a new child is typed)', () => {
  it('waits for a surname, a name and a whole birth date', () => {
    expect(duplicateProbe(form, {})).toBeNull();
    expect(duplicateProbe(form, { name: { surname: 'Asanova', givenName: '' }, birthDate: '2015-03-08' })).toBeNull();
    expect(duplicateProbe(form, { name: { surname: 'Asanova', givenName: 'Aiperi' } })).toBeNull();
    // A date still being typed is kept as typed ("08.03.20"): not a date yet.
    expect(duplicateProbe(form, { name: { surname: 'Asanova', givenName: 'Aiperi' }, birthDate: '08.03.20' })).toBeNull();
    expect(duplicateProbe(form, { name: { surname: ' Asanova ', givenName: 'Aiperi', patronymic: 'B' }, birthDate: '2015-03-08', sex: 'female' })).toEqual({
      name: { surname: 'Asanova', givenName: 'Aiperi' },
      birthDate: '2015-03-08',
    });
  });

  it('looks a PIN up alone once it has its country’s shape', () => {
    expect(duplicateProbe(form, { pin: '1080320150' })).toBeNull();
    expect(duplicateProbe(form, { pin: '1 0803 2015 00123' })).toEqual({ pin: '10803201500123' });
  });

  it('gives the same key whatever else the operator types, so other fields never trigger a check', () => {
    const typed: FormValues = { name: { surname: 'Asanova', givenName: 'Aiperi' }, birthDate: '2015-03-08' };
    const key = probeKey(duplicateProbe(form, typed));
    expect(probeKey(duplicateProbe(form, { ...typed, notes: 'arrived by bus', admittedOn: '2024-09-02' }))).toBe(key);
    expect(probeKey(duplicateProbe(form, { ...typed, birthDate: '2015-03-09' }))).not.toBe(key);
  });

  it('never checks a form without identity fields', () => {
    expect(duplicateProbe(testForm, { name: { surname: 'Asanova', givenName: 'Aiperi' }, birthDate: '2015-03-08', pin: '10803201500123' })).toBeNull();
  });
});
