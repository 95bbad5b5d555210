import { isWorkingDay, type WorkCalendar } from '../forms/workingDays';
import { calendarZone, clockMs, localDateTime, nextDate, zonedInstant } from './localTime';

/** A search bound: a calendar with no working day in ten years is a definition error, not a hang. */
const maxDays = 3660;

/**
 * The instant `hours` working hours after `from`, counting only the calendar's working hours on
 * working days in its zone: 0 hours from an evening or a holiday is the start of the next working
 * hours. Null when the calendar has no (valid) working hours.
 */
export function addWorkingHours(calendar: WorkCalendar, from: Date, hours: number): Date | null {
  const zone = calendarZone(calendar);
  const start = clockMs(calendar.workingHours?.start ?? '');
  const end = clockMs(calendar.workingHours?.end ?? '');
  if (start === null || end === null || start >= end || !(hours >= 0)) return null;
  let left = hours * 3_600_000;
  let { date, msOfDay } = localDateTime(from, zone);
  for (let day = 0; day < maxDays; day += 1) {
    if (isWorkingDay(calendar, date) && msOfDay < end) {
      const begin = Math.max(msOfDay, start);
      if (left <= end - begin) return zonedInstant(date, begin + left, zone);
      left -= end - begin;
    }
    date = nextDate(date);
    msOfDay = 0;
  }
  return null;
}
