import QRCode from 'qrcode';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFOperator, type PDFPage } from 'pdf-lib';

/**
 * Draws a QR code as vector squares (one rectangle per run of dark modules in a row, all filled
 * as one path): sharp at any printer resolution and a few hundred bytes, where an embedded PNG
 * would be blurred or big — and one path instead of hundreds of drawRectangle calls.
 */
export function drawQr(page: Pick<PDFPage, 'pushOperators'>, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  // Four modules of quiet zone on each side, as the standard asks; coordinates rounded to 0.01 pt.
  const cell = size / (count + 8);
  const at = (value: number) => Math.round(value * 100) / 100;
  const runs: PDFOperator[] = [];
  for (let row = 0; row < count; row += 1) {
    let start = -1;
    for (let col = 0; col <= count; col += 1) {
      const dark = col < count && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push(rectangle(at(x + (start + 4) * cell), at(y + size - (row + 5) * cell), at((col - start) * cell), at(cell)));
        start = -1;
      }
    }
  }
  page.pushOperators(pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...runs, fill(), popGraphicsState());
}
