import type { ReportColumn, ReportCount, ReportTableView } from '../../shared/api/reports';
import type { Band, Dimension, ReportTableDef } from '../../shared/reports/reportTypes';
import type { CacheDatabase } from '../store/cacheDatabase';
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

interface GroupRow {
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

/** One table of a report: grouped in SQL, named in the operator's language, small counts suppressed when publishing. */
export function computeTable(
  db: CacheDatabase,
  population: PopulationTable,
  def: ReportTableDef,
  params: ReportParams,
  ctx: LabelContext,
  publish: { anonymised: boolean; suppressBelow: number },
): ReportTableView {
  const extra = def.measures.filter((measure) => measure.kind !== 'count');
  const bind: Record<string, string | number> = { to: params.to };
  const measureSql = extra.map((measure, index) => {
    if (measure.kind === 'sum') return `total(p.${population.column(measure.field)}) AS m${index}`;
    if (measure.kind === 'countWhere') {
      bind[`m${index}`] = typeof measure.equals === 'boolean' ? Number(measure.equals) : measure.equals;
      return `sum(CASE WHEN p.${population.column(measure.field)} = @m${index} THEN 1 ELSE 0 END) AS m${index}`;
    }
    return `0 AS m${index}`;
  });
  const sql = `SELECT ${dimensionSql(def.rows, population, params)} AS r, ${def.split ? dimensionSql(def.split, population, params) : 'NULL'} AS s, count(*) AS n
    ${measureSql.map((measure) => `, ${measure}`).join('')} FROM temp.${population.table} p GROUP BY r, s`;
  const groups = db.prepare(sql).all(sql.includes('@to') ? bind : Object.fromEntries(Object.entries(bind).filter(([key]) => key !== 'to'))) as GroupRow[];

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
    for (const { index } of countColumns) relations.push({ parts: values.map((_, row) => cell(row, index)), total: cell(totalRow, index) });
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
  };
}
