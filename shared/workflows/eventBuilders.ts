import { caseState } from './caseLog';
import type { Actor, WorkflowDef, WorkflowEvent } from './workflowTypes';

/** What the caller supplies: the engine makes no ids and reads no clock. */
export interface EventStamp {
  /** A fresh UUID. */
  id: string;
  now: Date;
  by: Actor;
}

const base = (def: WorkflowDef, log: readonly unknown[], stamp: EventStamp) => ({
  id: stamp.id,
  at: stamp.now.toISOString(),
  by: { userId: stamp.by.userId, role: stamp.by.role, agencyId: stamp.by.agencyId },
  after: caseState(def, log).head,
});
const withComment = (comment: string | undefined) => (comment === undefined ? {} : { comment });

/** The next events of a case, following its current head; check each with checkEvent before recording it. */
export const takeEvent = (def: WorkflowDef, log: readonly unknown[], stamp: EventStamp, transition: string): WorkflowEvent => ({
  ...base(def, log, stamp),
  kind: 'take',
  transition,
});

export const requestEvent = (def: WorkflowDef, log: readonly unknown[], stamp: EventStamp, transition: string, comment?: string): WorkflowEvent => ({
  ...base(def, log, stamp),
  kind: 'request',
  transition,
  ...withComment(comment),
});

export const approveEvent = (def: WorkflowDef, log: readonly unknown[], stamp: EventStamp, request: string, comment?: string): WorkflowEvent => ({
  ...base(def, log, stamp),
  kind: 'approve',
  request,
  ...withComment(comment),
});

export const rejectEvent = (def: WorkflowDef, log: readonly unknown[], stamp: EventStamp, request: string, comment?: string): WorkflowEvent => ({
  ...base(def, log, stamp),
  kind: 'reject',
  request,
  ...withComment(comment),
});

export const cancelEvent = (def: WorkflowDef, log: readonly unknown[], stamp: EventStamp, request: string): WorkflowEvent => ({
  ...base(def, log, stamp),
  kind: 'cancel',
  request,
});

/** Settles the case's current conflict by keeping one branch and setting the others aside; null when there is none. */
export function resolveEvent(def: WorkflowDef, log: readonly unknown[], stamp: EventStamp, keep: string): WorkflowEvent | null {
  const conflict = caseState(def, log).conflict;
  if (!conflict) return null;
  return { ...base(def, log, stamp), kind: 'resolve', fork: conflict.point, keep, discard: conflict.branches.filter((id) => id !== keep) };
}
