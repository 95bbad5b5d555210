import crypto from 'node:crypto';
import { photoRefs } from '../../shared/sync/photoRefs';
import { findForm, type PackDef } from '../../shared/forms/packTypes';
import { pickSections } from '../../shared/sync/sections';
import { pushResultSchema, syncRoutes, type BlobUpload, type ChangeOutcome, type SyncChange } from '../../shared/sync/syncProtocol';
import { RecordStore } from '../records/recordStore';
import { serverRequest, type ServerConnection } from '../serverLink/serverClient';
import type { CacheDatabase } from '../store/cacheDatabase';
import { Outbox, type OutboxEntry } from './outbox';
import { pushCaseEvents } from './pushCaseEvents';
import { SyncStop } from './syncStop';

/** A batch stays well under the server's body limit, photos included. */
const maxBatchChanges = 200;
const maxBatchBytes = 8 * 1024 * 1024;


/** The wire form of an outbox entry: a new record goes whole, a change with the sections it touched. */
export function changeFor(entry: OutboxEntry, packs: readonly PackDef[], db: CacheDatabase): SyncChange | null {
  const found = findForm(packs, entry.formId);
  if (!found) return null;
  const sections = pickSections(found.form, entry.values, entry.baseRevision === 0 ? null : entry.sections);
  const store = new RecordStore(db);
  const blobs: BlobUpload[] = [];
  for (const blobId of photoRefs(sections)) {
    const blob = store.getBlob(blobId);
    if (!blob) continue;
    blobs.push({ id: blobId, mimeType: blob.mimeType, sha256: crypto.createHash('sha256').update(blob.data).digest('hex'), dataBase64: blob.data.toString('base64') });
  }
  return {
    changeId: entry.changeId,
    recordId: entry.recordId,
    formId: entry.formId,
    formVersion: entry.formVersion,
    subjectId: entry.subjectId,
    baseRevision: entry.baseRevision,
    sections,
    author: entry.author,
    at: entry.at,
    reason: entry.reason,
    blobs,
  };
}

export interface PushProgress {
  done: number;
  total: number;
}

/**
 * Sends the outbox in batches, oldest first, and stores each answer as it comes: delivered
 * changes leave the outbox in the same transaction that records the server's revision. A batch
 * whose answer is lost is sent again; the server recognises the change ids. Then the case events
 * (pushCaseEvents).
 */
export async function pushOutbox(
  db: CacheDatabase,
  connection: ServerConnection,
  packs: readonly PackDef[],
  onProgress: (progress: PushProgress) => void,
): Promise<{ delivered: number; conflicts: number; rejected: number; caseEvents: { delivered: number; refused: number } }> {
  const outbox = new Outbox(db);
  const store = new RecordStore(db);
  const total = outbox.counts().pending;
  const tally = { delivered: 0, conflicts: 0, rejected: 0 };
  const skipped = new Set<string>();
  for (;;) {
    const entries = outbox.pending(maxBatchChanges + skipped.size).filter((entry) => !skipped.has(entry.changeId));
    if (entries.length === 0) break;
    const changes: SyncChange[] = [];
    let bytes = 0;
    for (const entry of entries) {
      const change = changeFor(entry, packs, db);
      if (!change) {
        skipped.add(entry.changeId); // a form this workstation no longer knows: kept, never lost
        continue;
      }
      const size = JSON.stringify(change).length;
      if (changes.length > 0 && (bytes + size > maxBatchBytes || changes.length >= maxBatchChanges)) break;
      changes.push(change);
      bytes += size;
    }
    if (changes.length === 0) break;
    const answer = await serverRequest(connection, 'POST', syncRoutes.push, { pendingCount: outbox.counts().pending, changes }, pushResultSchema, 120_000);
    if (answer.kind !== 'ok') throw new SyncStop(answer);
    const answered = new Map(answer.value.outcomes.map((outcome) => [outcome.changeId, outcome]));
    db.transaction(() => {
      for (const change of changes) {
        const outcome: ChangeOutcome | undefined = answered.get(change.changeId);
        if (!outcome) continue; // not answered: stays pending, sent again
        outbox.answer(outcome);
        if (outcome.outcome === 'accepted') {
          tally.delivered += 1;
          // A merged revision holds another workstation's sections too: the pull brings them.
          if (!outcome.merged) store.confirm(change.recordId, outcome.revision);
        } else if (outcome.outcome === 'alreadyApplied') tally.delivered += 1;
        else if (outcome.outcome === 'conflict') tally.conflicts += 1;
        else tally.rejected += 1;
      }
    })();
    onProgress({ done: tally.delivered + tally.conflicts + tally.rejected, total });
    if (answered.size === 0) break;
  }
  // Case events after the changes: a case created offline reaches the server first.
  const events = await pushCaseEvents(db, connection);
  return { ...tally, caseEvents: events };
}
