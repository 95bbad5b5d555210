import { z } from 'zod';
import type { WorkflowEvent } from '../workflows/workflowTypes';

/*
 * Workflow events on the sync wire (docs/sync.md "Case events"): the same shape as
 * shared/workflows' WorkflowEvent, strict — a key the shape does not know, or an unknown kind, is
 * refused as INVALID_INPUT before anything is looked up (no personal data rides along unnoticed).
 */

const eventId = z.string().uuid();
const ref = z.string().min(1).max(100);
const comment = z.string().max(2000).optional();

const actor = z.object({ userId: z.string().min(1).max(64), role: ref, agencyId: ref }).strict();
const common = { id: eventId, at: z.string().datetime({ offset: true }), by: actor, after: ref.nullable() };

export const workflowEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('take'), transition: ref }).strict(),
  z.object({ ...common, kind: z.literal('request'), transition: ref, comment }).strict(),
  z.object({ ...common, kind: z.literal('approve'), request: ref, comment }).strict(),
  z.object({ ...common, kind: z.literal('reject'), request: ref, comment }).strict(),
  z.object({ ...common, kind: z.literal('cancel'), request: ref }).strict(),
  z.object({ ...common, kind: z.literal('resolve'), fork: ref.nullable(), keep: ref, discard: z.array(ref).max(50) }).strict(),
]);

/** The wire shape is the engine's: a compile error here means the two drifted apart. */
export const wireIsEngineEvent = (event: z.infer<typeof workflowEventSchema>): WorkflowEvent => event;

/** A case event pushed or pulled: the event and the case (record) it belongs to. */
export const syncCaseEventSchema = z.object({ recordId: z.string().uuid(), event: workflowEventSchema }).strict();
export type SyncCaseEvent = z.infer<typeof syncCaseEventSchema>;

/**
 * A pulled event is read leniently (a later server's new kind must not stop a pull): the
 * workstation keeps only what shared/workflows' isWorkflowEvent accepts.
 */
export const pulledCaseEventSchema = z.object({ recordId: z.string().max(64), event: z.unknown() });
export type PulledCaseEvent = z.infer<typeof pulledCaseEventSchema>;

/** Why the server refused a pushed event (the change codes where they mean the same). */
export const caseEventRejectionCodes = [
  'UNKNOWN_RECORD',
  'OUT_OF_SCOPE',
  'UNKNOWN_AUTHOR',
  'AUTHOR_NOT_ALLOWED',
  'NOT_PERMITTED',
  'CHANGE_ID_REUSED',
  'UNKNOWN_FORM',
  'WORKFLOW_REFUSED',
] as const;
export type CaseEventRejectionCode = (typeof caseEventRejectionCodes)[number];

export const caseEventOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ eventId: z.string(), outcome: z.literal('accepted') }),
  z.object({ eventId: z.string(), outcome: z.literal('alreadyApplied') }),
  z.object({
    eventId: z.string(),
    outcome: z.literal('rejected'),
    code: z.enum(caseEventRejectionCodes),
    /** WORKFLOW_REFUSED: the engine's refusal (shared/workflows checkEvent), worded by `workflow.<reason>`. */
    reason: z.string().max(64).nullable().default(null),
  }),
]);
export type CaseEventOutcome = z.infer<typeof caseEventOutcomeSchema>;
