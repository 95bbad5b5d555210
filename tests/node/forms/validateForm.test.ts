import { describe, expect, it } from 'vitest';
import { forbiddenEdits, redactForRole, visibleSections } from '../../../shared/forms/access';
import { isIsoDate } from '../../../shared/forms/dates';
import type { FormValues } from '../../../shared/forms/formTypes';
import { validateForm } from '../../../shared/forms/validateForm';
import { classifiers, testForm } from './testForm';

const ctx = { classifiers, today: '2026-11-25' };
const valid: FormValues = {
  name: { surname: 'Асанова', givenName: 'Айпери', patronymic: 'Бакытовна' },
  sex: 'female',
  birthDate: '2015-03-08',
  pin: '10803201500123',
  admittedOn: '2024-09-02',
  from: 'R1-D1',
  disabled: false,
  capacity: 120,
  phone: '+996 312 62-00-00',
  relatives: [{ name: { surname: 'Asanov', givenName: "O'Bakyt" }, kind: 'male' }],
};
const codes = (values: FormValues) => validateForm(testForm, values, ctx).map((issue) => `${issue.path}:${issue.code}`);

describe('the form validator', () => {
  it('accepts a complete, consistent record', () => {
    expect(codes(valid)).toEqual([]);
  });

  it('names each missing required field, including parts of a name and group items', () => {
    expect(codes({ relatives: [{ name: { surname: '', givenName: 'A' } }] })).toEqual([
      'name:required',
      'sex:required',
      'birthDate:required',
      'admittedOn:required',
      'relatives.0.name.surname:required',
      'relatives.0.kind:required',
    ]);
  });

  it('checks dates for sense: real days, not in the future, admission not before birth', () => {
    expect(codes({ ...valid, birthDate: '2015-02-30', pin: undefined })).toContain('birthDate:dateInvalid');
    expect(codes({ ...valid, admittedOn: '2026-11-26' })).toEqual(['admittedOn:dateInFuture']);
    expect(codes({ ...valid, admittedOn: '2015-03-07' })).toEqual(['admittedOn:dateBefore']);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('reads the Kyrgyz PIN: format, and agreement with the birth date and sex on the card', () => {
    expect(codes({ ...valid, pin: '1080320150012' })).toEqual(['pin:pinFormat']);
    expect(codes({ ...valid, pin: '30803201500123' })).toEqual(['pin:pinFormat']);
    expect(codes({ ...valid, pin: '10903201500123' })).toEqual(['pin:pinBirthDate']);
    expect(codes({ ...valid, pin: '20803201500123' })).toEqual(['pin:pinSex']);
    expect(codes({ ...valid, pin: '1 0803 2015 00123' })).toEqual([]);
  });

  it('accepts only codes of the classifier, at the level the field asks for', () => {
    expect(codes({ ...valid, sex: 'other' })).toEqual(['sex:unknownCode']);
    expect(codes({ ...valid, from: 'R1' })).toEqual(['from:wrongLevel']);
  });

  it('enforces conditional requirements, lengths, ranges and formats', () => {
    expect(codes({ ...valid, accreditation: 'A-17' })).toEqual(['accreditedUntil:required']);
    expect(codes({ ...valid, accreditation: 'A-17', accreditedUntil: '2027-01-01' })).toEqual([]);
    expect(codes({ ...valid, notes: 'x'.repeat(21) })).toEqual(['notes:tooLong']);
    expect(codes({ ...valid, capacity: 0 })).toEqual(['capacity:numberRange']);
    expect(codes({ ...valid, capacity: 2.5 })).toEqual(['capacity:numberInteger']);
    expect(codes({ ...valid, phone: 'call me' })).toEqual(['phone:phoneFormat']);
    expect(codes({ ...valid, email: 'director@bala.kg' })).toEqual([]);
    expect(codes({ ...valid, email: 'director at bala.kg' })).toEqual(['email:emailFormat']);
    expect(codes({ ...valid, name: { surname: 'Asanova1', givenName: 'A' } })).toEqual(['name.surname:nameCharacters']);
  });

  it('checks photos by type and size, groups by count, and refuses unknown fields and wrong types', () => {
    expect(codes({ ...valid, photo: { blobId: 'b1', mimeType: 'image/gif', bytes: 10 } })).toEqual(['photo:photoType']);
    expect(codes({ ...valid, photo: { blobId: 'b1', mimeType: 'image/jpeg', bytes: 3_000_000 } })).toEqual(['photo:photoTooLarge']);
    const relative = { name: { surname: 'A', givenName: 'B' }, kind: 'male' };
    expect(codes({ ...valid, relatives: [relative, relative, relative, relative] })).toEqual(['relatives:tooManyItems']);
    expect(codes({ ...valid, nickname: 'x' })).toEqual(['nickname:unknownField']);
    expect(codes({ ...valid, disabled: 'yes' })).toEqual(['disabled:wrongType']);
    expect(codes({ ...valid, birthDate: 20150308 })).toEqual(['birthDate:wrongType']);
  });
});

describe('field access by role', () => {
  it('hides sections a role may not view, and their values', () => {
    expect(visibleSections(testForm, 'localAdmin').map((section) => section.id)).toEqual(['identity']);
    expect(visibleSections(testForm, 'holder').map((section) => section.id)).toEqual(['identity', 'family']);
    expect(Object.keys(redactForRole(testForm, valid, 'localAdmin'))).not.toContain('relatives');
  });

  it('refuses changes to fields the role may see but not edit', () => {
    const changed = { ...valid, relatives: [] };
    expect(forbiddenEdits(testForm, valid, changed, 'ministry')).toEqual([{ path: 'relatives', code: 'notEditable' }]);
    expect(forbiddenEdits(testForm, valid, changed, 'holder')).toEqual([]);
    expect(forbiddenEdits(testForm, valid, { ...valid }, 'ministry')).toEqual([]);
  });
});
