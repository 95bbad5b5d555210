import type { PackDef } from '../../shared/forms/packTypes';
import type { ChangeOutcome, SyncChange } from '../../shared/sync/syncProtocol';
import { appendAudit } from '../admin/auditLog';
import type { Database } from '../db/sql';
import type { KnownWorkstation } from '../http/workstationGuard';
import { applyChange } from './applyChange';

/** Serialises writers so that the pull cursor (a sequence) only ever moves past committed changes. */
const writerLock = 'SELECT pg_advisory_xact_lock(73501)';

/**
 * Applies a workstation's changes in one transaction, each answered on its own: the push route
 * and the handover import (src-server/handover) both come through here, so a change on a USB
 * drive meets the same validation, scope, idempotency and conflict rules as one sent online.
 * A batch cut short (a killed server, a lost connection) leaves nothing half-applied, and the
 * retry is answered change by change as if it were the first.
 */
export async function applyBatch(db: Database, workstation: KnownWorkstation, packs: readonly PackDef[], now: Date, changes: readonly SyncChange[]): Promise<ChangeOutcome[]> {
  return db.transaction(async (tx) => {
    await tx.query(writerLock);
    const ctx = { tx, workstation, packs, now, authorRoles: new Map<string, string | null>() };
    const answers: ChangeOutcome[] = [];
    for (const change of changes) {
      const answer = await applyChange(ctx, change);
      if (answer.outcome === 'rejected' && (answer.code === 'OUT_OF_SCOPE' || answer.code === 'CHANGE_ID_REUSED')) {
        await appendAudit(tx, { actor: change.author, action: 'sync.refused', target: change.recordId, details: { workstation: workstation.id, code: answer.code, changeId: change.changeId } }, now);
      }
      answers.push(answer);
    }
    return answers;
  });
}

export const tallyOutcomes = (outcomes: readonly ChangeOutcome[], kind: ChangeOutcome['outcome']): number => outcomes.filter((outcome) => outcome.outcome === kind).length;
