import { canView } from '../../shared/forms/access';
import { findForm, type PackDef } from '../../shared/forms/packTypes';
import type { WorkflowEvent } from '../../shared/workflows/workflowTypes';
import type { SqlRunner } from '../db/sql';
import type { KnownWorkstation } from '../http/workstationGuard';
import { scopeCondition, type Reach } from './readScope';

export interface PulledEventRow {
  seq: number;
  recordId: string;
  event: WorkflowEvent;
  /** Whether the reader's role may view the case's form: the cursor moves past the others unsent. */
  visible: boolean;
}

/**
 * The case events past `cursor` whose records are within the reader's reach, oldest first (the
 * records' scope rule: an event travels wherever its case does).
 */
export async function pulledCaseEvents(
  db: SqlRunner,
  packs: readonly PackDef[],
  reach: Reach,
  role: string,
  workstation: KnownWorkstation,
  cursor: number,
  limit: number,
): Promise<PulledEventRow[]> {
  const scope = scopeCondition(reach, workstation, 3);
  const { rows } = await db.query<{ seq: number; record_id: string; event: WorkflowEvent; form_id: string }>(
    `SELECT e.seq, e.record_id, e.event, r.form_id FROM case_events e JOIN records r ON r.id = e.record_id
     WHERE e.seq > $1 AND e.record_id IN (SELECT id FROM records WHERE ${scope.sql}) ORDER BY e.seq LIMIT $2`,
    [cursor, limit, ...scope.params],
  );
  return rows.map((row) => {
    const found = findForm(packs, row.form_id);
    return { seq: row.seq, recordId: row.record_id, event: row.event, visible: found !== undefined && found !== null && canView(found.form.access, role) };
  });
}
