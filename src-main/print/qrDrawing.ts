import QRCode from 'qrcode';
import { rgb, type PDFPage } from 'pdf-lib';

/**
 * Draws a QR code as vector squares (one rectangle per run of dark modules in a row): sharp at
 * any printer resolution and a few hundred bytes, where an embedded PNG would be blurred or big.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  // Four modules of quiet zone on each side, as the standard asks.
  const cell = size / (count + 8);
  const black = rgb(0, 0, 0);
  for (let row = 0; row < count; row += 1) {
    let start = -1;
    for (let col = 0; col <= count; col += 1) {
      const dark = col < count && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        page.drawRectangle({ x: x + (start + 4) * cell, y: y + size - (row + 5) * cell, width: (col - start) * cell, height: cell, color: black });
        start = -1;
      }
    }
  }
}
