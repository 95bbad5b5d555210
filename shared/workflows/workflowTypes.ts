import type { LocalisedName } from '../forms/classifier';
import type { RoleId } from '../forms/formTypes';

/**
 * A case workflow declared by a pack: the states a case of one form goes through, the steps
 * people must take (each with its owners and deadline) and the transitions between states. The
 * engine knows no workflow by name; see docs/workflows.md.
 */
export interface WorkflowDef {
  id: string;
  /** The form whose records are the cases. */
  formId: string;
  title: LocalisedName;
  states: readonly StateDef[];
  initial: string;
  steps: readonly StepDef[];
  transitions: readonly TransitionDef[];
  /** A step not yet done is "due soon" within this many working days of its due date (default 1). */
  soonWorkingDays?: number;
}

export interface StateDef {
  id: string;
  names: LocalisedName;
  /** No step is scheduled in a final state (closed, withdrawn). */
  final?: boolean;
}

/** When a step counts as done. */
export type StepDone =
  /** A date field of the case's values is filled (the child was found on …). */
  | { field: string }
  /** The transition took effect (its approval, if it needs one). */
  | { transition: string }
  /** The case record was created. */
  | { created: true };

/** A step's deadline, counted from when another step was done. */
export type StepDue =
  /** Working days counted from the day after the anchor's local date (as addWorkingDays). */
  | { after: string; workingDays: number }
  /** Hours counted only inside the calendar's working hours on working days. */
  | { after: string; workingHours: number }
  /** Clock hours, day and night ("a draft order within 24 hours of the decision"). */
  | { after: string; hours: number };

export interface StepDef {
  id: string;
  names: LocalisedName;
  /** Who must act: the dashboard shows the step to these roles. */
  owners: readonly RoleId[];
  done: StepDone;
  due?: StepDue;
  /** The step is scheduled only while the case is in one of these states (default: any non-final). */
  activeIn?: readonly string[];
}

export interface TransitionDef {
  id: string;
  names: LocalisedName;
  from: readonly string[];
  to: string;
  /** Who may take it (or request it, when it needs approval). */
  roles: readonly RoleId[];
  /** What must be there first: fields filled in the case's values, steps done. */
  requires?: { fields?: readonly string[]; steps?: readonly string[] };
  /** Takes effect only when one of these roles approves; `otherAgency`: not of the requester's agency. */
  approval?: { roles: readonly RoleId[]; otherAgency?: boolean };
}

/** Who acted: the signed-in operator, as the workstation or the server knows him. */
export interface Actor {
  userId: string;
  role: RoleId;
  agencyId: string;
}

interface EventCommon {
  /** A UUID made by the author's workstation: logs merge as a union by id. */
  id: string;
  /** When it was made, an ISO instant from the author's clock. */
  at: string;
  by: Actor;
  /** The last chain event its author saw (null: none yet). Two events with one `after` are a fork. */
  after: string | null;
}

export type WorkflowEvent = EventCommon &
  (
    | { kind: 'take'; transition: string }
    | { kind: 'request'; transition: string; comment?: string }
    | { kind: 'approve' | 'reject'; request: string; comment?: string }
    | { kind: 'cancel'; request: string }
    /**
     * Ends a fork: `fork` is the event both branches follow (null: the start), `keep` the first
     * event of the branch kept, `discard` the first events of the branches set aside. A branch the
     * resolver did not see (arrived later) reopens the conflict instead of being dropped unseen.
     */
    | { kind: 'resolve'; fork: string | null; keep: string; discard: readonly string[] }
  );

export type WorkflowEventKind = WorkflowEvent['kind'];
