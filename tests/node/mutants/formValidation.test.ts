import { describe, expect, it } from 'vitest';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { validateForm } from '../../../shared/forms/validateForm';
import { classifiers, testForm } from '../forms/testForm';

/*
 * Issue 22: the exact edges of the form validator that the suite once let move. Each test pins
 * an exact issue (path, code and the parameters the operator's message is built from), an exact
 * boundary, or an exact accept/refuse of what the operator typed.
 */

const ctx = { classifiers, today: '2026-11-25' };
const valid: FormValues = {
  name: { surname: 'Асанова', givenName: 'Айпери', patronymic: 'Бакытовна' },
  sex: 'female',
  birthDate: '2015-03-08',
  pin: '10803201500123',
  admittedOn: '2024-09-02',
  from: 'R1-D1',
  capacity: 120,
};
const full = (values: FormValues) => validateForm(testForm, values, ctx);
const codes = (values: FormValues) => full(values).map((issue) => `${issue.path}:${issue.code}`);
const n = (en: string) => ({ ky: en, ru: en, az: en, kk: en, en });

/** A second small form for what testForm has not: no patronymic, a required group with a minimum, an Azerbaijani PIN. */
const staffForm: FormDef = {
  id: 'test.staff',
  version: 1,
  title: n('Staff'),
  titleField: 'name',
  sections: [
    {
      id: 'main',
      title: n('Main'),
      fields: [
        { id: 'name', kind: 'personName', patronymic: 'none', label: n('Name'), required: true },
        { id: 'sex', kind: 'choice', classifier: 'test.sex', label: n('Sex') },
        { id: 'birthDate', kind: 'date', label: n('Birth date') },
        { id: 'fin', kind: 'pin', country: 'AZ', birthDateField: 'birthDate', sexField: 'sex', label: n('FIN') },
        {
          id: 'carers',
          kind: 'group',
          required: true,
          minItems: 2,
          maxItems: 4,
          itemLabel: n('Carer'),
          label: n('Carers'),
          fields: [{ id: 'kind', kind: 'choice', classifier: 'test.sex', label: n('Kind'), required: true }],
        },
      ],
    },
  ],
};
const twoCarers = [{ kind: 'male' }, { kind: 'female' }];
const staffCodes = (values: FormValues) => validateForm(staffForm, values, ctx).map((issue) => `${issue.path}:${issue.code}`);

describe('what counts as left blank', () => {
  it('treats an empty or spaces-only text as missing, and a required field then says "required"', () => {
    expect(codes({ ...valid, birthDate: '' })).toEqual(['birthDate:required']);
    expect(codes({ ...valid, birthDate: '   ' })).toEqual(['birthDate:required']);
  });

  it('does not require "valid until" when the accreditation number is only spaces', () => {
    expect(codes({ ...valid, accreditation: '   ' })).toEqual([]);
    expect(codes({ ...valid, accreditation: ' A-17 ' })).toEqual(['accreditedUntil:required']);
  });

  it('treats a name whose parts are all empty or spaces as missing', () => {
    expect(codes({ ...valid, name: { surname: '', givenName: '' } })).toEqual(['name:required']);
    expect(codes({ ...valid, name: { surname: '  ', givenName: '  ' } })).toEqual(['name:required']);
    expect(codes({ ...valid, name: { surname: ' ', givenName: ' ', patronymic: '  ' } })).toEqual(['name:required']);
  });

  it('treats a value cleared to null as missing: "required" when required, nothing when optional', () => {
    expect(codes({ ...valid, birthDate: null })).toEqual(['birthDate:required']);
    expect(codes({ ...valid, notes: null })).toEqual([]);
  });

  it('treats a required group with no items as missing', () => {
    expect(staffCodes({ name: { surname: 'Aliyev', givenName: 'Rashad' }, carers: [] })).toEqual(['carers:required']);
  });
});

describe('text, number and date boundaries', () => {
  it('accepts notes of exactly the maximum length and refuses one character more, naming the maximum', () => {
    expect(codes({ ...valid, notes: 'x'.repeat(20) })).toEqual([]);
    expect(full({ ...valid, notes: 'x'.repeat(21) })).toEqual([{ path: 'notes', code: 'tooLong', params: { max: '20' } }]);
  });

  it('accepts the capacity range inclusive at both ends and names the range when outside it', () => {
    expect(codes({ ...valid, capacity: 1 })).toEqual([]);
    expect(codes({ ...valid, capacity: 2000 })).toEqual([]);
    const range = { path: 'capacity', code: 'numberRange', params: { min: '1', max: '2000' } };
    expect(full({ ...valid, capacity: 0 })).toEqual([range]);
    expect(full({ ...valid, capacity: 2001 })).toEqual([range]);
  });

  it('accepts admission on the day of birth and refuses the day before, naming the other field', () => {
    expect(codes({ ...valid, admittedOn: '2015-03-08' })).toEqual([]);
    expect(full({ ...valid, admittedOn: '2015-03-07' })).toEqual([{ path: 'admittedOn', code: 'dateBefore', params: { field: 'birthDate' } }]);
  });

  it('names the level a territory field asks for', () => {
    expect(full({ ...valid, from: 'R1' })).toEqual([{ path: 'from', code: 'wrongLevel', params: { level: 'district' } }]);
  });
});

describe('values of the wrong type (from a damaged or hostile record)', () => {
  const typed = (values: Record<string, unknown>) => codes({ ...valid, ...values } as never);

  it('refuses a number where text, a code, a PIN, a phone or an e-mail is expected', () => {
    expect(typed({ notes: 5 })).toEqual(['notes:wrongType']);
    expect(typed({ sex: 1 })).toEqual(['sex:wrongType']);
    expect(typed({ pin: 10803201500123 })).toEqual(['pin:wrongType']);
    expect(typed({ phone: 996312620000 })).toEqual(['phone:wrongType']);
    expect(typed({ email: 42 })).toEqual(['email:wrongType']);
  });

  it('refuses a number given as text, and numbers that are not finite', () => {
    expect(typed({ capacity: '120' })).toEqual(['capacity:wrongType']);
    expect(typed({ capacity: Number.NaN })).toEqual(['capacity:wrongType']);
    expect(typed({ capacity: Number.POSITIVE_INFINITY })).toEqual(['capacity:wrongType']);
  });

  it('does not compare admission with a birth date that is not a real day (only the birth date is refused)', () => {
    expect(typed({ birthDate: '2015-02-30', admittedOn: '2015-01-01', pin: undefined })).toEqual(['birthDate:dateInvalid']);
  });
});

describe('person names', () => {
  const name = (parts: Record<string, string>) => codes({ ...valid, name: parts as never });

  it('requires the given name as well as the surname', () => {
    expect(name({ surname: 'Асанова', givenName: '' })).toEqual(['name.givenName:required']);
    expect(name({ surname: 'Асанова', givenName: 'Айпери' })).toEqual([]);
  });

  it('ignores spaces around a part, and refuses a part that starts with a sign rather than a letter', () => {
    expect(name({ surname: '  Асанова ', givenName: ' Айпери' })).toEqual([]);
    expect(name({ surname: 'O’Brien-Smith', givenName: 'St. John' })).toEqual([]);
    expect(name({ surname: '-Asanova', givenName: 'Aipery' })).toEqual(['name.surname:nameCharacters']);
    expect(name({ surname: "'Asanova", givenName: 'Aipery' })).toEqual(['name.surname:nameCharacters']);
  });

  it('allows 80 letters in a part and refuses 81, naming the maximum', () => {
    expect(name({ surname: 'А'.repeat(80), givenName: 'Айпери' })).toEqual([]);
    expect(full({ ...valid, name: { surname: 'А'.repeat(81), givenName: 'Айпери' } })).toEqual([{ path: 'name.surname', code: 'tooLong', params: { max: '80' } }]);
  });

  it('refuses a patronymic where the form has none, and accepts the name without it', () => {
    expect(staffCodes({ name: { surname: 'Aliyev', givenName: 'Rashad', patronymic: 'Elchin' }, carers: twoCarers })).toEqual(['name.patronymic:unknownField']);
    expect(staffCodes({ name: { surname: 'Aliyev', givenName: 'Rashad', patronymic: '  ' }, carers: twoCarers })).toEqual([]);
    expect(staffCodes({ name: { surname: 'Aliyev', givenName: 'Rashad' }, carers: twoCarers })).toEqual([]);
  });

  it('refuses a name typed as plain text', () => {
    expect(codes({ ...valid, name: 'Асанова Айпери' })).toEqual(['name:wrongType']);
  });
});

describe('phone numbers and e-mail addresses', () => {
  it('accepts a local number without "+", and spaces around what was typed', () => {
    expect(codes({ ...valid, phone: '0312 62-00-00' })).toEqual([]);
    expect(codes({ ...valid, phone: '  +996 312 62-00-00  ' })).toEqual([]);
  });

  it('refuses a number with words before or after it, or opening with a bracket', () => {
    expect(codes({ ...valid, phone: 'tel 0312 620000' })).toEqual(['phone:phoneFormat']);
    expect(codes({ ...valid, phone: '0312 620000 ext' })).toEqual(['phone:phoneFormat']);
    expect(codes({ ...valid, phone: '(0312) 62-00-00' })).toEqual(['phone:phoneFormat']);
  });

  it('accepts an address with spaces around it and refuses one with anything before or after it', () => {
    expect(codes({ ...valid, email: '  director@bala.kg ' })).toEqual([]);
    expect(codes({ ...valid, email: 'a@b@bala.kg' })).toEqual(['email:emailFormat']);
    expect(codes({ ...valid, email: 'the director@bala.kg' })).toEqual(['email:emailFormat']);
    expect(codes({ ...valid, email: 'director@bala.kg today' })).toEqual(['email:emailFormat']);
  });
});

describe('the PIN against the card', () => {
  it('names the country whose format the PIN fails', () => {
    expect(full({ ...valid, pin: '1080320150012' })).toEqual([{ path: 'pin', code: 'pinFormat', params: { country: 'KG' } }]);
  });

  it('names the birth date and the sex the PIN encodes when they disagree with the card', () => {
    expect(full({ ...valid, pin: '10903201500123' })).toEqual([{ path: 'pin', code: 'pinBirthDate', params: { encoded: '2015-03-09' } }]);
    expect(full({ ...valid, pin: '20803201500123' })).toEqual([{ path: 'pin', code: 'pinSex', params: { encoded: 'male' } }]);
    expect(full({ ...valid, sex: 'male' })).toEqual([{ path: 'pin', code: 'pinSex', params: { encoded: 'female' } }]);
    expect(codes({ ...valid, sex: 'male', pin: '20803201500123' })).toEqual([]);
  });

  it('does not compare the sex when the card has no known sex, or the PIN encodes none', () => {
    expect(codes({ ...valid, sex: 'other' })).toEqual(['sex:unknownCode']);
    expect(codes({ ...valid, sex: undefined })).toEqual(['sex:required']);
    const staff = { name: { surname: 'Aliyev', givenName: 'Rashad' }, carers: twoCarers, fin: '5HQ2K7P' };
    expect(staffCodes({ ...staff, sex: 'male', birthDate: '1990-01-01' })).toEqual([]);
    expect(staffCodes({ ...staff, sex: 'female' })).toEqual([]);
  });
});

describe('photos', () => {
  const photo = (mimeType: string, bytes: number) => ({ blobId: 'b1', mimeType, bytes });

  it('accepts JPEG and PNG up to exactly the maximum size', () => {
    expect(codes({ ...valid, photo: photo('image/jpeg', 2_000_000) })).toEqual([]);
    expect(codes({ ...valid, photo: photo('image/png', 10) })).toEqual([]);
    expect(codes({ ...valid, photo: photo('', 10) })).toEqual(['photo:photoType']);
  });

  it('refuses one byte over, naming the maximum in kilobytes', () => {
    expect(full({ ...valid, photo: photo('image/png', 2_000_001) })).toEqual([{ path: 'photo', code: 'photoTooLarge', params: { max: '1953' } }]);
  });

  it('refuses a photo given as a file name', () => {
    expect(codes({ ...valid, photo: 'child.jpg' })).toEqual(['photo:wrongType']);
  });
});

describe('groups', () => {
  const relative = { name: { surname: 'Asanov', givenName: 'Bakyt' }, kind: 'male' };
  const staff = { name: { surname: 'Aliyev', givenName: 'Rashad' } };

  it('accepts the maximum number of items and refuses one more, naming the maximum, without checking the extra item', () => {
    expect(codes({ ...valid, relatives: [relative, relative, relative] })).toEqual([]);
    expect(full({ ...valid, relatives: [relative, relative, relative, { name: relative.name }] })).toEqual([
      { path: 'relatives', code: 'tooManyItems', params: { max: '3' } },
    ]);
  });

  it('refuses fewer items than the minimum, naming it, and accepts exactly the minimum', () => {
    expect(validateForm(staffForm, { ...staff, carers: [{ kind: 'male' }] }, ctx)).toEqual([{ path: 'carers', code: 'tooFewItems', params: { min: '2' } }]);
    expect(staffCodes({ ...staff, carers: twoCarers })).toEqual([]);
  });

  it('refuses a group that is not a list, and each item that is not a set of fields', () => {
    expect(codes({ ...valid, relatives: 'Bakyt' })).toEqual(['relatives:wrongType']);
    expect(codes({ ...valid, relatives: ['Bakyt', null, [relative]] as never })).toEqual([
      'relatives.0:wrongType',
      'relatives.1:wrongType',
      'relatives.2:wrongType',
    ]);
  });
});
