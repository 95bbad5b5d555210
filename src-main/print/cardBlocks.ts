import { rgb, type PDFFont } from 'pdf-lib';
import type { PrintBlock } from '../../shared/print/printLayout';
import { black, grey, margin, rule, type CardFlow } from './cardFlow';
import { unwrap, wrapLines, wrapText } from './textWrap';

const pad = 3;
const label = { size: 7.5, line: 9.5 };
const value = { size: 10, line: 12.5 };
const table = { size: 8.5, line: 10.5, head: 7.5 };
const band = rgb(0.92, 0.93, 0.95);

type FieldBlock = Extract<PrintBlock, { kind: 'field' }>;
type TableBlock = Extract<PrintBlock, { kind: 'table' }>;

interface Cell {
  labelLines: string[];
  valueLines: string[];
}

export interface BlockWords {
  /** Added to a label or caption continued from the previous page. */
  continued: string;
}

function cellOf(flow: CardFlow, block: FieldBlock, width: number): Cell {
  return {
    labelLines: wrapText(flow.fonts.regular, label.size, block.label, width - 2 * pad),
    valueLines: wrapText(flow.fonts.regular, value.size, block.text, width - 2 * pad),
  };
}

const cellHeight = (cell: Cell, valueLines = cell.valueLines.length) => 2 * pad + cell.labelLines.length * label.line + valueLines * value.line;

function drawCell(flow: CardFlow, x: number, width: number, height: number, labelLines: string[], valueLines: string[]): void {
  const { page, fonts } = flow;
  page.drawRectangle({ x, y: flow.y - height, width, height, borderColor: rule, borderWidth: 0.5 });
  let y = flow.y - pad;
  for (const line of labelLines) {
    y -= label.line;
    page.drawText(line, { x: x + pad, y: y + 2, size: label.size, font: fonts.regular, color: grey });
  }
  for (const line of valueLines) {
    y -= value.line;
    page.drawText(line, { x: x + pad, y: y + 2.5, size: value.size, font: fonts.regular, color: black });
  }
}

/** A whole-width field; a value longer than the page goes on over the next pages, its label marked continued. */
function drawWideField(flow: CardFlow, block: FieldBlock, words: BlockWords): void {
  flow.beginUnit();
  drawWideValue(flow, block, words);
  flow.endUnit();
}

function drawWideValue(flow: CardFlow, block: FieldBlock, words: BlockWords): void {
  let cell = cellOf(flow, block, flow.width());
  if (cellHeight(cell) <= flow.fullPageRoom()) {
    // After a page break the row may be wider (no photo beside it): wrap again.
    if (flow.ensure(cellHeight(cell))) cell = cellOf(flow, block, flow.width());
    drawCell(flow, margin.left, flow.width(), cellHeight(cell), cell.labelLines, cell.valueLines);
    flow.y -= cellHeight(cell);
    return;
  }
  // Split over pages: each part is wrapped again at its page's width (no photo beside it there).
  let rest = block.text;
  let labelText = block.label;
  while (rest) {
    const labelLines = wrapText(flow.fonts.regular, label.size, labelText, flow.width() - 2 * pad);
    const fits = Math.floor((flow.room() - 2 * pad - labelLines.length * label.line) / value.line);
    if (fits < 2) {
      flow.newPage();
      continue;
    }
    const lines = wrapLines(flow.fonts.regular, value.size, rest, flow.width() - 2 * pad);
    const part = lines.slice(0, fits);
    const height = 2 * pad + labelLines.length * label.line + part.length * value.line;
    drawCell(flow, margin.left, flow.width(), height, labelLines, part.map((line) => line.text));
    flow.y -= height;
    rest = unwrap(lines.slice(fits));
    labelText = `${block.label} ${words.continued}`;
  }
}

/** Two span-1 fields side by side (or one alone), as one row of equal height. */
function drawPair(flow: CardFlow, pair: FieldBlock[]): void {
  flow.beginUnit();
  const layout = () => {
    const half = flow.width() / 2;
    const cells = pair.map((block) => cellOf(flow, block, half));
    return { half, cells, height: Math.max(...cells.map((cell) => cellHeight(cell))) };
  };
  let row = layout();
  if (flow.ensure(row.height)) row = layout();
  row.cells.forEach((cell, index) => drawCell(flow, margin.left + index * row.half, row.half, row.height, cell.labelLines, cell.valueLines));
  flow.y -= row.height;
  flow.endUnit();
}

function drawSection(flow: CardFlow, title: string): void {
  flow.beginUnit();
  // A title is never left alone at the bottom of a page.
  flow.ensure(18 + 40);
  flow.y -= 6;
  const height = 14;
  flow.page.drawRectangle({ x: margin.left, y: flow.y - height, width: flow.width(), height, color: band });
  flow.page.drawText(title, { x: margin.left + pad, y: flow.y - height + 4, size: 9.5, font: flow.fonts.bold, color: black });
  flow.y -= height;
  flow.endUnit('section');
}

function columnWidths(block: TableBlock, total: number): number[] {
  const weights = block.columns.map((column, index) =>
    index === 0 ? 0 : Math.max(8, Math.min(40, Math.max(column.length / 2, ...block.rows.map((row) => (row[index] ?? '').length)))),
  );
  const numberWidth = 26;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((weight, index) => (index === 0 ? numberWidth : ((total - numberWidth) * weight) / sum));
}

function drawRow(flow: CardFlow, cells: string[], widths: number[], font: PDFFont, size: number, fill: boolean): void {
  const lines = cells.map((text, index) => wrapText(font, size, text, (widths[index] ?? 20) - 2 * pad));
  const height = 2 * pad + Math.max(...lines.map((cell) => cell.length)) * table.line;
  let x = margin.left;
  lines.forEach((cellLines, index) => {
    const width = widths[index] ?? 20;
    flow.page.drawRectangle({ x, y: flow.y - height, width, height, borderColor: rule, borderWidth: 0.5, ...(fill ? { color: band } : {}) });
    cellLines.forEach((line, lineIndex) => {
      flow.page.drawText(line, { x: x + pad, y: flow.y - pad - (lineIndex + 1) * table.line + 2.5, size, font, color: black });
    });
    x += width;
  });
  flow.y -= height;
}

function rowHeight(flow: CardFlow, cells: string[], widths: number[], font: PDFFont, size: number): number {
  return 2 * pad + Math.max(...cells.map((text, index) => wrapText(font, size, text, (widths[index] ?? 20) - 2 * pad).length)) * table.line;
}

/** A repeating group as a table; its caption and column heads are repeated on each page it runs to. */
function drawTable(flow: CardFlow, block: TableBlock, words: BlockWords): void {
  const { regular, bold } = flow.fonts;
  const head = (caption: string) => {
    flow.y -= 4;
    flow.y -= label.line;
    flow.page.drawText(caption, { x: margin.left, y: flow.y + 2, size: label.size, font: regular, color: grey });
    drawRow(flow, block.columns, widths(), bold, table.head, true);
  };
  const widths = () => columnWidths(block, flow.width());
  const first = block.rows[0] ?? [];
  flow.beginUnit();
  flow.ensure(4 + label.line + rowHeight(flow, block.columns, widths(), bold, table.head) + rowHeight(flow, first, widths(), regular, table.size));
  head(block.label);
  flow.endUnit('tableHead');
  for (const row of block.rows) {
    const page = flow.pages.length;
    flow.beginUnit();
    // A row never splits; on a new page the caption and column heads come again.
    if (flow.ensure(rowHeight(flow, row, widths(), regular, table.size)) || flow.pages.length !== page) head(`${block.label} ${words.continued}`);
    drawRow(flow, row, widths(), regular, table.size, false);
    flow.endUnit();
  }
}

/** Lays out the card's blocks in order, pairing consecutive half-width fields. */
export function drawBlocks(flow: CardFlow, blocks: readonly PrintBlock[], words: BlockWords): void {
  let pending: FieldBlock[] = [];
  const flush = () => {
    if (pending.length > 0) drawPair(flow, pending);
    pending = [];
  };
  for (const block of blocks) {
    if (block.kind === 'field' && block.span === 1) {
      pending.push(block);
      if (pending.length === 2) flush();
      continue;
    }
    flush();
    if (block.kind === 'section') drawSection(flow, block.title);
    else if (block.kind === 'table') drawTable(flow, block, words);
    else drawWideField(flow, block, words);
  }
  flush();
}
