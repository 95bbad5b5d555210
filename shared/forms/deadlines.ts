import { isIsoDate, localToday } from './dates';
import type { FormDef, FormValues } from './formTypes';
import { addWorkingDays, type WorkCalendar } from './workingDays';

export interface DeadlineStatus {
  /** The date the regulation counts from (arrival, change, discharge). */
  eventDate: string;
  /** The last day the record may be entered on time. */
  due: string;
  /** The day it was entered, or null while not yet saved. */
  enteredOn: string | null;
  state: 'onTime' | 'late' | 'open' | 'overdue';
}

/** Whether a record was (or can still be) entered within its form's deadline. */
export function deadlineStatus(form: FormDef, calendar: WorkCalendar, values: FormValues, enteredAt: Date | null, now: Date = new Date()): DeadlineStatus | null {
  if (!form.deadline) return null;
  const eventDate = values[form.deadline.field];
  if (typeof eventDate !== 'string' || !isIsoDate(eventDate)) return null;
  const due = addWorkingDays(calendar, eventDate, form.deadline.workingDays);
  if (enteredAt) {
    const enteredOn = localToday(enteredAt);
    return { eventDate, due, enteredOn, state: enteredOn <= due ? 'onTime' : 'late' };
  }
  return { eventDate, due, enteredOn: null, state: localToday(now) <= due ? 'open' : 'overdue' };
}
