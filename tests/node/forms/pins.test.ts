import { describe, expect, it } from 'vitest';
import { readPin } from '../../../shared/forms/pin/readPin';

describe('personal identification numbers', () => {
  it('Kyrgyz PIN: sex digit, birth date DDMMYYYY, 14 digits', () => {
    expect(readPin('KG', '21203200800017')).toEqual({ ok: true, sex: 'male', birthDate: '2008-03-12' });
    expect(readPin('KG', '10101199912345')).toEqual({ ok: true, sex: 'female', birthDate: '1999-01-01' });
    expect(readPin('KG', '01203200800017').ok).toBe(false);
    expect(readPin('KG', '2120320080001A').ok).toBe(false);
  });

  it('Kazakh IIN: YYMMDD, century-and-sex digit, check digit', () => {
    // Check digits worked by hand with the published weights (1…11, then 3…11,1,2).
    expect(readPin('KZ', '080312600109')).toEqual({ ok: true, sex: 'female', birthDate: '2008-03-12' });
    expect(readPin('KZ', '080312600108').ok).toBe(false);
    expect(readPin('KZ', '080312600006')).toEqual({ ok: true, sex: 'female', birthDate: '2008-03-12' }); // needs the second weights
    expect(readPin('KZ', '991231300201')).toEqual({ ok: true, sex: 'male', birthDate: '1999-12-31' });
    expect(readPin('KZ', '0803126000').ok).toBe(false);
  });

  it('Azerbaijani FIN: seven Latin capitals and digits, case and spacing forgiven', () => {
    expect(readPin('AZ', '5ab 3k9z')).toEqual({ ok: true });
    expect(readPin('AZ', '5AB3K9').ok).toBe(false);
    expect(readPin('AZ', '5ƏB3K9Z').ok).toBe(false);
  });
});
