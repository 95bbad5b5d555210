import { localToday } from '../../../shared/forms/dates';

/**
 * The period the statistics screen opens on: the reporting year so far, from 1 January of the
 * current year to today (the calendar day on this computer).
 */
export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  const to = localToday(now);
  return { from: `${to.slice(0, 4)}-01-01`, to };
}
