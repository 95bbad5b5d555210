import type { LocalisedName } from '../../../shared/forms/classifier';
import { isIsoDate } from '../../../shared/forms/dates';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';
import { registryPacks } from '../../../shared/packs';
import type { WorkCalendar } from '../../../shared/forms/workingDays';
import { calendarZone, localDateTime } from '../../../shared/workflows/localTime';
import type { StepState } from '../../../shared/workflows/stepDeadlines';
import type { WorkflowDef } from '../../../shared/workflows/workflowTypes';

/** The registry packs' workflow of that id (the case view names it), or null. */
export const workflowById = (id: string): WorkflowDef | null => registryPacks.flatMap((pack) => pack.workflows ?? []).find((workflow) => workflow.id === id) ?? null;

/** The workflow a form's records are the cases of, or null. */
export const workflowOfForm = (formId: string): WorkflowDef | null => registryPacks.flatMap((pack) => pack.workflows ?? []).find((workflow) => workflow.formId === formId) ?? null;

/** Does the role own any step of the registry's workflows (has it a "what I must do" list)? */
export const ownsCaseSteps = (role: string): boolean => registryPacks.some((pack) => (pack.workflows ?? []).some((workflow) => workflow.steps.some((step) => step.owners.includes(role))));

const nameIn = (items: readonly { id: string; names: LocalisedName }[], id: string, language: Language) => items.find((item) => item.id === id)?.names[language] ?? id;

/** A state, step or transition by its name in the operator's language (its id if the pack lacks it). */
export const stateName = (def: WorkflowDef, id: string, language: Language) => nameIn(def.states, id, language);
export const stepName = (def: WorkflowDef, id: string, language: Language) => nameIn(def.steps, id, language);
export const transitionName = (def: WorkflowDef, id: string, language: Language) => nameIn(def.transitions, id, language);

/** The calendar a workflow's deadlines count in: its pack's. */
const calendarOf = (def: WorkflowDef): WorkCalendar | null => registryPacks.find((pack) => pack.workflows?.includes(def))?.calendar ?? null;

const longDay = (date: string, language: Language) => {
  const [year, month, day] = date.split('-').map(Number);
  return formatDate(new Date(year ?? 0, (month ?? 1) - 1, day ?? 1), language);
};
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A deadline or a moment of a case as the operator reads it, in the language's long date: a local
 * day (`YYYY-MM-DD`, a deadline in days) as that day, never shifted by a zone; an instant with its
 * time on the wall clock of the workflow's calendar — the days its deadlines count in — so that
 * "done on" and "due by" speak of the same days whatever the machine's zone.
 */
export function momentParts(moment: string, def: WorkflowDef, language: Language): { date: string; time: string | null } {
  if (isIsoDate(moment)) return { date: longDay(moment, language), time: null };
  const instant = new Date(moment);
  const calendar = calendarOf(def);
  if (!calendar) return { date: formatDate(instant, language), time: formatTime(instant) };
  const local = localDateTime(instant, calendarZone(calendar));
  const minutes = Math.floor(local.msOfDay / 60_000);
  return { date: longDay(local.date, language), time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
}

/** The same, as one text. */
export function showMoment(moment: string, def: WorkflowDef, language: Language): string {
  const { date, time } = momentParts(moment, def, language);
  return time ? `${date} ${time}` : date;
}

/** The catalogue key of a step's standing. */
export const stepStateKey = {
  unscheduled: 'cases.stepUnscheduled',
  open: 'cases.stepOpen',
  dueSoon: 'cases.stepDueSoon',
  overdue: 'cases.stepOverdue',
  onTime: 'cases.stepOnTime',
  late: 'cases.stepLate',
} as const satisfies Record<StepState, string>;
