import type { WorkflowEvent } from '../../shared/workflows/workflowTypes';
import type { CacheDatabase } from '../store/cacheDatabase';

/**
 * The case logs in the encrypted cache (table `case_events`, append-only). The store neither
 * judges nor orders events: checkEvent decides before `append`, caseState folds what `log` reads.
 */
export class CaseStore {
  constructor(private readonly db: CacheDatabase) {}

  /** One case's events, as stored (caseState orders them). */
  log(recordId: string): WorkflowEvent[] {
    const rows = this.db.prepare('SELECT event_json FROM case_events WHERE record_id = ? ORDER BY at, id').all(recordId) as { event_json: string }[];
    return rows.map((row) => JSON.parse(row.event_json) as WorkflowEvent);
  }

  /** The logs of many cases in one query (the task list reads a thousand cases at once). */
  logs(recordIds: readonly string[]): Map<string, WorkflowEvent[]> {
    const byRecord = new Map<string, WorkflowEvent[]>(recordIds.map((id) => [id, []]));
    if (recordIds.length === 0) return byRecord;
    const rows = this.db
      .prepare('SELECT record_id, event_json FROM case_events WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY record_id, at, id')
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
}
