import { kgCalendar } from '../../../shared/packs/kg-residential/calendar';
import { kgDifficultPack } from '../../../shared/packs/kg-difficult/pack';
import { kgDifficultWorkflow } from '../../../shared/packs/kg-difficult/workflow';
import { classifierMap } from '../../../shared/forms/packTypes';
import { territoryParent, type SeededChild } from './kgDifficultSeed';

/*
 * What Pack 2's §22 workbook must show, worked out by another route than the engine's: plain
 * loops over what the seed did (values, the instants of state changes, activities), the
 * calendar's data with a working-day count of its own, Bishkek's local day as UTC+6 (no daylight
 * saving since 2011). Nothing here calls the report engine, the workflow fold or stepDeadlines.
 */
const classifiers = classifierMap(kgDifficultPack);
const name = (classifier: string, code: unknown) => classifiers[classifier]?.entries.find((entry) => entry.code === code)?.names.en ?? 'Not stated';
const territoryName = (code: string) => name('kg.territory', code);

export interface ExpectedTable {
  rows: Map<string, Map<string, number>>;
  totals: Map<string, number>;
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
function cell(table: ExpectedTable, row: string, column: string, by = 1) {
  let cells = table.rows.get(row);
  if (!cells) table.rows.set(row, (cells = new Map<string, number>()));
  bump(cells, column, by);
}
const empty = (): ExpectedTable => ({ rows: new Map(), totals: new Map() });

export interface Period {
  from: string;
  to: string;
}

/** Bishkek's date of an instant. */
const bishkekDate = (instant: string) => new Date(Date.parse(instant) + 6 * 3_600_000).toISOString().slice(0, 10);
/** The first instant after the period, in Bishkek: 00:00 local of the next day is 18:00 UTC of the last. */
const periodEnd = (period: Period) => Date.parse(`${period.to}T18:00:00Z`);

function isWorkingDay(date: string): boolean {
  if (kgCalendar.extraWorkingDays.includes(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return !kgCalendar.restWeekdays.includes(weekday) && !kgCalendar.annualHolidays.includes(date.slice(5)) && !kgCalendar.extraDaysOff.includes(date);
}
function addWorkingDays(date: string, days: number): string {
  let day = date;
  for (let left = days; left > 0; ) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The case's state at the period's end: the last change made before it. */
export function stateAtEnd(child: SeededChild, period: Period): string {
  const before = child.states.filter((change) => Date.parse(change.at) < periodEnd(period));
  return before[before.length - 1]?.state ?? 'identified';
}

/** A text value of the seed (codes and dates are strings). */
const text = (value: unknown) => (typeof value === 'string' ? value : '');
export const identified = (children: readonly SeededChild[], period: Period) => children.filter((child) => text(child.values.foundOn) >= period.from && text(child.values.foundOn) <= period.to);

const sexOf = (child: SeededChild) => name('common.sex', child.values.sex);
const yesNo = (value: unknown) => (value === true ? 'Yes' : 'No');
const stateName = (id: string) => kgDifficultWorkflow.states.find((state) => state.id === id)?.names.en ?? id;
const stepName = (id: string) => kgDifficultWorkflow.steps.find((step) => step.id === id)?.names.en ?? id;

/** Every table of the report by id. */
export function expectedTables(children: readonly SeededChild[], period: Period): Record<string, ExpectedTable> {
  const found = identified(children, period);
  const bySexTable = (rowOf: (child: SeededChild) => string[]): ExpectedTable => {
    const table = empty();
    for (const child of found) {
      for (const row of rowOf(child)) {
        cell(table, row, sexOf(child));
        cell(table, row, 'Total');
      }
      // Totals: each child once, whatever rows it is in.
      bump(table.totals, sexOf(child));
      bump(table.totals, 'Total');
    }
    return table;
  };

  const overview = empty();
  for (const child of found) {
    const columns = ['Number of children', ...(child.values.disability === true ? ['Of whom with a disability'] : []), ...(child.values.migrantParents === true ? ['Of whom with migrant parents'] : [])];
    for (const column of columns) {
      cell(overview, sexOf(child), column);
      bump(overview.totals, column);
    }
  }

  const reasonsOf = (child: SeededChild) => {
    const items = (child.values.reasons ?? []) as { reason: string }[];
    return items.length === 0 ? ['Not stated'] : [...new Set(items.map((item) => name('kg-difficult.reason', item.reason)))];
  };

  const activities = empty();
  const column = 'Number of activities';
  for (const child of children) {
    if (!child.plan || child.plan.adoptedOn > period.to) continue;
    for (const activity of child.plan.activities) {
      if (activity.executedOn !== null && activity.executedOn < period.from) continue;
      let status: string;
      if (activity.executedOn !== null && activity.executedOn <= period.to) status = activity.result ? name('kg-difficult.activityResult', activity.result) : 'Carried out, result not stated';
      else status = activity.plannedOn < period.to ? 'Not carried out, planned date passed' : 'Not carried out, not yet due';
      cell(activities, status, column);
      bump(activities.totals, column);
    }
  }

  const monitoring = empty();
  const end = periodEnd(period);
  const outcomeNames = { onTime: 'Done on time', late: 'Done late', overdue: 'Overdue', open: 'Open, not yet due', notDue: 'Not scheduled (case closed first)' };
  for (const child of found) {
    const closed = stateAtEnd(child, period) === 'closed';
    const foundOn = text(child.values.foundOn);
    const doneBefore = (instant: string | undefined) => (instant !== undefined && Date.parse(instant) < end ? bishkekDate(instant) : null);
    const registered = doneBefore(child.createdAt);
    const outcome = (due: string | null, done: string | null): keyof typeof outcomeNames => {
      if (due === null) return 'notDue';
      if (done !== null) return done <= due ? 'onTime' : 'late';
      if (closed) return 'notDue';
      return period.to > due ? 'overdue' : 'open';
    };
    const steps: [string, keyof typeof outcomeNames][] = [
      ['registered', outcome(addWorkingDays(foundOn, 1), registered)],
      ['initialInformation', outcome(registered === null ? null : addWorkingDays(registered, 2), doneBefore(child.done.enterInitialInformation))],
      ['assessment', outcome(addWorkingDays(foundOn, 7), doneBefore(child.done.enterAssessment))],
    ];
    for (const [step, result] of steps) {
      cell(monitoring, stepName(step), outcomeNames[result]);
      cell(monitoring, stepName(step), 'Total');
      bump(monitoring.totals, outcomeNames[result]);
      bump(monitoring.totals, 'Total');
    }
  }

  const region = (code: string) => territoryName(territoryParent.get(code) ?? code);
  const district = (code: string) => {
    const parent = territoryParent.get(code);
    return parent ? `${territoryName(parent)} — ${territoryName(code)}` : territoryName(code);
  };
  return {
    identifiedBySex: overview,
    disabilityBySex: bySexTable((child) => [yesNo(child.values.disability)]),
    migrantParentsBySex: bySexTable((child) => [yesNo(child.values.migrantParents)]),
    byReason: bySexTable(reasonsOf),
    byLegalStatus: bySexTable((child) => [name('kg-difficult.legalStatus', child.values.legalStatus)]),
    byCaseStatus: bySexTable((child) => [stateName(stateAtEnd(child, period))]),
    byRegionFound: bySexTable((child) => [region(text(child.values.foundTerritory))]),
    byDistrictFound: bySexTable((child) => [district(text(child.values.foundTerritory))]),
    planActivities: activities,
    monitoring,
  };
}
