import { z } from 'zod';
import { caseEventOutcomeSchema, pulledCaseEventSchema, syncCaseEventSchema } from './caseEventWire';
import { jsonShapeProblem, sectionLimits } from './jsonShape';

/*
 * The sync protocol between a workstation and the central server (docs/sync.md). Push: the
 * outbox in order, each change answered on its own. Pull: the records of the workstation's scope
 * changed since its cursor, paged. Both over the workstation's mutual-TLS connection.
 */

export const syncRoutes = {
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  blobs: '/v1/sync/blobs',
} as const;

const id = z.string().uuid();
const isoTime = z.string().datetime({ offset: true });
/** Values of one section: field id → value; the shared validator checks them after the merge. */
const sectionValues = z.record(z.string().max(80), z.unknown()).superRefine((values, ctx) => {
  const problem = jsonShapeProblem(values, sectionLimits);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const blobUploadSchema = z.object({
  id,
  mimeType: z.string().max(100),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  dataBase64: z.string().max(4_000_000),
});
export type BlobUpload = z.infer<typeof blobUploadSchema>;

export const syncChangeSchema = z.object({
  changeId: id,
  recordId: id,
  formId: z.string().min(1).max(100),
  formVersion: z.number().int().min(1).max(10_000),
  subjectId: id.nullable(),
  /** The server revision the change was made on (0: a record new to the server). */
  baseRevision: z.number().int().min(0).max(1_000_000_000),
  /** The sections the change touched, with their whole values after it. */
  sections: z.record(z.string().max(80), sectionValues).refine((sections) => Object.keys(sections).length <= 50, 'more than 50 sections'),
  author: z.string().min(1).max(64),
  at: isoTime,
  reason: z.string().max(2000).nullable(),
  /** Photos the sections reference, sent with the first change that names them. */
  blobs: z.array(blobUploadSchema).max(20).default([]),
});
export type SyncChange = z.infer<typeof syncChangeSchema>;

export const pushRequestSchema = z
  .object({
    /** How many changes (and case events) wait on the workstation in all (the administrator sees it). */
    pendingCount: z.number().int().min(0).max(100_000_000),
    changes: z.array(syncChangeSchema).max(500).default([]),
    /** Case workflow events, oldest first, judged after the changes (absent from older workstations). */
    caseEvents: z.array(syncCaseEventSchema).max(500).default([]),
  })
  .refine((push) => push.changes.length + push.caseEvents.length > 0, { message: 'nothing to push', path: ['changes'] });
export type PushRequest = z.infer<typeof pushRequestSchema>;

const fieldProblem = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.string()).optional() });

export const changeOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ changeId: z.string(), outcome: z.literal('accepted'), revision: z.number().int(), merged: z.boolean() }),
  z.object({ changeId: z.string(), outcome: z.literal('alreadyApplied'), revision: z.number().int() }),
  z.object({
    changeId: z.string(),
    outcome: z.literal('conflict'),
    /** The server's current revision, to resolve against. */
    revision: z.number().int(),
    /** The sections changed on both sides: the server's values of each (the workstation has its own). */
    theirs: z.record(z.string(), sectionValues),
    by: z.string(),
    at: z.string(),
  }),
  z.object({
    changeId: z.string(),
    outcome: z.literal('rejected'),
    code: z.enum(['INVALID_VALUES', 'NOT_PERMITTED', 'OUT_OF_SCOPE', 'UNKNOWN_FORM', 'UNKNOWN_RECORD', 'CHANGE_ID_REUSED', 'UNKNOWN_AUTHOR', 'AUTHOR_NOT_ALLOWED']),
    problems: z.array(fieldProblem).max(500).default([]),
  }),
]);
export type ChangeOutcome = z.infer<typeof changeOutcomeSchema>;
export type RejectionCode = Extract<ChangeOutcome, { outcome: 'rejected' }>['code'];

export const pushResultSchema = z.object({
  outcomes: z.array(changeOutcomeSchema),
  /** One per pushed case event; absent from a server that does not know case events (they stay unpushed). */
  eventOutcomes: z.array(caseEventOutcomeSchema).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pullRequestSchema = z.object({
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledRecordSchema = z.object({
  id: z.string(),
  /** The agency holding the record (statistics count children per institution); absent from older servers. */
  agency: z
    .object({
      id: z.string().max(40),
      name: z.string().max(300),
      /** The holder's territory code and department: the workstation filters each operator's reads by them (docs/security.md). */
      territory: z.string().max(40).optional(),
      department: z.string().max(200).nullable().optional(),
    })
    .optional(),
  formId: z.string(),
  formVersion: z.number().int(),
  subjectId: z.string().nullable(),
  values: z.record(z.string(), z.unknown()),
  revision: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResultSchema = z.object({
  records: z.array(pulledRecordSchema),
  /** Where the next page starts; kept by the workstation once the page is stored. */
  cursor: z.number().int(),
  more: z.boolean(),
  /** Case events of records within reach received since the cursor (one sequence orders both); absent from older servers. */
  caseEvents: z.array(pulledCaseEventSchema).max(5000).default([]),
  /** The workstation's own agency as the server knows it: its territory and department decide every operator's local reach. */
  reader: z.object({ id: z.string().max(40), name: z.string().max(300), territory: z.string().max(40), department: z.string().max(200).nullable() }).optional(),
});
export type PullResult = z.infer<typeof pullResultSchema>;

/** Whose reach decides which photos may be sent is the session's operator (shared/serverApi: sessionHeader), never the body. */
export const blobRequestSchema = z.object({ ids: z.array(id).min(1).max(20) });
export const blobResultSchema = z.object({ blobs: z.array(blobUploadSchema) });
