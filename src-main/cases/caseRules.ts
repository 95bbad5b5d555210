import type { CaseAction, CaseView } from '../../shared/api/cases';
import type { FieldDef, FormDef, FormValues } from '../../shared/forms/formTypes';
import type { Language } from '../../shared/i18n/languages';
import { caseState, type CaseState } from '../../shared/workflows/caseLog';
import { approveEvent, cancelEvent, rejectEvent, requestEvent, takeEvent, type EventStamp } from '../../shared/workflows/eventBuilders';
import type { StepDeadline } from '../../shared/workflows/stepDeadlines';
import { checkEvent } from '../../shared/workflows/transitions';
import type { Actor, WorkflowDef, WorkflowEvent } from '../../shared/workflows/workflowTypes';

/** A stand-in id for trying events that are never recorded. */
const probeId = '00000000-0000-4000-8000-000000000000';

/**
 * What `actor` may do to the case now: every transition taken or requested, the pending request
 * approved, rejected or cancelled, the conflict resolved — each kept only if checkEvent accepts it.
 */
export function possibleActions(def: WorkflowDef, log: readonly WorkflowEvent[], values: FormValues, actor: Actor, now: Date): CaseAction[] {
  const stamp: EventStamp = { id: probeId, now, by: actor };
  const current = caseState(def, log);
  const tries: { action: CaseAction; event: WorkflowEvent }[] = [];
  for (const transition of def.transitions) {
    tries.push({ action: { action: 'take', transition: transition.id }, event: takeEvent(def, log, stamp, transition.id) });
    tries.push({ action: { action: 'request', transition: transition.id }, event: requestEvent(def, log, stamp, transition.id) });
  }
  const pending = current.pending;
  if (pending) {
    tries.push({ action: { action: 'approve', request: pending.id }, event: approveEvent(def, log, stamp, pending.id) });
    tries.push({ action: { action: 'reject', request: pending.id }, event: rejectEvent(def, log, stamp, pending.id) });
    tries.push({ action: { action: 'cancel', request: pending.id }, event: cancelEvent(def, log, stamp, pending.id) });
  }
  const conflict = current.conflict;
  if (conflict) {
    for (const keep of conflict.branches) {
      const discard = conflict.branches.filter((id) => id !== keep);
      tries.push({ action: { action: 'resolve', keep }, event: resolution(current, stamp, conflict.point, keep, discard) });
    }
  }
  return tries.filter((attempt) => checkEvent(def, log, attempt.event, values, actor).ok).map((attempt) => attempt.action);
}

/** A resolution of the case's conflict keeping `keep` and setting `discard` aside. */
export function resolution(current: CaseState, stamp: EventStamp, fork: string | null, keep: string, discard: readonly string[]): WorkflowEvent {
  const by = { userId: stamp.by.userId, role: stamp.by.role, agencyId: stamp.by.agencyId };
  return { id: stamp.id, at: stamp.now.toISOString(), by, after: current.head, kind: 'resolve', fork, keep, discard: [...discard] };
}

/** The case as cases.get answers it. */
export function caseView(recordId: string, formId: string, def: WorkflowDef, current: CaseState, steps: StepDeadline[], actions: CaseAction[]): CaseView {
  const pending = current.pending;
  return {
    recordId,
    formId,
    workflowId: def.id,
    state: current.state,
    final: def.states.find((state) => state.id === current.state)?.final === true,
    pending: pending && { id: pending.id, transition: pending.transition, by: pending.by, at: pending.at, comment: pending.comment ?? null },
    forks: current.forks,
    conflict: current.conflict,
    history: current.history.map((entry) => ({ event: entry.event, status: entry.status })),
    steps,
    actions,
  };
}

function findField(fields: readonly FieldDef[], id: string): FieldDef | null {
  for (const field of fields) {
    if (field.id === id) return field;
    if (field.kind === 'group') {
      const inner = findField(field.fields, id);
      if (inner) return inner;
    }
  }
  return null;
}

/** The missing fields and steps of a refusal, named as the operator reads them. */
export function missingNames(form: FormDef, def: WorkflowDef, missing: { fields: string[]; steps: string[] }, language: Language) {
  const fieldNames = missing.fields.map((id) => findField(form.sections.flatMap((section) => section.fields), id)?.label[language] ?? id);
  const stepNames = missing.steps.map((id) => def.steps.find((step) => step.id === id)?.names[language] ?? id);
  return { fields: fieldNames.join(', '), steps: stepNames.join(', '), missing: [...fieldNames, ...stepNames].join(', ') };
}
