import type { Writable } from 'node:stream';
import type { TFunction } from 'i18next';
import type { ReportRunView } from '../../shared/api/reports';
import { findEntry, type Classifier } from '../../shared/forms/classifier';
import { classifierMap, type PackDef } from '../../shared/forms/packTypes';
import { localToday } from '../../shared/forms/dates';
import { formatDate, formatTime } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/languages';
import type { ReportDef } from '../../shared/reports/reportTypes';
import type { ReaderScope } from '../records/readerScope';
import { materialiseDerived, type DerivedTable } from './derivedTables';
import type { CacheDatabase } from '../store/cacheDatabase';
import { listSheet } from './listPages';
import { dimensionFields, materialisePopulationSliced, measureFields, type PopulationTable, type ReportParams } from './population';
import type { LabelContext } from './reportLabels';
import { computeTable, groupTables, type GroupRow } from './reportTables';
import type { ListSheet } from './reportWorkbook';

export interface ReportRunContext {
  db: CacheDatabase;
  pack: PackDef;
  language: Language;
  t: TFunction;
  /** Who prepares the report, as the cover sheet names them. */
  generatedBy: string;
  /** Whose records the cache holds: the agency, or the whole registry for a central reader. */
  scopeName: string;
  /** Whose records the operator may read (readerScope): counts and lists are of those only. */
  scope: ReaderScope;
  now?: Date;
}

export interface RunRequest {
  from?: string | undefined;
  to?: string | undefined;
  region?: string | undefined;
  anonymised: boolean;
}

/** A territory code's top ancestor: the region of a district, the code itself for a region or a city of republican significance. */
export function regionOf(classifier: Classifier, code: string): string {
  let entry = findEntry(classifier, code);
  for (let depth = 0; entry?.parent && depth < 10; depth += 1) entry = findEntry(classifier, entry.parent);
  return entry?.code ?? code;
}

/** The names of the agencies this workstation knows: its own, and those the server named with pulled records. */
export function holderNames(db: CacheDatabase): Map<string, string> {
  const received = db.prepare('SELECT id, name FROM agencies').all() as { id: string; name: string }[];
  const rows = db.prepare('SELECT agency_json FROM workstation').all() as { agency_json: string }[];
  const own = rows.map((row) => JSON.parse(row.agency_json) as { id: string; name: string });
  return new Map([...received, ...own].map((agency) => [agency.id, agency.name]));
}

let runCounter = 0;

type Prepared = Awaited<ReturnType<typeof prepareRun>>;

/** Everything one run needs: its period, the materialised populations, labels; dropped by `close`. */
export async function prepareRun(ctx: ReportRunContext, report: ReportDef, request: RunRequest) {
  const now = ctx.now ?? new Date();
  const to = request.to ?? localToday(now);
  const params: ReportParams = { from: request.from ?? to, to, scope: ctx.scope };
  const classifiers = classifierMap(ctx.pack);
  const territoryClassifier = (formId: string, field: string): Classifier | undefined => {
    const def = ctx.pack.forms.find((form) => form.id === formId)?.sections.flatMap((section) => section.fields).find((candidate) => candidate.id === field);
    return def && (def.kind === 'territory' || def.kind === 'choice') ? classifiers[def.classifier] : undefined;
  };
  // The run's temporary tables (tens of MB at 200k records) live in memory: give them a page cache that holds them.
  ctx.db.pragma('temp.cache_size = -65536');
  // Regions of every territory list a region dimension or the region filter uses, for SQL to join.
  ctx.db.exec('CREATE TEMP TABLE IF NOT EXISTS report_regions (classifier TEXT NOT NULL, code TEXT NOT NULL, region TEXT NOT NULL, PRIMARY KEY (classifier, code))');
  const insertRegion = ctx.db.prepare('INSERT OR IGNORE INTO temp.report_regions (classifier, code, region) VALUES (?, ?, ?)');
  for (const table of report.tables) {
    if (table.rows.kind !== 'region') continue;
    const classifier = classifiers[table.rows.classifier];
    for (const entry of classifier?.entries ?? []) insertRegion.run(classifier?.id, entry.code, regionOf(classifier as Classifier, entry.code));
  }
  runCounter += 1;
  const populations = new Map<string, PopulationTable>();
  for (const population of report.populations) {
    const tables = report.tables.filter((table) => table.population === population.id);
    const fields = tables.flatMap((table) => [...dimensionFields(table.rows), ...(table.split ? dimensionFields(table.split) : []), ...table.measures.flatMap(measureFields)]);
    const classifier = population.territoryField
      ? territoryClassifier(population.formId, population.territoryField)
      : population.subjectTerritory
        ? territoryClassifier(population.subjectTerritory.formId, population.subjectTerritory.field)
        : undefined;
    const territories = request.region && classifier ? classifier.entries.filter((entry) => regionOf(classifier, entry.code) === request.region).map((entry) => entry.code) : undefined;
    populations.set(population.id, await materialisePopulationSliced(ctx.db, { ...population, id: `${population.id}_${runCounter}` }, fields, { ...params, ...(territories ? { territories } : {}) }));
  }
  // Case states, step deadlines and group items of the tables that count them, one side table each.
  const derived = new Map<string, DerivedTable>();
  report.tables.forEach((table, index) => {
    const population = populations.get(table.population);
    const side = population ? materialiseDerived(ctx.db, ctx.pack, population, table, params, index) : null;
    if (side) derived.set(table.id, side);
  });
  const labels: LabelContext = { language: ctx.language, classifiers, holders: holderNames(ctx.db), t: ctx.t, workflows: ctx.pack.workflows ?? [] };
  const regionName = request.region ? (Object.values(classifiers).map((classifier) => findEntry(classifier, request.region ?? '')).find(Boolean)?.names[ctx.language] ?? request.region) : null;
  return {
    params,
    populations,
    derived,
    labels,
    regionName,
    now,
    close: () => {
      for (const side of derived.values()) ctx.db.exec(`DROP TABLE IF EXISTS temp.${side.table}`);
      for (const population of populations.values()) ctx.db.exec(`DROP TABLE IF EXISTS temp.${population.table}; DROP TABLE IF EXISTS temp.${population.table}_ended`);
    },
  };
}

/** Computes a report's tables for the period and filter; the engine reads only the definition. Yields between tables. */
export async function runReport(ctx: ReportRunContext, report: ReportDef, request: RunRequest, given?: Prepared): Promise<ReportRunView> {
  const prepared = given ?? (await prepareRun(ctx, report, request));
  const publish = { anonymised: request.anonymised, suppressBelow: ctx.pack.reports?.suppressBelow ?? 5 };
  try {
    const grouped = new Map<string, GroupRow[]>();
    for (const [id, population] of prepared.populations) {
      const counted = groupTables(ctx.db, population, report.tables.filter((table) => table.population === id), prepared.params, prepared.labels);
      counted.forEach((groups, table) => grouped.set(table, groups));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const tables: ReportRunView['tables'] = [];
    for (const table of report.tables) {
      const population = prepared.populations.get(table.population);
      if (!population) throw new Error(`report ${report.id}: no population ${table.population}`);
      tables.push(computeTable(ctx.db, population, table, prepared.params, prepared.labels, publish, grouped.get(table.id), prepared.derived.get(table.id)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return {
      reportId: report.id,
      title: report.title[ctx.language],
      legalReference: report.legalReference[ctx.language],
      from: prepared.params.from,
      to: prepared.params.to,
      region: prepared.regionName,
      anonymised: request.anonymised,
      suppressBelow: publish.suppressBelow,
      generatedAt: prepared.now.toISOString(),
      generatedBy: ctx.generatedBy,
      tables,
    };
  } finally {
    if (!given) prepared.close();
  }
}

const isoToDate = (iso: string) => new Date(`${iso}T00:00:00`);

/** The report as a workbook streamed to `out`; personal lists are left out of an anonymised one. */
export async function exportReport(ctx: ReportRunContext, report: ReportDef, request: RunRequest, out: Writable): Promise<ReportRunView> {
  const prepared = await prepareRun(ctx, report, request);
  try {
    const view = await runReport(ctx, report, request, prepared);
    const lists: ListSheet[] = report.lists
      .map((list) => ({ list, population: prepared.populations.get(list.population) }))
      .filter((entry): entry is { list: typeof entry.list; population: PopulationTable } => entry.population !== undefined && !(request.anonymised && entry.population.population.personal))
      .map(({ list, population }) => listSheet(ctx, list, population, prepared.labels));
    const t = ctx.t;
    const date = (iso: string) => formatDate(isoToDate(iso), ctx.language);
    // exceljs loads only when a workbook is written: the CLI's other verbs start without it.
    const { writeReportWorkbook } = await import('./reportWorkbook');
    await writeReportWorkbook(
      out,
      view,
      {
        labels: {
          cover: t('reports.coverSheet'),
          period: t('reports.period'),
          scope: t('reports.scope'),
          preparedBy: t('reports.preparedBy'),
          preparedAt: t('reports.preparedAt'),
          anonymised: t('reports.anonymisedLabel'),
          legalReference: t('reports.legalReference'),
          suppressedMark: t('reports.suppressedMarkLabel'),
        },
        period: view.from === view.to ? date(view.to) : `${date(view.from)} — ${date(view.to)}`,
        scope: prepared.regionName ? `${ctx.scopeName}; ${t('reports.regionFilter', { region: prepared.regionName })}` : ctx.scopeName,
        preparedAt: `${formatDate(prepared.now, ctx.language)} ${formatTime(prepared.now)}`,
        anonymised: request.anonymised ? t('reports.anonymisedYes', { below: view.suppressBelow }) : t('reports.anonymisedNo'),
        legend: request.anonymised ? t('reports.suppressedLegend', { mark: '*', below: view.suppressBelow }) : null,
      },
      lists,
      t('reports.total'),
    );
    return view;
  } finally {
    prepared.close();
  }
}
