import type { PDFFont } from 'pdf-lib';

/*
 * pdf-lib measures a string by shaping it with fontkit every time; wrapping a paragraph word by
 * word would shape each growing line again (quadratic). Words are measured once per font and a
 * line is the sum of its words and spaces — kerning across a space is nil in DejaVu Sans.
 */
const widthsAtOne = new Map<string, Map<string, number>>();

export function textWidth(font: PDFFont, text: string, size: number): number {
  // pdf-lib names each embedding "<PostScript name>-<random tag>": the face is what matters.
  const face = font.name.replace(/-\d+$/, '');
  let widths = widthsAtOne.get(face);
  if (!widths) widthsAtOne.set(face, (widths = new Map<string, number>()));
  let width = widths.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    if (widths.size < 50_000) widths.set(text, width);
  }
  return width * size;
}

/** Splits a word wider than the line (a long address without spaces) into pieces that fit. */
function breakWord(font: PDFFont, size: number, word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && textWidth(font, piece + char, size) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The lines a text takes at a width: the operator's own line breaks kept, words never cut unless wider than the line. */
export function wrapText(font: PDFFont, size: number, text: string, width: number): string[] {
  return wrapLines(font, size, text, width).map((line) => line.text);
}

/** A wrapped line and whether the operator's own line break ends it. */
export interface WrappedLine {
  text: string;
  endsParagraph: boolean;
}

/** Lines back to text (soft breaks become spaces), to wrap what is left again at another width. */
export const unwrap = (lines: readonly WrappedLine[]): string => lines.map((line, index) => line.text + (index === lines.length - 1 ? '' : line.endsParagraph ? '\n' : ' ')).join('');

export function wrapLines(font: PDFFont, size: number, text: string, width: number): WrappedLine[] {
  const lines: WrappedLine[] = [];
  const push = (line: string) => lines.push({ text: line, endsParagraph: false });
  const space = textWidth(font, ' ', size);
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const wordWidth = textWidth(font, word, size);
      const candidate = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidate <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidate;
        continue;
      }
      if (line) push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
      } else {
        const pieces = breakWord(font, size, word, width);
        line = pieces.pop() ?? '';
        lineWidth = textWidth(font, line, size);
        pieces.forEach(push);
      }
    }
    lines.push({ text: line, endsParagraph: true });
  }
  return lines;
}
