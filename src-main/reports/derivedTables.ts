import type { FormValues } from '../../shared/forms/formTypes';
import type { PackDef } from '../../shared/forms/packTypes';
import { isDerived, type DerivedDimension, type ReportTableDef, type StepOutcome } from '../../shared/reports/reportTypes';
import { caseState } from '../../shared/workflows/caseLog';
import { calendarZone, nextDate, zonedInstant } from '../../shared/workflows/localTime';
import { stepDeadlines, type StepState } from '../../shared/workflows/stepDeadlines';
import type { WorkflowDef } from '../../shared/workflows/workflowTypes';
import type { CacheDatabase } from '../store/cacheDatabase';
import type { PopulationTable, ReportParams } from './population';

/**
 * The values of derived dimensions (reportTypes `DerivedDimension`) for one table of one run: a
 * temporary table `(id, dk, ds)` beside the population's, one row per record and value (`dk` the
 * row's key, `ds` the split's where the split is derived too). Case states and step deadlines are
 * folded in JavaScript by the workflow engine (shared/workflows), as the case screens do; items of
 * repeating groups are read from the record's values in SQL. Only codes and dates are written.
 */
export interface DerivedTable {
  table: string;
  /** `records`: each record once per distinct key, rows overlap (counted DISTINCT); `items`: each row of the side table once, rows add up. */
  unit: 'records' | 'items';
}

const outcomeOf: Record<StepState, StepOutcome> = { onTime: 'onTime', late: 'late', overdue: 'overdue', open: 'open', dueSoon: 'open', unscheduled: 'notDue' };

/** The first instant after the period's last day, in the pack calendar's zone: what happened before it is known at the period's end. */
export function periodEndExclusive(pack: PackDef, params: ReportParams): Date {
  return zonedInstant(nextDate(params.to), 0, calendarZone(pack.calendar));
}

function workflowOf(pack: PackDef, id: string): WorkflowDef {
  const def = pack.workflows?.find((workflow) => workflow.id === id);
  if (!def) throw new Error(`report: pack ${pack.id} has no workflow ${id}`);
  return def;
}

/**
 * Each case of the population with its events made before the period ended, one case at a time
 * (events stream in record order; a case's log is dropped once visited), then the cases without
 * any event. What `visit` returns is kept and written once the stream is closed.
 */
function eachCaseLog<T>(db: CacheDatabase, population: PopulationTable, end: Date, visit: (id: string, log: readonly unknown[]) => T[]): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  const rows = db
    .prepare(`SELECT e.record_id AS id, e.event_json AS event FROM case_events e WHERE e.record_id IN (SELECT id FROM temp.${population.table}) ORDER BY e.record_id, e.at, e.id`)
    .iterate() as Iterable<{ id: string; event: string }>;
  let current: string | null = null;
  let log: unknown[] = [];
  const flush = () => {
    if (current === null) return;
    seen.add(current);
    out.push(...visit(current, log));
  };
  for (const row of rows) {
    if (row.id !== current) {
      flush();
      current = row.id;
      log = [];
    }
    const event = JSON.parse(row.event) as { at?: unknown };
    // An event after the period's end did not yet happen at it (its `at` is the author's instant, with zone).
    if (typeof event.at === 'string' && Date.parse(event.at) < end.getTime()) log.push(event);
  }
  flush();
  for (const id of db.prepare(`SELECT id FROM temp.${population.table}`).pluck().all() as string[]) if (!seen.has(id)) out.push(...visit(id, []));
  return out;
}

/** Builds the side table of a table whose rows are derived; null for a table of plain fields. */
export function materialiseDerived(db: CacheDatabase, pack: PackDef, population: PopulationTable, def: ReportTableDef, params: ReportParams, index: number): DerivedTable | null {
  if (!isDerived(def.rows)) {
    if (def.split && isDerived(def.split)) throw new Error(`report table ${def.id}: a derived split needs derived rows`);
    return null;
  }
  const rows: DerivedDimension = def.rows;
  if (def.split && isDerived(def.split) && !(rows.kind === 'caseStep' && def.split.kind === 'stepOutcome')) throw new Error(`report table ${def.id}: only a caseStep table may be split by stepOutcome`);
  const table = `${population.table}_d${index}`;
  db.exec(`DROP TABLE IF EXISTS temp.${table}`);
  db.exec(`CREATE TEMP TABLE ${table} (id TEXT NOT NULL, dk, ds)`);
  const insert = db.prepare(`INSERT INTO temp.${table} (id, dk, ds) VALUES (?, ?, ?)`);
  const end = periodEndExclusive(pack, params);
  switch (rows.kind) {
    case 'groupItem': {
      // Each distinct value once per record; a record with no item (or no value) under NULL.
      db.prepare(
        `INSERT INTO temp.${table} (id, dk, ds)
         SELECT DISTINCT p.id, nullif(j.value ->> @item, ''), NULL FROM temp.${population.table} p JOIN records r ON r.id = p.id
         LEFT JOIN json_each(r.values_json, @group) j`,
      ).run({ item: `$.${rows.field}`, group: `$.${rows.group}` });
      return { table, unit: 'records' };
    }
    case 'taskStatus': {
      // Items carried out before the period are not of it; what was carried out after its end was not carried out at it.
      db.prepare(
        `INSERT INTO temp.${table} (id, dk, ds)
         SELECT id, CASE WHEN done IS NOT NULL AND done <= @to THEN coalesce(result, ':noResult')
                         WHEN planned IS NOT NULL AND planned < @to THEN ':overdue' ELSE ':notDue' END, NULL
         FROM (SELECT p.id, nullif(j.value ->> @done, '') AS done, nullif(j.value ->> @result, '') AS result, nullif(j.value ->> @planned, '') AS planned
               FROM temp.${population.table} p JOIN records r ON r.id = p.id JOIN json_each(r.values_json, @group) j)
         WHERE done IS NULL OR done >= @from`,
      ).run({ to: params.to, from: params.from, group: `$.${rows.group}`, done: `$.${rows.doneField}`, result: `$.${rows.resultField}`, planned: `$.${rows.plannedField}` });
      return { table, unit: 'items' };
    }
    case 'caseState': {
      const workflow = workflowOf(pack, rows.workflow);
      for (const [id, state] of eachCaseLog(db, population, end, (id, log) => [[id, caseState(workflow, log).state] as const])) insert.run(id, state, null);
      return { table, unit: 'items' };
    }
    case 'caseStep':
    case 'stepOutcome': {
      if (rows.kind !== 'caseStep') throw new Error(`report table ${def.id}: stepOutcome is a split only`);
      const workflow = workflowOf(pack, rows.workflow);
      const withDue = new Set(workflow.steps.filter((step) => step.due).map((step) => step.id));
      // Only the fields steps are done by (a date found), not the whole record: a few bytes a case.
      const fields = [...new Set(workflow.steps.flatMap((step) => ('field' in step.done ? [step.done.field] : [])))];
      const known = new Map<string, { values: FormValues; createdAt: string }>();
      const read = db.prepare(`SELECT r.id, r.created_at AS createdAt, json_object(${fields.map((_, n) => `@name${n}, r.values_json -> @path${n}`).join(', ')}) AS doneJson FROM temp.${population.table} p JOIN records r ON r.id = p.id`);
      const bind = Object.fromEntries(fields.flatMap((field, n) => [[`name${n}`, field], [`path${n}`, `$.${field}`]]));
      for (const row of read.all(bind) as { id: string; createdAt: string; doneJson: string }[]) known.set(row.id, { values: JSON.parse(row.doneJson) as FormValues, createdAt: row.createdAt });
      // The last moment of the period: "today" for the deadlines is its last day.
      const at = new Date(end.getTime() - 1);
      const outcomes = eachCaseLog(db, population, end, (id, log) => {
        const record = known.get(id);
        if (!record) return [];
        // A record entered after the period's end was not yet registered at it.
        const created = Date.parse(record.createdAt) < end.getTime() ? record.createdAt : null;
        return stepDeadlines(workflow, pack.calendar, record.values, log, created, at)
          .filter((deadline) => withDue.has(deadline.stepId))
          .map((deadline) => [id, deadline.stepId, outcomeOf[deadline.state]] as const);
      });
      for (const [id, step, outcome] of outcomes) insert.run(id, step, outcome);
      return { table, unit: 'items' };
    }
  }
}
