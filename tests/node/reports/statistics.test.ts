import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kgStatistics } from '../../../shared/packs/kg-residential/reports/statistics';
import { expectedTables, loadRows, type Expected } from './expectedCounts';
import { seededWorkstation } from './reportSeed';
import { readWorkbook, tableOf, libreOfficeSheets, type SheetGrid } from './workbookReading';

const period = { from: '2026-01-01', to: '2026-06-15' };

function compare(sheet: ReturnType<typeof tableOf>, expected: Expected, what: string) {
  const columns = sheet.header.slice(1);
  for (const [label, cells] of sheet.rows) {
    for (const column of columns) expect(cells.get(column), `${what}: ${label} / ${column}`).toBe(expected.get(label)?.get(column) ?? 0);
  }
  for (const [label, cells] of expected) {
    if ([...cells.values()].some((value) => value !== 0)) expect(sheet.rows.has(label), `${what}: row ${label}`).toBe(true);
  }
  for (const column of columns) {
    const sum = [...expected.values()].reduce((total, cells) => total + (cells.get(column) ?? 0), 0);
    expect(sheet.totals.get(column), `${what}: total of ${column}`).toBe(sum);
  }
}

describe('the §21 report as a workbook', () => {
  it('counts, sheet by sheet, what plain SQL over the records counts; re-opens in exceljs and LibreOffice with the same numbers', { timeout: 180_000 }, async () => {
    const { client, db, seeded, dir } = await seededWorkstation('central_reader', 220);
    const file = await client.call('reports.export', { reportId: kgStatistics.id, ...period });
    if (!file.ok) throw new Error(file.error.message);
    const data = Buffer.from(file.value.contentBase64, 'base64');
    const { workbook, sheets } = await readWorkbook(data);

    const holders = new Map(seeded.pupils.map((pupil) => [pupil.id, pupil.holder]));
    const rows = loadRows(db, holders);
    const pupils = rows.pupils(period.from, period.to);
    // The period leaves some children out (admitted later, or gone before it began): the filter is tested too.
    expect(pupils.length).toBeGreaterThan(50);
    expect(pupils.length).toBeLessThan(seeded.pupils.length);
    const expected = expectedTables(rows.institutions, pupils, period.to, (code) => (code === 'agency-1' ? 'Test agency' : code));

    // The cover first: title, period, scope, who, whether anonymised, the legal reference.
    const cover = sheets[0] as SheetGrid;
    const coverText = cover.cells.flat().join('\n');
    for (const text of [kgStatistics.title.en, kgStatistics.legalReference.en, 'Нурлан Токтосунов', 'Test agency', '1 January 2026', '15 June 2026', 'No: for official use only']) expect(coverText).toContain(text);

    const tableSheets = sheets.slice(1, 1 + kgStatistics.tables.length).map((grid) => ({ grid, table: tableOf(grid) }));
    expect(tableSheets.map(({ table }) => table.title)).toEqual(kgStatistics.tables.map((table) => table.title.en));
    expect(sheets).toHaveLength(kgStatistics.tables.length + 2);
    for (const def of kgStatistics.tables) {
      const found = tableSheets.find(({ table }) => table.title === def.title.en);
      expect(found, def.id).toBeDefined();
      compare(found?.table ?? tableOf({ name: '', cells: [] }), expected[def.id] ?? (new Map() as Expected), def.id);
    }
    // One row per registered institution in the list.
    const list = sheets.find((sheet) => sheet.cells[0]?.[0] === 'Full name per founding documents');
    expect(list?.cells.length).toBe(seeded.institutions.length + 1);

    // Styled for print and for work: frozen header, filter, A4 landscape with the header repeated.
    const sheet = workbook.worksheets[1];
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:2' });

    // LibreOffice Calc reads the same numbers from every sheet (formulas included).
    const saved = path.join(dir, 'statistics.xlsx');
    fs.writeFileSync(saved, data);
    const calc = libreOfficeSheets(saved, dir);
    expect(calc.size).toBe(sheets.length);
    for (const grid of sheets.slice(1)) {
      const csv = calc.get(grid.name);
      expect(csv, grid.name).toBeDefined();
      const numbers = (cells: (string | number | null)[][]) => cells.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))).filter((row) => row.some((cell) => cell !== ''));
      const fromCalc = numbers(csv ?? []).map((row) => row.slice(0, (grid.cells[1] ?? []).length));
      // Dates as the sheet formats them (dd.mm.yyyy); everything else as written.
      const shownDate = (cell: string) => (/^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell.split('-').reverse().join('.') : cell);
      expect(fromCalc, grid.name).toEqual(numbers(grid.cells).map((row) => row.map(shownDate)));
    }
  });
});
