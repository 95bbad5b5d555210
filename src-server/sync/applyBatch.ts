import type { PackDef } from '../../shared/forms/packTypes';
import type { CaseEventOutcome, SyncCaseEvent } from '../../shared/sync/caseEventWire';
import type { ChangeOutcome, SyncChange } from '../../shared/sync/syncProtocol';
import { appendAudit } from '../admin/auditLog';
import type { Database } from '../db/sql';
import type { KnownWorkstation } from '../http/workstationGuard';
import { applyCaseEvents } from './applyCaseEvents';
import { applyChange, recordColumns, type AuthorFacts, type SeenChange, type ServerRecordRow } from './applyChange';

/** Serialises writers so that the pull cursor (a sequence) only ever moves past committed changes. */
const writerLock = 'SELECT pg_advisory_xact_lock(73501)';

/**
 * Applies a workstation's changes in one transaction, each answered on its own: the push route
 * and the handover import (src-server/handover) both come through here, so a change on a USB
 * drive meets the same validation, scope, idempotency and conflict rules as one sent online.
 * A batch cut short (a killed server, a lost connection) leaves nothing half-applied, and the
 * retry is answered change by change as if it were the first.
 */
export async function applyBatch(
  db: Database,
  workstation: KnownWorkstation,
  packs: readonly PackDef[],
  now: Date,
  changes: readonly SyncChange[],
  /** Who pushed: the session's operator, or 'handover' for a package imported from removable media. */
  pushedBy: string,
): Promise<ChangeOutcome[]> {
  return (await applyPush(db, workstation, packs, now, changes, [], pushedBy)).outcomes;
}

/**
 * A push: its record changes, then its case events (docs/sync.md "Case events"), in one
 * transaction behind the writers' lock, each answered on its own. Events come after the changes
 * so that a record created in the same push exists when its first event is judged.
 */
export async function applyPush(
  db: Database,
  workstation: KnownWorkstation,
  packs: readonly PackDef[],
  now: Date,
  changes: readonly SyncChange[],
  caseEvents: readonly SyncCaseEvent[],
  pushedBy: string,
): Promise<{ outcomes: ChangeOutcome[]; eventOutcomes: CaseEventOutcome[] }> {
  return db.transaction(async (tx) => {
    await tx.query(writerLock);
    // Two lookups for the batch instead of two per change: which ids were applied, which records exist (locked).
    const changeIds = `{${changes.map((change) => change.changeId).join(',')}}`;
    const recordIds = `{${[...new Set(changes.map((change) => change.recordId))].join(',')}}`;
    const seen = await tx.query<SeenChange & { change_id: string }>('SELECT change_id, revision, content_hash, record_id FROM record_revisions WHERE change_id = ANY($1::uuid[])', [changeIds]);
    const stored = await tx.query<ServerRecordRow>(`SELECT ${recordColumns} FROM records WHERE id = ANY($1::uuid[]) FOR UPDATE`, [recordIds]);
    const records = new Map<string, ServerRecordRow | null>(changes.map((change) => [change.recordId, null]));
    for (const row of stored.rows) records.set(row.id, row);
    const ctx = {
      tx,
      workstation,
      packs,
      now,
      pushedBy,
      authors: new Map<string, AuthorFacts | null>(),
      seenChanges: new Map(seen.rows.map((row) => [row.change_id, row])),
      records,
    };
    const answers: ChangeOutcome[] = [];
    for (const change of changes) {
      const answer = await applyChange(ctx, change);
      if (answer.outcome === 'rejected' && (answer.code === 'OUT_OF_SCOPE' || answer.code === 'CHANGE_ID_REUSED' || answer.code === 'AUTHOR_NOT_ALLOWED')) {
        await appendAudit(tx, { actor: change.author, action: 'sync.refused', target: change.recordId, details: { workstation: workstation.id, pushedBy, code: answer.code, changeId: change.changeId } }, now);
      }
      answers.push(answer);
    }
    const eventOutcomes = caseEvents.length === 0 ? [] : await applyCaseEvents({ tx, workstation, packs, now, pushedBy, authors: ctx.authors }, caseEvents);
    return { outcomes: answers, eventOutcomes };
  });
}

export const tallyOutcomes = (outcomes: readonly ChangeOutcome[], kind: ChangeOutcome['outcome']): number => outcomes.filter((outcome) => outcome.outcome === kind).length;
