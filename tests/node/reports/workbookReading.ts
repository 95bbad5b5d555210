import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BalaClient } from '../../../shared/api/client';

/** A cell as a reader sees it: a number (a formula's cached result too), text, or nothing. */
export type Seen = number | string | null;

export function cellValue(value: ExcelJS.CellValue): Seen {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return typeof value === 'boolean' ? String(value) : null;
}

export interface SheetGrid {
  name: string;
  cells: Seen[][];
}

export async function readWorkbook(data: Buffer): Promise<{ workbook: ExcelJS.Workbook; sheets: SheetGrid[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map((sheet) => {
    const cells: Seen[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values: Seen[] = [];
      for (let column = 1; column <= sheet.columnCount; column += 1) values.push(cellValue(row.getCell(column).value));
      cells[number - 1] = values;
    });
    return { name: sheet.name, cells: Array.from(cells, (row) => row ?? []) };
  });
  return { workbook, sheets };
}

/** A table sheet (title, header row, data rows, totals row) as label → column → value. */
export function tableOf(grid: SheetGrid): { title: string; header: string[]; rows: Map<string, Map<string, Seen>>; totals: Map<string, Seen> } {
  const [titleRow = [], headerRow = [], ...rest] = grid.cells;
  const header = headerRow.map((cell) => String(cell ?? ''));
  const asMap = (row: Seen[]) => new Map(header.slice(1).map((column, index) => [column, row[index + 1] ?? null]));
  const data = rest.filter((row) => row.some((cell) => cell !== null));
  const totalsRow = data[data.length - 1] ?? [];
  return { title: String(titleRow[0] ?? ''), header, rows: new Map(data.slice(0, -1).map((row) => [String(row[0]), asMap(row)])), totals: asMap(totalsRow) };
}

/** Every sheet as LibreOffice Calc reads it, converted to CSV (one file per sheet). */
export function libreOfficeSheets(file: string, workDir: string): Map<string, string[][]> {
  const outDir = path.join(workDir, 'csv');
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(workDir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', outDir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const base = path.basename(file, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(outDir)) {
    if (!name.startsWith(`${base}-`) || !name.endsWith('.csv')) continue;
    const text = fs.readFileSync(path.join(outDir, name), 'utf8');
    sheets.set(name.slice(base.length + 1, -4), parseCsv(text));
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (char !== '\r') cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The sheets of a report exported through the API, published anonymised or not. */
export async function exportedSheets(client: BalaClient, request: { reportId: string; from: string; to: string; anonymised: boolean }): Promise<SheetGrid[]> {
  const file = await client.call('reports.export', request);
  if (!file.ok) throw new Error(file.error.message);
  return (await readWorkbook(Buffer.from(file.value.contentBase64, 'base64'))).sheets;
}
