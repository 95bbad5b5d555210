import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkCalendar } from '../../../shared/forms/workingDays';

const calendar: WorkCalendar = {
  id: 'test',
  restWeekdays: [0, 6],
  annualHolidays: ['01-01', '03-08', '03-21'],
  extraDaysOff: ['2026-03-20'],
  extraWorkingDays: ['2026-03-28'],
};

describe('working-day deadlines', () => {
  it('counts from the day after the event and skips weekends', () => {
    // Thursday 2026-11-26 + 2 working days → Monday 2026-11-30.
    expect(addWorkingDays(calendar, '2026-11-26', 2)).toBe('2026-11-30');
    expect(addWorkingDays(calendar, '2026-11-23', 2)).toBe('2026-11-25');
    // An arrival on Saturday: Monday and Tuesday.
    expect(addWorkingDays(calendar, '2026-11-28', 2)).toBe('2026-12-01');
  });

  it('skips annual holidays and announced days off, and counts a declared working Saturday', () => {
    // Thu 19 March 2026 → Fri 20 (announced off), Sat 21 (Nooruz, weekend anyway), Mon 23, Tue 24.
    expect(addWorkingDays(calendar, '2026-03-19', 2)).toBe('2026-03-24');
    expect(isWorkingDay(calendar, '2026-03-28')).toBe(true);
    expect(isWorkingDay(calendar, '2027-03-08')).toBe(false);
    expect(isWorkingDay(calendar, '2027-01-01')).toBe(false);
  });

  it('measures working days between two dates, either way round', () => {
    expect(workingDaysBetween(calendar, '2026-11-26', '2026-11-30')).toBe(2);
    expect(workingDaysBetween(calendar, '2026-11-30', '2026-11-26')).toBe(-2);
    expect(workingDaysBetween(calendar, '2026-11-26', '2026-11-26')).toBe(0);
  });

  it('refuses a malformed start date', () => {
    expect(() => addWorkingDays(calendar, '26.11.2026', 2)).toThrow(RangeError);
  });
});
