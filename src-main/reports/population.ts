import type { Dimension, Measure, Population } from '../../shared/reports/reportTypes';
import type { CacheDatabase } from '../store/cacheDatabase';

/** The period a report covers and the filters the operator chose. */
export interface ReportParams {
  from: string;
  to: string;
  /** Only records whose territory field lies in these codes (a region and everything in it). */
  territories?: readonly string[];
  /** Criteria search: each field must hold one of the values. */
  criteria?: readonly { field: string; values: readonly (string | number)[] }[];
}

/** A population materialised for one run: a temporary table (in memory: temp_store) and the column of each field. */
export interface PopulationTable {
  table: string;
  column: (field: string) => string;
  population: Population;
}

export const dimensionFields = (dimension: Dimension): string[] => (dimension.kind === 'holder' ? [] : [dimension.field]);
export const measureFields = (measure: Measure): string[] => (measure.kind === 'count' ? [] : [measure.field]);

/**
 * Reads the population's facts into one row per record (one range of the facts table, keyed
 * by form), with the date it ended, keeping the records present within the period and
 * matching the filters.
 */
export function materialisePopulation(db: CacheDatabase, population: Population, fields: readonly string[], params: ReportParams): PopulationTable {
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
  if (population.startField) {
    bind.to = params.to;
    where.push(`p.${column(population.startField)} <= @to`);
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
    Object.assign(bind, { endPath: `$.${population.endedBy.field}`, endForm: population.endedBy.formId });
    ended = `LEFT JOIN (SELECT subject_id AS id, min(facts ->> @endPath) AS ended_on FROM record_facts WHERE form_id = @endForm AND subject_id IS NOT NULL GROUP BY subject_id) e ON e.id = p.id`;
  }
  db.exec(`DROP TABLE IF EXISTS temp.${table}`);
  db.prepare(
    `CREATE TEMP TABLE ${table} AS
     SELECT p.*, ${population.endedBy ? 'e.ended_on' : 'NULL'} AS ended_on FROM (
       SELECT record_id AS id, holder${pick.map((sql) => `, ${sql}`).join('')} FROM record_facts WHERE form_id = @form
     ) p ${ended}
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
  ).run(bind);
  return { table, column, population };
}
