import { canView } from '../../shared/forms/access';
import type { FormValues } from '../../shared/forms/formTypes';
import { findForm, type PackDef } from '../../shared/forms/packTypes';
import type { CaseEventOutcome, CaseEventRejectionCode, SyncCaseEvent } from '../../shared/sync/caseEventWire';
import { canonicalEvent } from '../../shared/workflows/eventShape';
import { checkEvent } from '../../shared/workflows/transitions';
import type { WorkflowEvent } from '../../shared/workflows/workflowTypes';
import { appendAudit } from '../admin/auditLog';
import type { SqlRunner } from '../db/sql';
import type { KnownWorkstation } from '../http/workstationGuard';
import { authorFacts, type AuthorFacts } from './applyChange';
import { roleReach, scopeCondition } from './readScope';

export interface CaseEventContext {
  tx: SqlRunner;
  workstation: KnownWorkstation;
  packs: readonly PackDef[];
  now: Date;
  /** Who pushed (the session's operator, or 'handover'): audited beside each event. */
  pushedBy: string;
  /** The authors met so far in this batch (shared with its changes; null: no such user). */
  authors?: Map<string, AuthorFacts | null>;
}

const refused = (event: SyncCaseEvent, code: CaseEventRejectionCode, reason: string | null = null): CaseEventOutcome => ({
  eventId: event.event.id,
  outcome: 'rejected',
  code,
  reason,
});

/** Refusals that may be an intrusion or a forgery: audited like the changes' (sync.refused). */
const auditedRefusals: ReadonlySet<CaseEventRejectionCode> = new Set(['OUT_OF_SCOPE', 'CHANGE_ID_REUSED', 'AUTHOR_NOT_ALLOWED', 'NOT_PERMITTED']);

/**
 * Judges a push's case events, oldest first, inside applyBatch's transaction and after its record
 * changes (a record created in the same push exists by then). An event is accepted only if its
 * record is on the server and within its author's reach, its author is an operator of this
 * workstation, its `by` is what the server knows of that operator (the client's role and agency
 * are never trusted), and shared/workflows' checkEvent allows it on the server's log in offline
 * mode — a fork (two workstations acting from one point) is accepted: caseState shows the
 * conflict to everyone until a `resolve` event settles it.
 */
export async function applyCaseEvents(ctx: CaseEventContext, events: readonly SyncCaseEvent[]): Promise<CaseEventOutcome[]> {
  const answers: CaseEventOutcome[] = [];
  for (const pushed of events) {
    const answer = await applyCaseEvent(ctx, pushed);
    if (answer.outcome === 'rejected' && auditedRefusals.has(answer.code)) {
      await appendAudit(
        ctx.tx,
        { actor: pushed.event.by.userId, action: 'sync.refused', target: pushed.recordId, details: { workstation: ctx.workstation.id, pushedBy: ctx.pushedBy, code: answer.code, eventId: pushed.event.id } },
        ctx.now,
      );
    }
    answers.push(answer);
  }
  return answers;
}

async function applyCaseEvent(ctx: CaseEventContext, pushed: SyncCaseEvent): Promise<CaseEventOutcome> {
  const { tx } = ctx;
  const event = pushed.event as WorkflowEvent;
  const previous = (await tx.query<{ record_id: string; event: WorkflowEvent }>('SELECT record_id, event FROM case_events WHERE id = $1', [event.id])).rows[0];
  if (previous) {
    const same = previous.record_id === pushed.recordId && canonicalEvent(previous.event) === canonicalEvent(event);
    return same ? { eventId: event.id, outcome: 'alreadyApplied' } : refused(pushed, 'CHANGE_ID_REUSED');
  }

  const record = (await tx.query<{ form_id: string; agency_id: string; values: FormValues }>('SELECT form_id, agency_id, values FROM records WHERE id = $1 FOR UPDATE', [pushed.recordId])).rows[0];
  if (!record) return refused(pushed, 'UNKNOWN_RECORD');

  const author = await authorFacts(ctx, event.by.userId);
  if (author === null) return refused(pushed, 'UNKNOWN_AUTHOR');
  if (!author.allowed) return refused(pushed, 'AUTHOR_NOT_ALLOWED');
  // The role and agency the event claims must be the server's own facts about its author.
  if (event.by.role !== author.role || event.by.agencyId !== author.agencyId) return refused(pushed, 'NOT_PERMITTED');

  const scope = scopeCondition(roleReach(ctx.packs, author.role), ctx.workstation, 2);
  const within = await tx.query('SELECT 1 FROM records WHERE id = $1 AND ' + scope.sql, [pushed.recordId, ...scope.params]);
  if (within.rowCount === 0) return refused(pushed, 'OUT_OF_SCOPE');

  const found = findForm(ctx.packs, record.form_id);
  const def = found?.pack.workflows?.find((workflow) => workflow.formId === record.form_id);
  if (!found || !def) return refused(pushed, 'UNKNOWN_FORM');
  if (!canView(found.form.access, author.role) || found.pack.roles.find((role) => role.id === author.role)?.aggregateOnly) return refused(pushed, 'NOT_PERMITTED');

  const log = (await tx.query<{ event: WorkflowEvent }>('SELECT event FROM case_events WHERE record_id = $1 ORDER BY seq', [pushed.recordId])).rows.map((row) => row.event);
  const actor = { userId: event.by.userId, role: author.role, agencyId: author.agencyId };
  const check = checkEvent(def, log, event, record.values, actor, { offline: true });
  if (!check.ok) return refused(pushed, 'WORKFLOW_REFUSED', check.code);

  await tx.query(
    `INSERT INTO case_events (id, record_id, event, at, author, agency, seq, workstation_id, received_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, nextval('record_change_seq'), $7, $8)`,
    [event.id, pushed.recordId, JSON.stringify(event), new Date(event.at), event.by.userId, author.agencyId, ctx.workstation.id, ctx.now],
  );
  await appendAudit(
    tx,
    {
      actor: event.by.userId,
      action: 'case.event',
      target: pushed.recordId,
      details: { workstation: ctx.workstation.id, pushedBy: ctx.pushedBy, eventId: event.id, kind: event.kind, transition: transitionOf(log, event), workflow: def.id },
    },
    ctx.now,
  );
  return { eventId: event.id, outcome: 'accepted' };
}

/** The transition an event concerns (an approval's is its request's); null for a resolution. */
function transitionOf(log: readonly WorkflowEvent[], event: WorkflowEvent): string | null {
  switch (event.kind) {
    case 'take':
    case 'request':
      return event.transition;
    case 'approve':
    case 'reject':
    case 'cancel': {
      const request = log.find((candidate) => candidate.id === event.request);
      return request && request.kind === 'request' ? request.transition : null;
    }
    case 'resolve':
      return null;
  }
}
