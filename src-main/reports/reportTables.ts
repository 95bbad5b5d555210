import type { ReportColumn, ReportCount, ReportTableView } from '../../shared/api/reports';
import { isDerived, type Band, type Dimension, type ReportTableDef } from '../../shared/reports/reportTypes';
import type { CacheDatabase } from '../store/cacheDatabase';
import type { DerivedTable } from './derivedTables';
import { fixedKeys, keyLabel, keyOrder, type DimensionKey, type LabelContext } from './reportLabels';
import type { PopulationTable, ReportParams } from './population';
import { suppressSmallCells, type SuppressionProblem } from './suppression';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const year = (sql: string) => `CAST(substr(${sql}, 1, 4) AS INTEGER)`;
const month = (sql: string) => `CAST(substr(${sql}, 6, 2) AS INTEGER)`;

const bandCase = (value: string, bands: readonly Band[]) =>
  `CASE ${bands.map((band, index) => (band.below === null ? '' : `WHEN ${value} < ${Number(band.below)} THEN ${index} `)).join('')}ELSE ${bands.length - 1} END`;

/** The SQL expression of a dimension over the population's table `p`. */
function dimensionSql(dimension: Dimension, population: PopulationTable, params: ReportParams): string {
  if (dimension.kind === 'holder') return "coalesce(p.holder, '')";
  // Derived values sit in the table's side table `x` (derivedTables.ts): the split's in `ds`, the rows' in `dk` (names no population column has: GROUP BY resolves input columns first).
  if (dimension.kind === 'stepOutcome') return 'x.ds';
  if (isDerived(dimension)) return 'x.dk';
  const value = `p.${population.column(dimension.field)}`;
  switch (dimension.kind) {
    case 'code':
    case 'yesNo':
      return value;
    case 'region':
      return `coalesce((SELECT region FROM temp.report_regions g WHERE g.classifier = '${dimension.classifier.replace(/'/g, "''")}' AND g.code = ${value}), ${value})`;
    case 'yearsSince': {
      const years = `(${year('@to')} - ${year(value)} - (substr(@to, 6, 5) < substr(${value}, 6, 5)))`;
      return `CASE WHEN ${value} IS NULL THEN NULL ELSE ${bandCase(years, dimension.bands)} END`;
    }
    case 'monthsSince': {
      const end = 'min(coalesce(p.ended_on, @to), @to)';
      const months = `((${year(end)} - ${year(value)}) * 12 + ${month(end)} - ${month(value)} - (substr(${end}, 9, 2) < substr(${value}, 9, 2)))`;
      return `CASE WHEN ${value} IS NULL THEN NULL ELSE ${bandCase(months, dimension.bands)} END`;
    }
    case 'dateStatus': {
      const warnUntil = new Date(Date.parse(`${params.to}T00:00:00Z`) + dimension.warnDays * 86_400_000).toISOString().slice(0, 10);
      if (!isoDate.test(warnUntil)) throw new Error('bad period end');
      return `CASE WHEN ${value} IS NULL THEN 'none' WHEN ${value} < @to THEN 'expired' WHEN ${value} <= '${warnUntil}' THEN 'expiring' ELSE 'valid' END`;
    }
  }
}

export interface GroupRow {
  r: DimensionKey;
  s: DimensionKey;
  n: number;
  [measure: string]: DimensionKey;
}

const keyId = (key: DimensionKey) => (key === null ? '' : String(key));

function orderedKeys(dimension: Dimension, ctx: LabelContext, seen: Iterable<DimensionKey>): DimensionKey[] {
  const keys = new Map<string, DimensionKey>();
  for (const key of fixedKeys(dimension, ctx) ?? []) keys.set(keyId(key), key);
  for (const key of seen) keys.set(keyId(key), key === '' ? null : key);
  return [...keys.values()].sort((a, b) => keyOrder(dimension, ctx, a) - keyOrder(dimension, ctx, b) || keyLabel(dimension, ctx, a).localeCompare(keyLabel(dimension, ctx, b)));
}

/** Only the parameters a statement names (better-sqlite3 refuses others). */
const usedBinds = (sql: string, bind: Record<string, string | number>) => Object.fromEntries(Object.entries(bind).filter(([key]) => new RegExp(`@${key}\\b`).test(sql)));

/** At most this many key combinations in one shared GROUP BY. */
const maxCombinations = 20_000;

/**
 * The counts of several tables from one GROUP BY: tables with the same split and known, small
 * sets of row values are grouped together by all their keys (SQLite groups by sorting every
 * row, so one sort for four tables instead of four), then each table's counts are the sums
 * over the others' keys. Tables with open-ended rows (institutions, districts) sort alone.
 */
export function groupTables(db: CacheDatabase, population: PopulationTable, defs: readonly ReportTableDef[], params: ReportParams, ctx: LabelContext): Map<string, GroupRow[]> {
  const bundles: { split: string; size: number; defs: ReportTableDef[] }[] = [];
  // Tables of derived rows join their own side table: computeTable counts them alone.
  for (const def of defs.filter((candidate) => !isDerived(candidate.rows))) {
    const known = fixedKeys(def.rows, ctx);
    const size = known ? known.length + 1 : Number.POSITIVE_INFINITY;
    const split = JSON.stringify(def.split ?? null);
    const open = bundles.find((bundle) => bundle.split === split && bundle.size * size <= maxCombinations);
    if (open) {
      open.defs.push(def);
      open.size *= size;
    } else bundles.push({ split, size: Number.isFinite(size) ? size * ((def.split ? fixedKeys(def.split, ctx)?.length ?? 10 : 0) + 1) : size, defs: [def] });
  }
  const result = new Map<string, GroupRow[]>();
  for (const bundle of bundles) {
    const bind: Record<string, string | number> = { to: params.to };
    const sums: string[] = [];
    const sumOf = new Map<string, number>();
    // Each table's further measures, as columns shared by tables that ask for the same one.
    const measureColumns = bundle.defs.map((def) =>
      def.measures
        .filter((measure) => measure.kind !== 'count')
        .map((measure) => {
          let sql = '0';
          if (measure.kind === 'sum') sql = `total(p.${population.column(measure.field)})`;
          if (measure.kind === 'countWhere') {
            const name = `w${sumOf.size}`;
            bind[name] = typeof measure.equals === 'boolean' ? Number(measure.equals) : measure.equals;
            sql = `sum(CASE WHEN p.${population.column(measure.field)} = @${name} THEN 1 ELSE 0 END)`;
          }
          const key = measure.kind === 'countWhere' ? `${measure.field}=${String(measure.equals)}` : sql;
          if (!sumOf.has(key)) {
            sumOf.set(key, sums.length);
            sums.push(sql);
          } else if (measure.kind === 'countWhere') delete bind[`w${sumOf.size}`];
          return sumOf.get(key) ?? 0;
        }),
    );
    const first = bundle.defs[0] as ReportTableDef;
    const keys = bundle.defs.map((def) => dimensionSql(def.rows, population, params));
    const split = first.split ? dimensionSql(first.split, population, params) : 'NULL';
    const sql = `SELECT ${keys.map((key, index) => `${key} AS r${index}`).join(', ')}, ${split} AS s, count(*) AS n${sums.map((sum, index) => `, ${sum} AS x${index}`).join('')}
      FROM temp.${population.table} p GROUP BY ${keys.map((_, index) => `r${index}`).join(', ')}, s`;
    const rows = db.prepare(sql).raw(true).all(usedBinds(sql, bind)) as DimensionKey[][];
    bundle.defs.forEach((def, index) => {
      const groups = new Map<string, GroupRow>();
      for (const row of rows) {
        const r = row[index] ?? null;
        const s = row[keys.length] ?? null;
        const id = `${keyId(r)}\u0000${keyId(s)}`;
        let group = groups.get(id);
        if (!group) groups.set(id, (group = { r, s, n: 0 }));
        group.n += Number(row[keys.length + 1] ?? 0);
        (measureColumns[index] ?? []).forEach((column, m) => (group[`m${m}`] = Number(group[`m${m}`] ?? 0) + Number(row[keys.length + 2 + column] ?? 0)));
      }
      result.set(def.id, [...groups.values()]);
    });
  }
  return result;
}

/** One table of a report: grouped in SQL, named in the operator's language, small counts suppressed when publishing. */
export function computeTable(
  db: CacheDatabase,
  population: PopulationTable,
  def: ReportTableDef,
  params: ReportParams,
  ctx: LabelContext,
  publish: { anonymised: boolean; suppressBelow: number },
  /** The table's counts, where `groupTables` worked them out with other tables'. */
  grouped?: readonly GroupRow[],
  /** The side table of derived rows (derivedTables.ts), where the rows are derived. */
  derived?: DerivedTable | null,
): ReportTableView {
  const extra = def.measures.filter((measure) => measure.kind !== 'count');
  const bind: Record<string, string | number> = { to: params.to };
  // Overlapping rows count each record once per row (DISTINCT), and their totals each record once.
  const overlap = derived?.unit === 'records';
  const measureSql = (distinct: boolean) =>
    extra.map((measure, index) => {
      if (measure.kind === 'sum') {
        if (distinct) throw new Error(`report table ${def.id}: a sum over overlapping rows`);
        return `total(p.${population.column(measure.field)}) AS m${index}`;
      }
      if (measure.kind === 'countWhere') {
        bind[`m${index}`] = typeof measure.equals === 'boolean' ? Number(measure.equals) : measure.equals;
        const column = `p.${population.column(measure.field)}`;
        return distinct ? `count(DISTINCT CASE WHEN ${column} = @m${index} THEN p.id END) AS m${index}` : `sum(CASE WHEN ${column} = @m${index} THEN 1 ELSE 0 END) AS m${index}`;
      }
      return `0 AS m${index}`;
    });
  const from = derived ? `temp.${population.table} p JOIN temp.${derived.table} x ON x.id = p.id` : `temp.${population.table} p`;
  const sql = `SELECT ${dimensionSql(def.rows, population, params)} AS r, ${def.split ? dimensionSql(def.split, population, params) : 'NULL'} AS s, ${overlap ? 'count(DISTINCT p.id)' : 'count(*)'} AS n
    ${measureSql(overlap).map((measure) => `, ${measure}`).join('')} FROM ${from} GROUP BY r, s`;
  const groups = grouped ?? (db.prepare(sql).all(usedBinds(sql, bind)) as GroupRow[]);
  // The totals of overlapping rows: every record of the population once (its split is a field of its own).
  const totalsSql = `SELECT ${def.split ? dimensionSql(def.split, population, params) : 'NULL'} AS s, count(*) AS n ${measureSql(false).map((measure) => `, ${measure}`).join('')} FROM temp.${population.table} p GROUP BY s`;
  const totalGroups = overlap ? (db.prepare(totalsSql).all(usedBinds(totalsSql, bind)) as GroupRow[]) : null;

  const rowKeys = orderedKeys(def.rows, ctx, groups.map((group) => group.r));
  const splitKeys = def.split ? orderedKeys(def.split, ctx, groups.map((group) => group.s)) : [];
  const columns: ReportColumn[] = [
    ...splitKeys.map((key): ReportColumn => ({ id: `split:${keyId(key)}`, label: def.split ? keyLabel(def.split, ctx, key) : '', kind: 'split' })),
    { id: 'total', label: def.split ? ctx.t('reports.total') : (def.measures.find((measure) => measure.kind === 'count')?.label[ctx.language] ?? ctx.t('reports.total')), kind: 'total' },
    ...extra.map((measure): ReportColumn => ({ id: measure.id, label: measure.label[ctx.language], kind: 'measure' })),
  ];
  const rowIndex = new Map(rowKeys.map((key, index) => [keyId(key), index]));
  const splitIndex = new Map(splitKeys.map((key, index) => [keyId(key), index]));
  const values: number[][] = rowKeys.map(() => columns.map(() => 0));
  for (const group of groups) {
    const row = values[rowIndex.get(keyId(group.r === '' ? null : group.r)) ?? -1];
    if (!row) continue;
    const split = splitIndex.get(keyId(group.s === '' ? null : group.s));
    if (def.split && split !== undefined) row[split] = (row[split] ?? 0) + group.n;
    row[splitKeys.length] = (row[splitKeys.length] ?? 0) + group.n;
    extra.forEach((_, index) => (row[splitKeys.length + 1 + index] = (row[splitKeys.length + 1 + index] ?? 0) + Number(group[`m${index}`] ?? 0)));
  }
  const totals = columns.map((_, column) => values.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  if (totalGroups) {
    totals.fill(0);
    for (const group of totalGroups) {
      const split = splitIndex.get(keyId(group.s === '' ? null : group.s));
      if (def.split && split !== undefined) totals[split] = (totals[split] ?? 0) + group.n;
      totals[splitKeys.length] = (totals[splitKeys.length] ?? 0) + group.n;
      extra.forEach((_, index) => (totals[splitKeys.length + 1 + index] = (totals[splitKeys.length + 1 + index] ?? 0) + Number(group[`m${index}`] ?? 0)));
    }
  }

  let hidden: boolean[] = [];
  const width = columns.length;
  if (publish.anonymised && population.population.personal) {
    const countColumns = columns.map((column, index) => ({ column, index })).filter(({ column, index }) => column.kind !== 'measure' || extra[index - splitKeys.length - 1]?.kind === 'countWhere');
    const flat = [...values.flat(), ...totals];
    const cell = (row: number, column: number) => row * width + column;
    const totalRow = values.length;
    const relations: SuppressionProblem['relations'][number][] = [];
    if (def.split) values.forEach((_, row) => relations.push({ parts: splitKeys.map((__, column) => cell(row, column)), total: cell(row, splitKeys.length) }));
    if (def.split) relations.push({ parts: splitKeys.map((_, column) => cell(totalRow, column)), total: cell(totalRow, splitKeys.length) });
    // Overlapping rows do not add up to their total: no column relation, or a count would be hidden for nothing and a total taken for their sum.
    if (!overlap) for (const { index } of countColumns) relations.push({ parts: values.map((_, row) => cell(row, index)), total: cell(totalRow, index) });
    const counted = new Set(countColumns.map(({ index }) => index));
    const problem: SuppressionProblem = {
      values: flat.map((value, index) => (counted.has(index % width) ? value : 0)),
      relations,
      totals: new Set(flat.map((_, index) => index).filter((index) => Math.floor(index / width) === totalRow || index % width === splitKeys.length)),
    };
    hidden = suppressSmallCells(problem, publish.suppressBelow);
  }
  const shown = (row: number, column: number, value: number): ReportCount => (hidden[row * width + column] ? null : value);
  return {
    id: def.id,
    title: def.title[ctx.language],
    rowsLabel: def.rowsLabel[ctx.language],
    chart: def.chart ?? false,
    columns,
    rows: rowKeys.map((key, row) => ({ code: keyId(key), label: keyLabel(def.rows, ctx, key), cells: (values[row] ?? []).map((value, column) => shown(row, column, value)) })),
    totals: totals.map((value, column) => shown(values.length, column, value)),
    suppressedCells: hidden.filter(Boolean).length,
    ...(overlap ? { rowsOverlap: true, totalsLabel: def.totalsLabel?.[ctx.language] ?? ctx.t('reports.total') } : {}),
  };
}
