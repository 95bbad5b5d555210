import { describe, expect, it } from 'vitest';
import { redactForRole, visibleSections } from '../../../shared/forms/access';
import { isIsoDate } from '../../../shared/forms/dates';
import type { FieldDef, FormDef } from '../../../shared/forms/formTypes';
import { editDistance, nameSkeleton, similarSkeletons } from '../../../shared/forms/nameMatching';
import { readAzPin } from '../../../shared/forms/pin/azPin';
import { readKgPin } from '../../../shared/forms/pin/kgPin';
import { readKzPin } from '../../../shared/forms/pin/kzPin';
import { readPin } from '../../../shared/forms/pin/readPin';
import { addWorkingDays, type WorkCalendar } from '../../../shared/forms/workingDays';

/*
 * Issue 22: what duplicate search, the date and PIN checks, role access and working-day
 * deadlines give the operator, pinned letter by letter and boundary by boundary.
 */

const similar = (a: string, b: string) => similarSkeletons(nameSkeleton(a), nameSkeleton(b));

describe('name skeletons: every letter reads as its Latin sound', () => {
  // After transliteration the spelling variants fold: е/э/ё → i, ц → s, я/ю drop their i.
  const expected: Record<string, string> = {
    а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'i', ё: 'i', ж: 'j', з: 'z', и: 'i', й: 'i',
    і: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't',
    у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 's', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i',
    ь: '', э: 'i', ю: 'u', я: 'a',
    ə: 'a', ä: 'a', ğ: 'g', ı: 'i', ö: 'o', ü: 'u', ş: 'sh', ç: 'ch', ñ: 'n', w: 'v', q: 'k', x: 'h', c: 'j',
  };

  it.each(Object.entries(expected))('%s reads as "%s"', (letter, latin) => {
    expect(nameSkeleton(letter)).toBe(latin);
    expect(nameSkeleton(letter.toUpperCase())).toBe(latin);
  });

  it('hard and soft signs vanish inside a name', () => {
    expect(nameSkeleton('Объедков')).toBe('obidkav');
    expect(nameSkeleton('Илья')).toBe('ila');
  });
});

describe('name skeletons: Latin and Cyrillic spellings of the same name meet', () => {
  it('Latin ch and tch are Ч, while a lone Azerbaijani c is Дж', () => {
    expect(nameSkeleton('Chyngyz')).toBe('chingiz');
    expect(nameSkeleton('Чыңгыз')).toBe('chingiz');
    expect(nameSkeleton('Kuchukov')).toBe(nameSkeleton('Кучуков'));
    expect(nameSkeleton('Tchaikovsky')).toBe('chaikavski');
    expect(nameSkeleton('Чайковский')).toBe('chaikavski');
    expect(nameSkeleton('Cəfərov')).toBe('jafarav');
    expect(nameSkeleton('Джафаров')).toBe('jafarav');
  });

  it('Ц and Latin ts both read as s', () => {
    expect(nameSkeleton('Цой')).toBe('soi');
    expect(nameSkeleton('Tsoi')).toBe('soi');
  });

  it('я after a consonant keeps only its vowel: Илья, Ilya and Ilia meet', () => {
    expect(nameSkeleton('Ilya')).toBe('ila');
    expect(nameSkeleton('Ilia')).toBe('ila');
  });

  it('-ий and -iy endings end in one i', () => {
    expect(nameSkeleton('Дмитрий')).toBe('dmitri');
    expect(nameSkeleton('Dmitriy')).toBe('dmitri');
  });

  it('a key held down still gives the same name', () => {
    expect(nameSkeleton('Асссанова')).toBe('asanava');
    expect(nameSkeleton('Asssanova')).toBe('asanava');
  });

  it('the Azerbaijani dotted İ reads as i; hyphens and marks vanish', () => {
    expect(nameSkeleton('İLHAM')).toBe('ilham');
    expect(nameSkeleton('Ilham')).toBe('ilham');
    expect(nameSkeleton('Асанова-Бекова')).toBe('asanavabikava');
  });
});

describe('similar names for duplicate search', () => {
  it('Həsənov and Гасанов differ by their first letter only: a possible match', () => {
    expect(nameSkeleton('Həsənov')).toBe('hasanav');
    expect(nameSkeleton('Гасанов')).toBe('gasanav');
    expect(similar('Həsənov', 'Гасанов')).toBe(true);
    expect(editDistance('hasanav', 'gasanav', 1)).toBe(1);
  });

  it('one letter more is a possible match, two are not, for names under 8 letters', () => {
    expect(similar('Асанов', 'Асанова')).toBe(true);
    expect(editDistance('asanav', 'asanava', 1)).toBe(1);
    expect(similarSkeletons('asana', 'asanava')).toBe(false);
  });

  it('names of 8 letters or more tolerate two slips, shorter ones one', () => {
    // Exactly 8 letters, two slips.
    expect(nameSkeleton('Осонбаев')).toBe('osonbaiv');
    expect(nameSkeleton('Асанбаев')).toBe('asanbaiv');
    expect(similar('Осонбаев', 'Асанбаев')).toBe(true);
    // The longer of the two counts: 9 letters against 7, two letters apart.
    expect(similarSkeletons('jumabaiva', 'jumabai')).toBe(true);
    // 7 letters, two slips: not shown.
    expect(similarSkeletons('asanava', 'osonava')).toBe(false);
    expect(similarSkeletons('asanbaiv', 'osonbaiva')).toBe(false);
  });

  it('a name that reads as nothing matches nothing, even a one-letter name', () => {
    expect(nameSkeleton('—')).toBe('');
    expect(nameSkeleton('Ю')).toBe('u');
    expect(similar('—', 'Ю')).toBe(false);
    expect(similar('Ю', '—')).toBe(false);
    expect(similar('Ю', 'У')).toBe(true);
  });

  it('edit distance counts every letter of the longer name', () => {
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('a', 'abc')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('edit distance stops at one past the limit', () => {
    expect(editDistance('marat', 'timur', 1)).toBe(2);
    expect(editDistance('marat', 'timur', 5)).toBe(5);
  });
});

describe('calendar dates as the forms store them', () => {
  it('accepts exactly YYYY-MM-DD, nothing before or after', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-02-29T00:00')).toBe(false);
    expect(isIsoDate('2024-02-29 ')).toBe(false);
    expect(isIsoDate('x2024-02-29')).toBe(false);
    expect(isIsoDate('12024-02-29')).toBe(false);
  });

  it('starts at 1 January 1900', () => {
    expect(isIsoDate('1900-01-01')).toBe(true);
    expect(isIsoDate('1899-12-31')).toBe(false);
    expect(isIsoDate('1899-05-05')).toBe(false);
    expect(isIsoDate('0050-05-05')).toBe(false);
  });

  it('refuses days and months that do not exist', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-04-30')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-05-00')).toBe(false);
  });
});

describe('PINs: exactly the country’s length, no more', () => {
  it('Kyrgyz PIN: 14 digits; a 15th is a format error', () => {
    expect(readKgPin('20102201500123')).toEqual({ ok: true, sex: 'male', birthDate: '2015-02-01' });
    expect(readKgPin('201022015001234')).toEqual({ ok: false, problem: 'format' });
    expect(readKgPin('120102201500123')).toEqual({ ok: false, problem: 'format' });
    expect(readPin('KG', '2010 2201 5001 23')).toEqual({ ok: true, sex: 'male', birthDate: '2015-02-01' });
  });

  it('Kazakh IIN: 12 digits; a valid IIN with a digit added is a format error', () => {
    expect(readKzPin('150305500000')).toEqual({ ok: true, sex: 'male', birthDate: '2015-03-05' });
    expect(readKzPin('1503055000007')).toEqual({ ok: false, problem: 'format' });
    expect(readKzPin('7150305500000')).toEqual({ ok: false, problem: 'format' });
  });

  it('Azerbaijani FIN: 7 capitals and digits; an eighth is a format error', () => {
    expect(readAzPin('5ABC123')).toEqual({ ok: true });
    expect(readAzPin('5ABC1234')).toEqual({ ok: false, problem: 'format' });
    expect(readAzPin('X5ABC123')).toEqual({ ok: false, problem: 'format' });
    expect(readPin('AZ', '5abc-123')).toEqual({ ok: true });
  });
});

describe('what a role sees of a form', () => {
  const n = (en: string) => ({ ky: en, ru: en, az: en, kk: en, en });
  const text = (id: string, access?: FieldDef['access']): FieldDef => ({ id, kind: 'text', maxLength: 40, label: n(id), ...(access ? { access } : {}) });
  const doctorsOnly = { view: ['doctor'] };
  const form: FormDef = {
    id: 'test.access',
    version: 1,
    title: n('Access'),
    sections: [
      { id: 'identity', title: n('Identity'), fields: [text('name'), text('health', doctorsOnly)] },
      { id: 'medical', title: n('Medical'), access: doctorsOnly, fields: [text('diagnosis')] },
      { id: 'treatment', title: n('Treatment'), fields: [text('therapy', doctorsOnly)] },
    ],
  };
  const layout = (role: string) => visibleSections(form, role).map((section) => `${section.id}:${section.fields.map((field) => field.id).join(',')}`);

  it('a clerk sees neither a doctors-only section, nor a doctors-only field, nor a section left empty', () => {
    expect(layout('clerk')).toEqual(['identity:name']);
    expect(layout('doctor')).toEqual(['identity:name,health', 'medical:diagnosis', 'treatment:therapy']);
  });

  it('a record leaves the backend for a clerk with only the values the clerk may see', () => {
    const values = { name: 'Асанова', health: 'asthma', diagnosis: 'J45', therapy: 'inhaler', stray: 'x' };
    expect(redactForRole(form, values, 'clerk')).toEqual({ name: 'Асанова' });
    expect(redactForRole(form, values, 'doctor')).toEqual({ name: 'Асанова', health: 'asthma', diagnosis: 'J45', therapy: 'inhaler' });
  });
});

describe('working-day deadlines from a date that does not exist', () => {
  const calendar: WorkCalendar = { id: 'test', restWeekdays: [0, 6], annualHolidays: [], extraDaysOff: [], extraWorkingDays: [] };

  it('refuses 30 February instead of counting from 2 March', () => {
    expect(() => addWorkingDays(calendar, '2026-02-30', 2)).toThrow(new RangeError('from must be YYYY-MM-DD'));
    expect(() => addWorkingDays(calendar, '30.02.2026', 2)).toThrow(new RangeError('from must be YYYY-MM-DD'));
    expect(addWorkingDays(calendar, '2026-02-27', 2)).toBe('2026-03-03');
  });
});
