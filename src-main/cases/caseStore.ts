import { isWorkflowEvent } from '../../shared/workflows/eventShape';
import type { WorkflowEvent } from '../../shared/workflows/workflowTypes';
import type { CacheDatabase } from '../store/cacheDatabase';

/** An event of this workstation the central server refused: it stays in the log, out of the fold. */
export interface RefusedCaseEvent {
  event: WorkflowEvent;
  code: string;
  /** The workflow's refusal (checkEvent's code) when the server's rules refused it. */
  reason: string | null;
  at: string;
}

/** An event waiting to be pushed, with its case. */
export interface UnpushedCaseEvent {
  recordId: string;
  event: WorkflowEvent;
}

/** Events the server refused are kept (append-only) but leave the fold, as on every other machine. */
const notRefused = 'id NOT IN (SELECT event_id FROM case_event_refusals)';

/**
 * The case logs in the encrypted cache (table `case_events`, append-only). The store neither
 * judges nor orders events: checkEvent decides before `append`, caseState folds what `log` reads.
 * Sync (src-main/sync) pushes `unpushed` events, marks them `pushed` or `refuse`s them, and
 * `receive`s the events other workstations made (docs/sync.md "Case events").
 */
export class CaseStore {
  constructor(private readonly db: CacheDatabase) {}

  /** One case's events, as stored (caseState orders them); events the server refused are left out. */
  log(recordId: string): WorkflowEvent[] {
    const rows = this.db.prepare(`SELECT event_json FROM case_events WHERE record_id = ? AND ${notRefused} ORDER BY at, id`).all(recordId) as { event_json: string }[];
    return rows.map((row) => JSON.parse(row.event_json) as WorkflowEvent);
  }

  /** The logs of many cases in one query (the task list reads a thousand cases at once). */
  logs(recordIds: readonly string[]): Map<string, WorkflowEvent[]> {
    const byRecord = new Map<string, WorkflowEvent[]>(recordIds.map((id) => [id, []]));
    if (recordIds.length === 0) return byRecord;
    const rows = this.db
      .prepare(`SELECT record_id, event_json FROM case_events WHERE record_id IN (SELECT value FROM json_each(?)) AND ${notRefused} ORDER BY record_id, at, id`)
      .all(JSON.stringify(recordIds)) as { record_id: string; event_json: string }[];
    for (const row of rows) byRecord.get(row.record_id)?.push(JSON.parse(row.event_json) as WorkflowEvent);
    return byRecord;
  }

  /**
   * Adds an event checked by checkEvent; the caller runs it inside its transaction. An id already
   * in the log is left as it is (a union by id): answers whether the event was added.
   */
  append(recordId: string, event: WorkflowEvent): boolean {
    const result = this.db
      .prepare('INSERT INTO case_events (id, record_id, event_json, at, author) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(event.id, recordId, JSON.stringify(event), event.at, event.by.userId);
    return result.changes === 1;
  }

  /** An event pulled from the server: already there, so it is never pushed back. Union by id. */
  receive(recordId: string, event: unknown, at: string): boolean {
    if (!isWorkflowEvent(event)) return false; // a later server's new kind: this release cannot fold it
    const result = this.db
      .prepare('INSERT INTO case_events (id, record_id, event_json, at, author, pushed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(event.id, recordId, JSON.stringify(event), event.at, event.by.userId, at);
    return result.changes === 1;
  }

  /**
   * Events not yet acknowledged by the server (nor refused by it), in the order they were recorded.
   * A case whose record has not reached the server yet (its first change still in the outbox,
   * pending, in conflict or refused) keeps its events back: the server would refuse them as
   * UNKNOWN_RECORD for good. They count as pending all the same.
   */
  unpushed(limit: number): UnpushedCaseEvent[] {
    const rows = this.db
      .prepare(
        `SELECT record_id, event_json FROM case_events WHERE pushed_at IS NULL AND ${notRefused}
           AND record_id NOT IN (SELECT record_id FROM outbox WHERE base_revision = 0) ORDER BY rowid LIMIT ?`,
      )
      .all(limit) as { record_id: string; event_json: string }[];
    return rows.map((row) => ({ recordId: row.record_id, event: JSON.parse(row.event_json) as WorkflowEvent }));
  }

  unpushedCount(): { count: number; oldestAt: string | null } {
    const row = this.db.prepare(`SELECT count(*) AS count, min(at) AS oldest FROM case_events WHERE pushed_at IS NULL AND ${notRefused}`).get() as { count: number; oldest: string | null };
    return { count: row.count, oldestAt: row.oldest };
  }

  /** The server accepted the event (or had it already): set once, by the append-only rule. */
  pushed(eventId: string, at: string): void {
    this.db.prepare('UPDATE case_events SET pushed_at = ? WHERE id = ? AND pushed_at IS NULL').run(at, eventId);
  }

  /** The server refused the event: kept in the log, marked, out of the fold. */
  refuse(eventId: string, code: string, reason: string | null, at: string): void {
    this.db.prepare('INSERT INTO case_event_refusals (event_id, code, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING').run(eventId, code, reason, at);
  }

  /** One case's refused events, oldest first. */
  refused(recordId: string): RefusedCaseEvent[] {
    const rows = this.db
      .prepare('SELECT e.event_json, r.code, r.reason, r.at FROM case_event_refusals r JOIN case_events e ON e.id = r.event_id WHERE e.record_id = ? ORDER BY e.at, e.id')
      .all(recordId) as { event_json: string; code: string; reason: string | null; at: string }[];
    return rows.map((row) => ({ event: JSON.parse(row.event_json) as WorkflowEvent, code: row.code, reason: row.reason, at: row.at }));
  }
}
