import type { FormValues } from '../forms/formTypes';
import { isEmpty } from '../forms/validateForm';
import { caseState, stateAt, uniqueEvents, type CaseFold, type CaseState } from './caseLog';
import { canonicalEvent, isWorkflowEvent } from './eventShape';
import { stepDoneAt } from './stepDone';
import type { Actor, TransitionDef, WorkflowDef, WorkflowEvent } from './workflowTypes';

/** Why an event is refused; docs/workflows.md says what each means. */
export type RefusalCode =
  | 'MALFORMED'
  | 'ID_REUSED'
  | 'WRONG_AUTHOR'
  | 'UNKNOWN_AFTER'
  | 'STALE'
  | 'IN_CONFLICT'
  | 'NO_CONFLICT'
  | 'BAD_RESOLUTION'
  | 'UNKNOWN_TRANSITION'
  | 'WRONG_STATE'
  | 'NOT_PERMITTED'
  | 'APPROVAL_REQUIRED'
  | 'NO_APPROVAL_NEEDED'
  | 'AWAITING_APPROVAL'
  | 'MISSING_PREREQUISITE'
  | 'NO_PENDING_REQUEST'
  | 'SELF_APPROVAL'
  | 'NOT_APPROVER'
  | 'SAME_AGENCY';

export type EventCheck = { ok: true } | { ok: false; code: RefusalCode; missing?: { fields: string[]; steps: string[] } };

export interface CheckOptions {
  /**
   * The server checking events a workstation made offline: an event may follow any chain event
   * (not only the head) and is judged by the state its author saw; a second branch is a fork.
   */
  offline?: boolean;
}

const refuse = (code: RefusalCode): EventCheck => ({ ok: false, code });

/**
 * Whether `event` may be added to a case's log by `actor`, given the case's current values: one
 * pure rule for the workstation (before it records) and the server (before it accepts a push).
 * Never throws: bad input is a refusal.
 */
export function checkEvent(def: WorkflowDef, log: readonly unknown[], event: unknown, values: FormValues, actor: Actor, options: CheckOptions = {}): EventCheck {
  try {
    return check(def, log, event, typeof values === 'object' && values !== null ? values : {}, actor, options);
  } catch {
    return refuse('MALFORMED');
  }
}

function check(def: WorkflowDef, log: readonly unknown[], event: unknown, values: FormValues, actor: Actor, options: CheckOptions): EventCheck {
  if (!isWorkflowEvent(event)) return refuse('MALFORMED');
  const events = uniqueEvents(log);
  const known = events.find((candidate) => candidate.id === event.id);
  if (known) return canonicalEvent(known) === canonicalEvent(event) ? { ok: true } : refuse('ID_REUSED');
  if (event.by.userId !== actor.userId || event.by.role !== actor.role || event.by.agencyId !== actor.agencyId) return refuse('WRONG_AUTHOR');
  const current = caseState(def, events);
  if (event.kind === 'resolve') return checkResolve(def, events, current, event, actor, options);

  let seen: CaseFold | null = current;
  if (!options.offline) {
    if (current.conflict) return refuse('IN_CONFLICT');
    if (event.after !== current.head) return refuse('STALE');
  } else if (event.after !== current.head) {
    seen = stateAt(def, events, event.after);
    if (!seen) return refuse('UNKNOWN_AFTER');
  }

  switch (event.kind) {
    case 'take':
    case 'request': {
      const transition = def.transitions.find((candidate) => candidate.id === event.transition);
      if (!transition) return refuse('UNKNOWN_TRANSITION');
      if (seen.pending) return refuse('AWAITING_APPROVAL');
      if (!transition.from.includes(seen.state)) return refuse('WRONG_STATE');
      if (!transition.roles.includes(actor.role)) return refuse('NOT_PERMITTED');
      if (event.kind === 'take' && transition.approval) return refuse('APPROVAL_REQUIRED');
      if (event.kind === 'request' && !transition.approval) return refuse('NO_APPROVAL_NEEDED');
      return prerequisites(def, transition, values, seen);
    }
    case 'approve':
    case 'reject': {
      const pending = seen.pending;
      if (!pending || pending.id !== event.request) return refuse('NO_PENDING_REQUEST');
      const approval = def.transitions.find((candidate) => candidate.id === pending.transition)?.approval;
      if (!approval) return refuse('UNKNOWN_TRANSITION');
      if (pending.by.userId === actor.userId) return refuse('SELF_APPROVAL');
      if (!approval.roles.includes(actor.role)) return refuse('NOT_APPROVER');
      if (approval.otherAgency && pending.by.agencyId === actor.agencyId) return refuse('SAME_AGENCY');
      if (event.kind === 'reject') return { ok: true };
      const transition = def.transitions.find((candidate) => candidate.id === pending.transition);
      return transition ? prerequisites(def, transition, values, seen) : refuse('UNKNOWN_TRANSITION');
    }
    case 'cancel': {
      const pending = seen.pending;
      if (!pending || pending.id !== event.request) return refuse('NO_PENDING_REQUEST');
      return pending.by.userId === actor.userId ? { ok: true } : refuse('NOT_PERMITTED');
    }
  }
}

/** The fields and steps a transition needs; a step done by creating the record is done once it exists. */
function prerequisites(def: WorkflowDef, transition: TransitionDef, values: FormValues, seen: CaseFold): EventCheck {
  const fields = (transition.requires?.fields ?? []).filter((field) => isEmpty(values[field]));
  const steps = (transition.requires?.steps ?? []).filter((id) => {
    const step = def.steps.find((candidate) => candidate.id === id);
    return !step || stepDoneAt(step, values, seen.effects, 'exists') === null;
  });
  return fields.length || steps.length ? { ok: false, code: 'MISSING_PREREQUISITE', missing: { fields, steps } } : { ok: true };
}

/** Who may settle a conflict: anyone the workflow lets take or approve a transition. */
const participates = (def: WorkflowDef, actor: Actor) =>
  def.transitions.some((transition) => transition.roles.includes(actor.role) || transition.approval?.roles.includes(actor.role));

function checkResolve(
  def: WorkflowDef,
  events: readonly WorkflowEvent[],
  current: CaseState,
  event: Extract<WorkflowEvent, { kind: 'resolve' }>,
  actor: Actor,
  options: CheckOptions,
): EventCheck {
  if (!participates(def, actor)) return refuse('NOT_PERMITTED');
  if (!options.offline) {
    if (!current.conflict || current.conflict.point !== event.fork) return refuse('NO_CONFLICT');
    if (event.after !== current.head) return refuse('STALE');
  }
  const branches = events.filter((candidate) => candidate.kind !== 'resolve' && candidate.after === event.fork).map((candidate) => candidate.id);
  const named = [event.keep, ...event.discard];
  if (branches.length < 2 || !branches.includes(event.keep) || event.discard.includes(event.keep) || !named.every((id) => branches.includes(id))) return refuse('BAD_RESOLUTION');
  if (!options.offline && !branches.every((id) => named.includes(id))) return refuse('BAD_RESOLUTION');
  return { ok: true };
}
