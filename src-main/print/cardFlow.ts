import { rgb, type PDFPage } from 'pdf-lib';
import type { PrintFonts } from './printFonts';
import { wrapText } from './textWrap';

/** ISO A4 in PDF points. */
export const a4 = { width: 595.28, height: 841.89 };
export const margin = { left: 42, right: 42, top: 40, bottom: 56 };
export const contentWidth = a4.width - margin.left - margin.right;
export const grey = rgb(0.35, 0.35, 0.38);
export const rule = rgb(0.55, 0.55, 0.6);
export const black = rgb(0, 0, 0);

export interface CardHeading {
  /** The institution (agency) whose copy this is. */
  agency: string;
  /** The registry and its regulation, under the agency's name. */
  registry: string;
  /** The document's title (the form's, in the print language). */
  title: string;
  /** Whom the card is about (the child's name), repeated on every continuation page. */
  subject: string;
}

/** What the layout draws on: a real page, or a blank one while a card is only measured. */
export type Sheet = Pick<PDFPage, 'drawText' | 'drawRectangle' | 'drawLine' | 'drawCircle' | 'drawImage' | 'pushOperators'>;

/** A sheet that keeps nothing: laying a card out on it measures where its data end. */
export const blankSheet: Sheet = {
  drawText: () => undefined,
  drawRectangle: () => undefined,
  drawLine: () => undefined,
  drawCircle: () => undefined,
  drawImage: () => undefined,
  pushOperators: () => undefined,
};

/** Where one unit of data (a row, a section title, a table's head or row) ended. */
export interface UnitEnd {
  page: number;
  y: number;
  /** A section title or a table's caption and column heads must stay with what follows them. */
  kind: 'row' | 'section' | 'tableHead';
}

/**
 * The writing position on a card and its page breaks: every new page gets the card's running
 * header, so a loose sheet still says whose card it is. Coordinates are PDF points from the
 * bottom; `y` is the top of the next thing to draw.
 */
export class CardFlow {
  readonly pages: Sheet[] = [];
  page!: Sheet;
  y = 0;
  /** The end of every unit drawn so far, in order. */
  readonly units: UnitEnd[] = [];
  /** Until this height the first page's right side holds the photo: rows there are narrower. */
  private besidePhotoUntil = Number.POSITIVE_INFINITY;

  constructor(
    private readonly addSheet: () => Sheet,
    readonly fonts: PrintFonts,
    readonly heading: CardHeading,
    /** Start a new page before this unit (counted from 0), to take it and the rest along. */
    private readonly breakBefore: number | null = null,
  ) {
    this.newPage();
  }

  /** Called before each unit of data: breaks the page where the layout was told to. */
  beginUnit(): void {
    if (this.units.length === this.breakBefore) this.newPage();
  }

  /** Called after each unit of data. */
  endUnit(kind: UnitEnd['kind'] = 'row'): void {
    this.units.push({ page: this.pages.length, y: this.y, kind });
  }

  /** Leaves room on the first page's right for a photo box of this width down to `bottom`. */
  reserveRight(width: number, bottom: number): void {
    this.reservedWidth = width;
    this.besidePhotoUntil = bottom;
  }

  private reservedWidth = 0;

  /** The width a row starting here may use. */
  width(): number {
    return this.pages.length === 1 && this.y > this.besidePhotoUntil ? contentWidth - this.reservedWidth : contentWidth;
  }

  /** Space left above the footer. */
  room(): number {
    return this.y - margin.bottom;
  }

  /** Breaks the page unless `height` still fits; answers whether it broke. */
  ensure(height: number): boolean {
    if (height <= this.room()) return false;
    this.newPage();
    return true;
  }

  /** Height usable on a fresh continuation page, for rows that must be split. */
  fullPageRoom(): number {
    return a4.height - margin.top - 24 - margin.bottom;
  }

  newPage(): void {
    this.page = this.addSheet();
    this.pages.push(this.page);
    this.y = a4.height - margin.top;
    if (this.pages.length === 1) this.drawFirstHeading();
    else this.drawRunningHeading();
  }

  private centred(text: string, size: number, bold: boolean, color = black): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrapText(font, size, text, contentWidth)) {
      const width = font.widthOfTextAtSize(line, size);
      this.y -= size * 1.25;
      this.page.drawText(line, { x: margin.left + (contentWidth - width) / 2, y: this.y, size, font, color });
    }
  }

  private drawFirstHeading(): void {
    this.centred(this.heading.agency, 11, true);
    this.centred(this.heading.registry, 7.5, false, grey);
    this.y -= 8;
    this.centred(this.heading.title, 14, true);
    this.y -= 10;
  }

  private drawRunningHeading(): void {
    const size = 7.5;
    const { regular } = this.fonts;
    const right = `${this.heading.title} — ${this.heading.subject}`;
    const left = wrapText(regular, size, this.heading.agency, contentWidth * 0.45)[0] ?? '';
    const rightLine = wrapText(regular, size, right, contentWidth * 0.53)[0] ?? '';
    this.y -= size * 1.3;
    this.page.drawText(left, { x: margin.left, y: this.y, size, font: regular, color: grey });
    this.page.drawText(rightLine, { x: a4.width - margin.right - regular.widthOfTextAtSize(rightLine, size), y: this.y, size, font: regular, color: grey });
    this.y -= 5;
    this.page.drawLine({ start: { x: margin.left, y: this.y }, end: { x: a4.width - margin.right, y: this.y }, thickness: 0.5, color: rule });
    this.y -= 12;
  }
}
