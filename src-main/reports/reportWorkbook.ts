import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportCount, ReportRunView, ReportTableView } from '../../shared/api/reports';
import { sheetNamer } from './sheetNames';

/** A list sheet fed page by page (a list of 200k pupils never sits in memory whole). */
export interface ListSheet {
  title: string;
  headers: string[];
  /** Column kinds, for widths and cell formats. */
  kinds: ('text' | 'number' | 'date')[];
  pages: AsyncIterable<(string | number | Date | null)[][]>;
}

/** What the cover sheet says besides the run itself. */
export interface CoverText {
  labels: { cover: string; period: string; scope: string; preparedBy: string; preparedAt: string; anonymised: string; legalReference: string; suppressedMark: string };
  period: string;
  scope: string;
  preparedAt: string;
  anonymised: string;
  /** Explains the mark of a hidden count (anonymised only). */
  legend: string | null;
}

/** The mark of a suppressed count: a text cell, so no formula or filter takes it for a number. */
export const suppressedMark = '*';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
/** A4 landscape, as wide as one page, header rows repeated on every page. */
const printSetup = (titleRows: string): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: titleRows,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
});

const width = (texts: readonly string[], min = 10, max = 60) => Math.min(max, Math.max(min, ...texts.map((text) => text.length + 2)));
const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

function writeCover(workbook: ExcelJS.stream.xlsx.WorkbookWriter, view: ReportRunView, cover: CoverText, name: string): void {
  const sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 28 }, { width: 90 }];
  const title = sheet.addRow([view.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([]).commit();
  const lines: [string, string][] = [
    [cover.labels.period, cover.period],
    [cover.labels.scope, cover.scope],
    [cover.labels.preparedBy, view.generatedBy],
    [cover.labels.preparedAt, cover.preparedAt],
    [cover.labels.anonymised, cover.anonymised],
    [cover.labels.legalReference, view.legalReference],
  ];
  if (cover.legend) lines.push([cover.labels.suppressedMark, cover.legend]);
  for (const [label, value] of lines) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  sheet.commit();
}

const countCell = (value: ReportCount) => (value === null ? suppressedMark : value);

function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTableView, name: string, formulas: boolean, totalLabel: string): void {
  const columnCount = table.columns.length + 1;
  const last = columnLetter(columnCount - 1);
  const firstData = 3;
  const lastData = firstData + table.rows.length - 1;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
    pageSetup: printSetup('1:2'),
  });
  sheet.autoFilter = `A2:${last}${Math.max(2, lastData)}`;
  sheet.columns = [
    { width: width([table.rowsLabel, totalLabel, ...table.rows.map((row) => row.label)], 16, 70) },
    ...table.columns.map((column) => ({ width: width([column.label], 10, 28) })),
  ];
  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 12 };
  title.commit();
  const header = sheet.addRow([table.rowsLabel, ...table.columns.map((column) => column.label)]);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = thin;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.commit();
  const splitColumns = table.columns.filter((column) => column.kind === 'split').length;
  table.rows.forEach((row, index) => {
    const excelRow = firstData + index;
    const cells = row.cells.map((value, column) => {
      // The row total as a formula over its split cells: it agrees with them wherever the file is opened.
      if (formulas && value !== null && table.columns[column]?.kind === 'total' && splitColumns > 0) {
        return { formula: `SUM(B${excelRow}:${columnLetter(splitColumns)}${excelRow})`, result: value };
      }
      return countCell(value);
    });
    const line = sheet.addRow([row.label, ...cells]);
    line.eachCell((cell) => (cell.border = thin));
    line.commit();
  });
  // Overlapping rows do not add up: their totals are the counts themselves, never a sum of the column.
  const sums = formulas && !table.rowsOverlap;
  const totals = sheet.addRow([
    table.totalsLabel ?? totalLabel,
    ...table.totals.map((value, column) =>
      sums && value !== null && table.rows.length > 0 ? { formula: `SUM(${columnLetter(column + 1)}${firstData}:${columnLetter(column + 1)}${lastData})`, result: value } : countCell(value),
    ),
  ]);
  totals.eachCell((cell) => {
    cell.font = { bold: true };
    cell.border = thin;
  });
  totals.commit();
  sheet.commit();
}

async function writeList(workbook: ExcelJS.stream.xlsx.WorkbookWriter, list: ListSheet, name: string): Promise<void> {
  const last = columnLetter(list.headers.length - 1);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: printSetup('1:1') });
  sheet.columns = list.headers.map((header, index) => ({
    width: list.kinds[index] === 'date' ? 12 : list.kinds[index] === 'number' ? Math.max(10, header.length + 2) : width([header], 14, 40),
  }));
  const header = sheet.addRow(list.headers);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = thin;
  });
  header.commit();
  const dateColumns = list.kinds.flatMap((kind, index) => (kind === 'date' ? [index + 1] : []));
  let rows = 1;
  for await (const page of list.pages) {
    for (const values of page) {
      const row = sheet.addRow(values);
      // Set on each cell: the streaming writer does not carry a column's format to its cells.
      dateColumns.forEach((column) => (row.getCell(column).numFmt = 'dd.mm.yyyy'));
      row.commit();
    }
    rows += page.length;
  }
  sheet.autoFilter = `A1:${last}${rows}`;
  sheet.commit();
}

/**
 * The report as an .xlsx, streamed to `out`: a cover sheet, one styled sheet per table (totals
 * as formulas that agree with the counts, or plain values where counts are suppressed), then
 * the lists row by row.
 */
export async function writeReportWorkbook(out: Writable, view: ReportRunView, cover: CoverText, lists: readonly ListSheet[], totalLabel: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = view.generatedBy;
  workbook.created = new Date(view.generatedAt);
  const name = sheetNamer();
  writeCover(workbook, view, cover, name(cover.labels.cover));
  view.tables.forEach((table, index) => writeTable(workbook, table, name(table.title, index + 1), !view.anonymised, totalLabel));
  for (const list of lists) await writeList(workbook, list, name(list.title));
  await workbook.commit();
}
