import { pushResultSchema, syncRoutes } from '../../shared/sync/syncProtocol';
import { CaseStore } from '../cases/caseStore';
import { serverRequest, type ServerConnection } from '../serverLink/serverClient';
import type { CacheDatabase } from '../store/cacheDatabase';
import { Outbox } from './outbox';
import { SyncStop } from './syncStop';

/** The server takes at most 500 events a push. */
const maxBatchEvents = 500;

/**
 * Sends the case events the server has not acknowledged, oldest first, after the record changes
 * (a case created offline reaches the server before its first event). Each answer is stored as it
 * comes: accepted or already there → `pushed_at` set; refused → kept in the log, marked, shown in
 * the case's history. A server released before case events drops the field and answers no
 * `eventOutcomes` (or refuses a push of events alone as INVALID_INPUT): the events then simply
 * wait, and record sync goes on.
 */
export async function pushCaseEvents(db: CacheDatabase, connection: ServerConnection): Promise<{ delivered: number; refused: number }> {
  const cases = new CaseStore(db);
  const outbox = new Outbox(db);
  const tally = { delivered: 0, refused: 0 };
  for (;;) {
    const batch = cases.unpushed(maxBatchEvents);
    if (batch.length === 0) break;
    const pendingCount = outbox.counts().pending + cases.unpushedCount().count;
    const answer = await serverRequest(connection, 'POST', syncRoutes.push, { pendingCount, changes: [], caseEvents: batch }, pushResultSchema, 120_000);
    if (answer.kind === 'refused' && answer.error.code === 'INVALID_INPUT') break; // an older server: no events-only push
    if (answer.kind !== 'ok') throw new SyncStop(answer);
    const outcomes = answer.value.eventOutcomes;
    if (!outcomes || outcomes.length === 0) break; // an older server: the events wait
    const at = new Date().toISOString();
    db.transaction(() => {
      for (const outcome of outcomes) {
        if (outcome.outcome === 'rejected') {
          cases.refuse(outcome.eventId, outcome.code, outcome.reason, at);
          tally.refused += 1;
        } else {
          cases.pushed(outcome.eventId, at);
          tally.delivered += 1;
        }
      }
    })();
  }
  return tally;
}
