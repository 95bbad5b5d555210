import type { PDFFont } from 'pdf-lib';

/** Splits a word wider than the line (a long address without spaces) into pieces that fit. */
function breakWord(font: PDFFont, size: number, word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && font.widthOfTextAtSize(piece + char, size) > width) {
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
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) push(line);
      if (font.widthOfTextAtSize(word, size) <= width) {
        line = word;
      } else {
        const pieces = breakWord(font, size, word, width);
        line = pieces.pop() ?? '';
        pieces.forEach(push);
      }
    }
    lines.push({ text: line, endsParagraph: true });
  }
  return lines;
}
