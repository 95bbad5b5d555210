import { isIsoDate } from '../forms/dates';
import type { FormValues } from '../forms/formTypes';
import { addWorkingDays, workingDaysBetween, type WorkCalendar } from '../forms/workingDays';
import { caseState } from './caseLog';
import { calendarDate, calendarZone, zonedInstant } from './localTime';
import { stepDoneAt } from './stepDone';
import { addWorkingHours } from './workingHours';
import type { StepDef, StepDue, WorkflowDef } from './workflowTypes';

/**
 * unscheduled: its anchor step is not done, or the case is in a state where it is not due;
 * open / dueSoon / overdue: not done yet; onTime / late: done, against its due date.
 */
export type StepState = 'unscheduled' | 'open' | 'dueSoon' | 'overdue' | 'onTime' | 'late';

export interface StepDeadline {
  stepId: string;
  owners: readonly string[];
  /** When the step the deadline counts from was done: a date or an instant (null: not yet). */
  anchor: string | null;
  /** The last day (`YYYY-MM-DD`) for deadlines in days, the last instant for deadlines in hours. */
  due: string | null;
  doneAt: string | null;
  state: StepState;
}

/** A date stands for its local midnight; an instant is itself. */
const instantOf = (calendar: WorkCalendar, moment: string): Date => (isIsoDate(moment) ? zonedInstant(moment, 0, calendarZone(calendar)) : new Date(moment));
/** A date is already local; an instant's local date is the calendar zone's. */
const dateOf = (calendar: WorkCalendar, moment: string): string => (isIsoDate(moment) ? moment : calendarDate(calendar, new Date(moment)));

function dueOf(calendar: WorkCalendar, due: StepDue, anchor: string): string | null {
  if ('workingDays' in due) return addWorkingDays(calendar, dateOf(calendar, anchor), due.workingDays);
  if ('workingHours' in due) return addWorkingHours(calendar, instantOf(calendar, anchor), due.workingHours)?.toISOString() ?? null;
  return new Date(instantOf(calendar, anchor).getTime() + due.hours * 3_600_000).toISOString();
}

/**
 * Every step of a case with its deadline and where it stands at `now`: computed when read, by this
 * one function on the workstation and the server, in the calendar's local days.
 */
export function stepDeadlines(
  def: WorkflowDef,
  calendar: WorkCalendar,
  values: FormValues,
  log: readonly unknown[],
  createdAt: string | null,
  now: Date,
): StepDeadline[] {
  const current = caseState(def, log);
  const final = def.states.find((state) => state.id === current.state)?.final === true;
  const created = createdAt !== null && !Number.isNaN(Date.parse(createdAt)) ? createdAt : null;
  const doneAt = (step: StepDef) => stepDoneAt(step, values, current.effects, created);
  const today = calendarDate(calendar, now);
  const soon = def.soonWorkingDays ?? 1;

  return def.steps.map((step) => {
    const done = doneAt(step);
    const active = step.activeIn ? step.activeIn.includes(current.state) : !final;
    const row = { stepId: step.id, owners: step.owners, doneAt: done };
    if (!step.due) return { ...row, anchor: null, due: null, state: done ? 'onTime' : active ? 'open' : 'unscheduled' };
    const anchorStep = def.steps.find((candidate) => candidate.id === step.due?.after);
    const anchor = anchorStep ? doneAt(anchorStep) : null;
    const due = anchor === null ? null : dueOf(calendar, step.due, anchor);
    if (anchor === null || due === null) return { ...row, anchor, due: null, state: 'unscheduled' };
    const inDays = isIsoDate(due);
    if (done) {
      const onTime = inDays || isIsoDate(done) ? dateOf(calendar, done) <= dateOf(calendar, due) : new Date(done) <= new Date(due);
      return { ...row, anchor, due, state: onTime ? 'onTime' : 'late' };
    }
    if (!active) return { ...row, anchor, due, state: 'unscheduled' };
    const overdue = inDays ? today > due : now > new Date(due);
    if (overdue) return { ...row, anchor, due, state: 'overdue' };
    return { ...row, anchor, due, state: workingDaysBetween(calendar, today, dateOf(calendar, due)) <= soon ? 'dueSoon' : 'open' };
  });
}
