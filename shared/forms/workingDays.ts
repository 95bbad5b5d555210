import { isIsoDate } from './dates';

/**
 * A country's working calendar: the weekly rest days, holidays that fall on the same date every
 * year, and per-date exceptions the government announces each year (movable religious holidays,
 * days off moved to bridge a holiday, Saturdays made working days).
 */
export interface WorkCalendar {
  id: string;
  /** 0 = Sunday … 6 = Saturday. */
  restWeekdays: readonly number[];
  /** `MM-DD`. */
  annualHolidays: readonly string[];
  /** `YYYY-MM-DD` days off beyond the above. */
  extraDaysOff: readonly string[];
  /** `YYYY-MM-DD` rest days declared working days. */
  extraWorkingDays: readonly string[];
  /**
   * The IANA zone (`Asia/Bishkek`) in which "today" and a step's local date are computed, so the
   * server and the workstation agree (shared/workflows/localTime.ts).
   */
  timeZone?: string;
  /** Office hours on a working day, `HH:MM` local time: deadlines in working hours count only these. */
  workingHours?: { start: string; end: string };
}

const dayMs = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

export function isWorkingDay(calendar: WorkCalendar, iso: string): boolean {
  if (calendar.extraWorkingDays.includes(iso)) return true;
  if (calendar.extraDaysOff.includes(iso)) return false;
  if (calendar.annualHolidays.includes(iso.slice(5))) return false;
  return !calendar.restWeekdays.includes(toDate(iso).getUTCDay());
}

/**
 * The last day of a deadline of `days` working days counted from the day after `from` (the
 * day of the event itself does not count): "within two working days of arrival".
 */
export function addWorkingDays(calendar: WorkCalendar, from: string, days: number): string {
  if (!isIsoDate(from)) throw new RangeError('from must be YYYY-MM-DD');
  let date = toDate(from);
  let left = days;
  while (left > 0) {
    date = new Date(date.getTime() + dayMs);
    if (isWorkingDay(calendar, toIso(date))) left -= 1;
  }
  return toIso(date);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  if (to < from) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let date = toDate(from).getTime() + dayMs; date <= toDate(to).getTime(); date += dayMs) {
    if (isWorkingDay(calendar, toIso(new Date(date)))) count += 1;
  }
  return count;
}
