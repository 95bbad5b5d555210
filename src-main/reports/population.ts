import { isDerived, type Dimension, type Measure, type Population } from '../../shared/reports/reportTypes';
import type { ReaderScope } from '../records/readerScope';
import type { CacheDatabase } from '../store/cacheDatabase';

/** The period a report covers and the filters the operator chose. */
export interface ReportParams {
  from: string;
  to: string;
  /** Only records whose territory field lies in these codes (a region and everything in it). */
  territories?: readonly string[];
  /** Criteria search: each field must hold one of the values. */
  criteria?: readonly { field: string; values: readonly (string | number)[] }[];
  /** Whose records the operator may read (readerScope): a holder out of it is not counted, not listed. */
  scope: ReaderScope;
}

/** A population materialised for one run: a temporary table (in memory: temp_store) and the column of each field. */
export interface PopulationTable {
  table: string;
  column: (field: string) => string;
  population: Population;
}

/** The population's own fields a dimension reads (a derived one reads its side table). */
export const dimensionFields = (dimension: Dimension): string[] => (dimension.kind === 'holder' || isDerived(dimension) ? [] : [dimension.field]);
export const measureFields = (measure: Measure): string[] => (measure.kind === 'count' ? [] : [measure.field]);

/**
 * Reads the population's facts into one row per record (one range of the facts table, keyed
 * by form), with the date it ended, keeping the records present within the period and
 * matching the filters.
 */
/** Records per chunk: a few tenths of a second of work on a slow machine. */
const chunkSize = 25_000;

function* populationSteps(db: CacheDatabase, population: Population, fields: readonly string[], params: ReportParams): Generator<void, PopulationTable> {
  const wanted = [...new Set([...fields, ...(population.startField ? [population.startField] : []), ...(population.territoryField ? [population.territoryField] : []), ...(params.criteria ?? []).map((criterion) => criterion.field)])];
  const columns = new Map(wanted.map((field, index) => [field, `f${index}`]));
  const column = (field: string) => {
    const name = columns.get(field);
    if (!name) throw new Error(`field ${field} not materialised`);
    return name;
  };
  const table = `report_${population.id.replace(/[^A-Za-z0-9]/g, '_')}`;
  const bind: Record<string, string | number> = { form: population.formId };
  const pick = wanted.map((field, index) => {
    bind[`path${index}`] = `$.${field}`;
    return `facts ->> @path${index} AS f${index}`;
  });
  const where: string[] = [];
  if (params.scope.reach !== 'all') {
    bind.holders = JSON.stringify(params.scope.holders);
    where.push('p.holder IN (SELECT value FROM json_each(@holders))');
  }
  if (population.startField) {
    bind.to = params.to;
    where.push(`p.${column(population.startField)} <= @to`);
    if (population.startsWithin) {
      bind.from = params.from;
      where.push(`p.${column(population.startField)} >= @from`);
    }
  }
  if (population.endedBy) {
    bind.from = params.from;
    where.push('(e.ended_on IS NULL OR e.ended_on >= @from)');
  }
  if (params.territories && population.territoryField) {
    where.push(`p.${column(population.territoryField)} IN (${params.territories.map((code, index) => ((bind[`territory${index}`] = code), `@territory${index}`)).join(', ')})`);
  }
  (params.criteria ?? []).forEach((criterion, c) => {
    where.push(`p.${column(criterion.field)} IN (${criterion.values.map((value, index) => ((bind[`criterion${c}_${index}`] = value), `@criterion${c}_${index}`)).join(', ')})`);
  });
  let ended = '';
  if (population.endedBy) {
    // When each record ended, once for the run (keyed, so every chunk joins it by lookup).
    db.exec(`DROP TABLE IF EXISTS temp.${table}_ended`);
    db.exec(`CREATE TEMP TABLE ${table}_ended (id TEXT PRIMARY KEY, ended_on TEXT) WITHOUT ROWID`);
    db.prepare(
      `INSERT INTO temp.${table}_ended SELECT subject_id, min(facts ->> @endPath) FROM record_facts WHERE form_id = @endForm AND subject_id IS NOT NULL GROUP BY subject_id`,
    ).run({ endPath: `$.${population.endedBy.field}`, endForm: population.endedBy.formId });
    ended = `LEFT JOIN temp.${table}_ended e ON e.id = p.id`;
  }
  if (params.territories && population.subjectTerritory) {
    // The subject's territory (where the child of a plan was found), looked up by the subject's key.
    bind.subjectForm = population.subjectTerritory.formId;
    bind.subjectPath = `$.${population.subjectTerritory.field}`;
    pick.push('(SELECT s.facts ->> @subjectPath FROM record_facts s WHERE s.form_id = @subjectForm AND s.record_id = record_facts.subject_id) AS subject_territory');
    where.push(`p.subject_territory IN (${params.territories.map((code, index) => ((bind[`territory${index}`] = code), `@territory${index}`)).join(', ')})`);
  }
  const select = (range: string) =>
    `SELECT p.*, ${population.endedBy ? 'e.ended_on' : 'NULL'} AS ended_on FROM (
       SELECT record_id AS id, holder${pick.map((sql) => `, ${sql}`).join('')} FROM record_facts WHERE form_id = @form ${range}
     ) p ${ended}
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  db.exec(`DROP TABLE IF EXISTS temp.${table}`);
  db.prepare(`CREATE TEMP TABLE ${table} AS ${select('AND 0')}`).run(bind);
  const insert = db.prepare(`INSERT INTO temp.${table} ${select('AND record_id > @after AND record_id <= @until')}`);
  const chunkEnd = db.prepare(`SELECT max(record_id) AS until FROM (SELECT record_id FROM record_facts WHERE form_id = @form AND record_id > @after ORDER BY record_id LIMIT ${chunkSize})`);
  // A chunk of records at a time (a range of the facts' key), so a caller may let other work in between.
  for (let after = ''; ; ) {
    const { until } = chunkEnd.get({ form: population.formId, after }) as { until: string | null };
    if (until === null) break;
    insert.run({ ...bind, after, until });
    after = until;
    yield;
  }
  return { table, column, population };
}

/** The population chunk by chunk, letting the backend answer other calls between chunks. */
export async function materialisePopulationSliced(db: CacheDatabase, population: Population, fields: readonly string[], params: ReportParams): Promise<PopulationTable> {
  const steps = populationSteps(db, population, fields, params);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
