import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../../../shared/forms/deadlines';
import { classifierMap } from '../../../shared/forms/packTypes';
import { readPin } from '../../../shared/forms/pin/readPin';
import { validateForm } from '../../../shared/forms/validateForm';
import { pupilForm, samplePupil } from '../../support/pupilSamples';

/*
 * Issue 22: small flips of the form rules that the suite once let through. Each test pins the
 * exact boundary (today, the due day, the century digit) or the exact issue code.
 */

const { pack, form } = pupilForm();
const classifiers = classifierMap(pack);
const today = '2026-11-25';
const issues = (values: Record<string, unknown>) =>
  validateForm(form, samplePupil(3, values as never), { classifiers, today }).map((issue) => `${issue.path}:${issue.code}`);

describe('"required when another field equals" (Pack 1: disability → disability group)', () => {
  const groupField = form.sections.flatMap((section) => section.fields).find((field) => field.id === 'disabilityGroup');
  const group = groupField?.kind === 'choice' ? classifiers[groupField.classifier]?.entries[0]?.code : undefined;

  it('asks for the disability group exactly when disability is yes', () => {
    expect(group).toBeTypeOf('string');
    expect(issues({ disability: true })).toEqual(['disabilityGroup:required']);
    expect(issues({ disability: true, disabilityGroup: group })).toEqual([]);
    expect(issues({ disability: false })).toEqual([]);
  });
});

describe('"not in the future"', () => {
  it('accepts today and refuses tomorrow with dateInFuture', () => {
    expect(issues({ admittedOn: today })).toEqual([]);
    expect(issues({ admittedOn: '2026-11-26' })).toEqual(['admittedOn:dateInFuture']);
    // Across a month's end too: the comparison is of whole dates, not of day numbers.
    expect(validateForm(form, samplePupil(3, { admittedOn: '2026-12-01' }), { classifiers, today: '2026-11-30' }).map((issue) => issue.code)).toEqual(['dateInFuture']);
    expect(validateForm(form, samplePupil(3, { admittedOn: '2026-11-30' }), { classifiers, today: '2026-11-30' })).toEqual([]);
  });
});

describe('the due day of entry (open / overdue, on time / late)', () => {
  // Arrival Friday 2026-11-20, two working days: due Tuesday 2026-11-24 (Pack 1 calendar).
  const values = samplePupil(3, { admittedOn: '2026-11-20' });
  const at = (day: string, hour = '12:00:00') => new Date(`${day}T${hour}`);

  it('is still open on the due day itself, to its last minute, and overdue the next morning', () => {
    expect(deadlineStatus(form, pack.calendar, values, null, at('2026-11-24', '23:59:59'))).toEqual({ eventDate: '2026-11-20', due: '2026-11-24', enteredOn: null, state: 'open' });
    expect(deadlineStatus(form, pack.calendar, values, null, at('2026-11-24', '00:00:00'))?.state).toBe('open');
    expect(deadlineStatus(form, pack.calendar, values, null, at('2026-11-25', '00:00:01'))?.state).toBe('overdue');
  });

  it('counts an entry on the due day on time and one the day after late', () => {
    expect(deadlineStatus(form, pack.calendar, values, at('2026-11-24', '23:59:00'), at('2026-12-10'))?.state).toBe('onTime');
    expect(deadlineStatus(form, pack.calendar, values, at('2026-11-25', '00:01:00'), at('2026-12-10'))?.state).toBe('late');
  });
});

/** A 12-digit IIN with the right check digit for the first eleven (null: none exists). */
function iin(first11: string): string | null {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0) % 11;
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check === 10 ? null : `${first11}${check}`;
}

/** The first serial that gives a valid check digit for this date and century digit. */
function validIin(yymmdd: string, centuryDigit: number): string {
  for (let serial = 0; serial < 10_000; serial += 1) {
    const made = iin(`${yymmdd}${centuryDigit}${String(serial).padStart(4, '0')}`);
    if (made) return made;
  }
  throw new Error('no serial');
}

describe('the Kazakh IIN century-and-sex digit', () => {
  it('reads 1…6 as the 1800s, 1900s and 2000s, odd male, even female', () => {
    expect(readPin('KZ', validIin('080312', 1))).toEqual({ ok: true, sex: 'male', birthDate: '1808-03-12' });
    expect(readPin('KZ', validIin('080312', 2))).toEqual({ ok: true, sex: 'female', birthDate: '1808-03-12' });
    expect(readPin('KZ', validIin('991231', 3))).toEqual({ ok: true, sex: 'male', birthDate: '1999-12-31' });
    expect(readPin('KZ', validIin('991231', 4))).toEqual({ ok: true, sex: 'female', birthDate: '1999-12-31' });
    expect(readPin('KZ', validIin('150101', 5))).toEqual({ ok: true, sex: 'male', birthDate: '2015-01-01' });
    expect(readPin('KZ', validIin('150101', 6))).toEqual({ ok: true, sex: 'female', birthDate: '2015-01-01' });
  });

  it('reads 0, 7, 8 and 9 as neither sex nor birth date (a valid number all the same)', () => {
    for (const digit of [0, 7, 8, 9]) {
      expect(readPin('KZ', validIin('150101', digit)), String(digit)).toEqual({ ok: true });
    }
  });
});
