import { describe, expect, it } from 'vitest';
import { kgDifficultStatistics } from '../../../shared/packs/kg-difficult/reports/statistics';
import { expectedTables, identified, stateAtEnd, type ExpectedTable } from './kgDifficultExpected';
import { kgDifficultWorkstation, territoryParent } from './kgDifficultSeed';
import { readWorkbook, tableOf, type SheetGrid } from './workbookReading';

const period = { from: '2026-01-01', to: '2026-06-30' };

function compare(sheet: ReturnType<typeof tableOf>, expected: ExpectedTable, what: string) {
  const columns = sheet.header.slice(1);
  for (const [label, cells] of sheet.rows) {
    for (const column of columns) expect(cells.get(column), `${what}: ${label} / ${column}`).toBe(expected.rows.get(label)?.get(column) ?? 0);
  }
  for (const [label, cells] of expected.rows) {
    if ([...cells.values()].some((value) => value !== 0)) expect(sheet.rows.has(label), `${what}: row ${label}`).toBe(true);
  }
  for (const column of columns) expect(sheet.totals.get(column), `${what}: total of ${column}`).toBe(expected.totals.get(column) ?? 0);
}

describe('Pack 2 §22 statistics workbook', () => {
  it('counts every table as plain loops over the seeded records, case events and plans count them', { timeout: 180_000 }, async () => {
    const { client, children } = await kgDifficultWorkstation('kgd_central', 240);
    const file = await client.call('reports.export', { reportId: kgDifficultStatistics.id, ...period });
    if (!file.ok) throw new Error(file.error.message);
    const { workbook, sheets } = await readWorkbook(Buffer.from(file.value.contentBase64, 'base64'));

    // The data set exercises what the rules are about: the period leaves children out on both
    // sides, children with two reasons, cases moved along after the period's end, plans.
    const found = identified(children, period);
    expect(found.length).toBeGreaterThan(100);
    expect(found.length).toBeLessThan(children.length);
    expect(found.filter((child) => new Set(((child.values.reasons ?? []) as { reason: string }[]).map((item) => item.reason)).size > 1).length).toBeGreaterThan(20);
    expect(found.filter((child) => child.states.some((change) => change.at > '2026-06-30T18:00:00Z') && stateAtEnd(child, period) !== child.states[child.states.length - 1]?.state).length).toBeGreaterThan(0);
    expect(new Set(found.map((child) => stateAtEnd(child, period))).size).toBe(5);

    const cover = (sheets[0] as SheetGrid).cells.flat().join('\n');
    for (const text of [kgDifficultStatistics.title.en, kgDifficultStatistics.legalReference.en, 'Айгүл Сейитова', '1 January 2026', '30 June 2026']) expect(cover).toContain(text);

    const expected = expectedTables(children, period);
    const tableSheets = sheets.slice(1).map(tableOf);
    expect(tableSheets.map((table) => table.title)).toEqual(kgDifficultStatistics.tables.map((table) => table.title.en));
    kgDifficultStatistics.tables.forEach((def, index) => compare(tableSheets[index] as ReturnType<typeof tableOf>, expected[def.id] as ExpectedTable, def.id));

    // The reasons overlap: their totals row says so, counts each child once, and is no SUM of the column.
    const reasonsIndex = kgDifficultStatistics.tables.findIndex((table) => table.id === 'byReason');
    const reasonRows = (sheets[reasonsIndex + 1] as SheetGrid).cells.filter((row) => row.some((cell) => cell !== null));
    expect(reasonRows[reasonRows.length - 1]?.[0]).toBe('All children (each once; a child with several reasons is counted under each)');
    const reasons = tableSheets[reasonsIndex] as ReturnType<typeof tableOf>;
    const rowSum = [...reasons.rows.values()].reduce((sum, cells) => sum + Number(cells.get('Total') ?? 0), 0);
    expect(reasons.totals.get('Total')).toBe(found.length);
    expect(rowSum).toBeGreaterThan(found.length);
    const totalCell = workbook.worksheets[reasonsIndex + 1]?.getRow(reasonRows.length).getCell(4).value;
    expect(typeof totalCell).toBe('number');
    // An additive table keeps its formulas.
    const sexTotal = workbook.worksheets[2]?.getRow(5).getCell(4).value;
    expect(sexTotal).toMatchObject({ formula: 'SUM(D3:D4)' });
  });

  it('with a region filter counts the children found in it and the plans of those children', { timeout: 120_000 }, async () => {
    const { client, children } = await kgDifficultWorkstation('kgd_central', 240);
    const regionOf = (child: (typeof children)[number]) => {
      const code = typeof child.values.foundTerritory === 'string' ? child.values.foundTerritory : '';
      return territoryParent.get(code) ?? code;
    };
    const counts = new Map<string, number>();
    for (const child of children.filter((candidate) => candidate.plan)) counts.set(regionOf(child), (counts.get(regionOf(child)) ?? 0) + 1);
    const [region = ''] = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    const inRegion = children.filter((child) => regionOf(child) === region);
    expect(inRegion.filter((child) => child.plan).length).toBeGreaterThan(3);
    expect(inRegion.length).toBeLessThan(children.length / 2);

    const run = await client.call('reports.run', { reportId: kgDifficultStatistics.id, ...period, region });
    if (!run.ok) throw new Error(run.error.message);
    const expected = expectedTables(inRegion, period);
    for (const id of ['byReason', 'byCaseStatus', 'planActivities', 'monitoring']) {
      const table = run.value.tables.find((candidate) => candidate.id === id);
      const want = expected[id] as ExpectedTable;
      expect(table?.rows.length, id).toBeGreaterThan(1);
      for (const row of table?.rows ?? []) {
        table?.columns.forEach((column, index) => expect(row.cells[index], `${id}: ${row.label} / ${column.label}`).toBe(want.rows.get(row.label)?.get(column.label) ?? 0));
      }
      table?.columns.forEach((column, index) => expect(table.totals[index], `${id}: total of ${column.label}`).toBe(want.totals.get(column.label) ?? 0));
    }
  });
});
