import { z } from 'zod';
import type { EventStatus, Fork } from '../workflows/caseLog';
import type { StepDeadline, StepState } from '../workflows/stepDeadlines';
import type { RefusalCode } from '../workflows/transitions';
import type { Actor, WorkflowEvent } from '../workflows/workflowTypes';

/** What an operator may do to a case now; each was tried with checkEvent before it is offered. */
export type CaseAction =
  | { action: 'take' | 'request'; transition: string }
  | { action: 'approve' | 'reject' | 'cancel'; request: string }
  | { action: 'resolve'; keep: string };

export interface PendingRequestView {
  id: string;
  transition: string;
  by: Actor;
  at: string;
  comment: string | null;
}

/** A case as the workstation's cache holds it: ids only, the renderer words them from the pack. */
export interface CaseView {
  recordId: string;
  formId: string;
  workflowId: string;
  state: string;
  final: boolean;
  pending: PendingRequestView | null;
  forks: Fork[];
  conflict: Fork | null;
  /**
   * Every event once, by time then id, with what became of it (discarded branches included); then
   * this workstation's events the central server refused (`refused`, with its sync code and the
   * workflow's reason, worded by `workflow.<reason>`): kept, outside the case's state.
   */
  history: { event: WorkflowEvent; status: EventStatus | 'refused'; refusal?: { code: string; reason: string | null } }[];
  /** Each step's deadline and where it stands at the backend's clock. */
  steps: StepDeadline[];
  actions: CaseAction[];
}

/** A step someone of the operator's role must act on. */
export interface CaseTaskView {
  recordId: string;
  formId: string;
  workflowId: string;
  title: string;
  stepId: string;
  due: string | null;
  state: Extract<StepState, 'open' | 'dueSoon' | 'overdue'>;
}

/**
 * Every refusal of shared/workflows' checkEvent, at run time: each has a message
 * `workflow.<code>` in the five catalogues (a test checks); the type below fails to compile when
 * the engine gains a code this list lacks.
 */
export const workflowRefusalCodes = [
  'MALFORMED',
  'ID_REUSED',
  'WRONG_AUTHOR',
  'UNKNOWN_AFTER',
  'STALE',
  'IN_CONFLICT',
  'NO_CONFLICT',
  'BAD_RESOLUTION',
  'UNKNOWN_TRANSITION',
  'WRONG_STATE',
  'NOT_PERMITTED',
  'APPROVAL_REQUIRED',
  'NO_APPROVAL_NEEDED',
  'AWAITING_APPROVAL',
  'MISSING_PREREQUISITE',
  'NO_PENDING_REQUEST',
  'SELF_APPROVAL',
  'NOT_APPROVER',
  'SAME_AGENCY',
] as const satisfies readonly RefusalCode[];
type Unlisted = Exclude<RefusalCode, (typeof workflowRefusalCodes)[number]>;
export const everyRefusalListed: [Unlisted] extends [never] ? true : Unlisted = true;

const id = z.string().min(1).max(64);
const comment = z.string().trim().min(1).max(2000);

export const caseInputs = {
  get: z.object({ recordId: id }).strict(),
  act: z
    .object({
      recordId: id,
      action: z.enum(['take', 'request', 'approve', 'reject', 'cancel', 'resolve']),
      transition: z.string().min(1).max(80).optional(),
      /** The pending request approved, rejected or cancelled (default: the pending one). */
      request: id.optional(),
      comment: comment.optional(),
      /** For a resolution: the first event of the branch kept; the case's other branches are set aside. */
      keep: id.optional(),
      discard: z.array(id).max(20).optional(),
    })
    .strict(),
  tasks: z.object({}).strict().optional(),
};
