import type { FieldDef, FormDef, RoleId } from '../forms/formTypes';
import type { PackDef } from '../forms/packTypes';
import type { WorkCalendar } from '../forms/workingDays';
import { clockMs, isTimeZone } from './localTime';
import type { WorkflowDef } from './workflowTypes';

export type WorkflowDefErrorCode =
  | 'DUPLICATE_ID'
  | 'UNKNOWN_STATE'
  | 'UNKNOWN_STEP'
  | 'UNKNOWN_TRANSITION'
  | 'UNKNOWN_ROLE'
  | 'UNKNOWN_FORM'
  | 'UNKNOWN_FIELD'
  | 'NO_ROLES'
  | 'NOT_A_DATE_FIELD'
  | 'DUE_CYCLE'
  | 'BAD_DUE'
  | 'HOURS_WITHOUT_WORKING_HOURS'
  | 'BAD_WORKING_HOURS'
  | 'NO_TIME_ZONE'
  | 'BAD_TIME_ZONE';

export interface WorkflowDefError {
  code: WorkflowDefErrorCode;
  /** Where, e.g. `steps.assessment.due.after`. */
  path: string;
}

export interface WorkflowContext {
  /** The form whose records are the cases: checks `formId` and the fields named. */
  form?: FormDef;
  /** The calendar deadlines are counted in. */
  calendar?: WorkCalendar;
  /** The pack's roles: checks owners, transition and approval roles. */
  roles?: readonly RoleId[];
}

/** Every mistake in a workflow's definition; an empty list means the engine can run it. Packs are tested with it. */
export function checkWorkflowDef(def: WorkflowDef, context: WorkflowContext = {}): WorkflowDefError[] {
  const errors: WorkflowDefError[] = [];
  const add = (code: WorkflowDefErrorCode, path: string) => errors.push({ code, path });
  const states = new Set(def.states.map((state) => state.id));
  const steps = new Map(def.steps.map((step) => [step.id, step]));
  const transitions = new Set(def.transitions.map((transition) => transition.id));
  const fields = context.form ? new Map(context.form.sections.flatMap((section) => section.fields).map((field): [string, FieldDef] => [field.id, field])) : null;
  const checkRoles = (roles: readonly RoleId[], path: string) => {
    for (const role of roles) if (context.roles && !context.roles.includes(role)) add('UNKNOWN_ROLE', `${path}.${role}`);
  };
  const checkState = (id: string, path: string) => {
    if (!states.has(id)) add('UNKNOWN_STATE', path);
  };

  for (const [kind, ids] of [
    ['states', def.states.map((state) => state.id)],
    ['steps', def.steps.map((step) => step.id)],
    ['transitions', def.transitions.map((transition) => transition.id)],
  ] as const) {
    for (const [index, id] of ids.entries()) if (ids.indexOf(id) !== index) add('DUPLICATE_ID', `${kind}.${id}`);
  }
  if (context.form && context.form.id !== def.formId) add('UNKNOWN_FORM', 'formId');
  checkState(def.initial, 'initial');

  for (const step of def.steps) {
    const path = `steps.${step.id}`;
    checkRoles(step.owners, `${path}.owners`);
    // A step nobody owns appears on nobody's dashboard.
    if (step.owners.length === 0) add('NO_ROLES', `${path}.owners`);
    for (const state of step.activeIn ?? []) checkState(state, `${path}.activeIn.${state}`);
    if ('field' in step.done && fields) {
      const field = fields.get(step.done.field);
      if (!field) add('UNKNOWN_FIELD', `${path}.done.field`);
      else if (field.kind !== 'date') add('NOT_A_DATE_FIELD', `${path}.done.field`);
    }
    if ('transition' in step.done && !transitions.has(step.done.transition)) add('UNKNOWN_TRANSITION', `${path}.done.transition`);
    if (!step.due) continue;
    if (!steps.has(step.due.after)) add('UNKNOWN_STEP', `${path}.due.after`);
    const amount = 'workingDays' in step.due ? step.due.workingDays : 'workingHours' in step.due ? step.due.workingHours : step.due.hours;
    if (!Number.isFinite(amount) || amount < 0) add('BAD_DUE', `${path}.due`);
    if ('workingHours' in step.due && context.calendar && !context.calendar.workingHours) add('HOURS_WITHOUT_WORKING_HOURS', `${path}.due`);
  }
  for (const step of def.steps) {
    // Following `due.after` from a step must end; coming back to it is a cycle.
    const seen = new Set([step.id]);
    for (let next = step.due?.after; next !== undefined; next = steps.get(next)?.due?.after) {
      if (seen.has(next)) {
        if (next === step.id) add('DUE_CYCLE', `steps.${step.id}.due.after`);
        break;
      }
      seen.add(next);
    }
  }

  for (const transition of def.transitions) {
    const path = `transitions.${transition.id}`;
    for (const state of transition.from) checkState(state, `${path}.from.${state}`);
    checkState(transition.to, `${path}.to`);
    checkRoles(transition.roles, `${path}.roles`);
    if (transition.roles.length === 0) add('NO_ROLES', `${path}.roles`);
    if (transition.approval) checkRoles(transition.approval.roles, `${path}.approval.roles`);
    if (transition.approval?.roles.length === 0) add('NO_ROLES', `${path}.approval.roles`);
    for (const step of transition.requires?.steps ?? []) if (!steps.has(step)) add('UNKNOWN_STEP', `${path}.requires.steps.${step}`);
    for (const field of transition.requires?.fields ?? []) if (fields && !fields.has(field)) add('UNKNOWN_FIELD', `${path}.requires.fields.${field}`);
  }

  const calendar = context.calendar;
  if (calendar && def.steps.some((step) => step.due)) {
    if (calendar.timeZone === undefined) add('NO_TIME_ZONE', 'calendar.timeZone');
    else if (!isTimeZone(calendar.timeZone)) add('BAD_TIME_ZONE', 'calendar.timeZone');
  }
  if (calendar?.workingHours) {
    const [start, end] = [clockMs(calendar.workingHours.start), clockMs(calendar.workingHours.end)];
    if (start === null || end === null || start >= end) add('BAD_WORKING_HOURS', 'calendar.workingHours');
  }
  return errors;
}

/** Every pack workflow checked against the pack's own form, calendar and roles. */
export function checkPackWorkflows(pack: PackDef): WorkflowDefError[] {
  return (pack.workflows ?? []).flatMap((def) =>
    checkWorkflowDef(def, {
      form: pack.forms.find((form) => form.id === def.formId) ?? { id: `missing:${def.formId}`, version: 0, title: def.title, sections: [] },
      calendar: pack.calendar,
      roles: pack.roles.map((role) => role.id),
    }).map((error) => ({ ...error, path: `${def.id}.${error.path}` })),
  );
}
