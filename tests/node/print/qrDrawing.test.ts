import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { formatVerificationCode, qrPrefix } from '../../../shared/print/verificationCode';
import { drawQr } from '../../../src-main/print/qrDrawing';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A binary PGM (what `pdftoppm -gray` writes): width, height and one byte per pixel. */
function readPgm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = fs.readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

describe('the QR code on the stamp', () => {
  it('is drawn module for module as qrcode encodes the verification code (read back from the rendered page)', async () => {
    const text = `${qrPrefix}${formatVerificationCode({ recordId: '958ca226-abe7-4d91-afdf-7deb2b34e200', revision: 3, hash: 'K7Q2M9XQ4T' })}`;
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    const [x, y, size] = [30, 40, 230];
    drawQr(page, text, x, y, size);
    const temp = tempDir('bala-qr-');
    cleanups.push(temp.cleanup);
    const pdfFile = path.join(temp.dir, 'qr.pdf');
    fs.writeFileSync(pdfFile, await doc.save());
    execFileSync('pdftoppm', ['-gray', '-r', '144', '-singlefile', pdfFile, path.join(temp.dir, 'qr')]);
    const image = readPgm(path.join(temp.dir, 'qr.pgm'));
    const scale = 144 / 72;

    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const cell = size / (modules.size + 8);
    const darkAt = (col: number, row: number) => {
      const px = Math.round((x + (col + 4.5) * cell) * scale);
      const py = Math.round((300 - (y + size - (row + 4.5) * cell)) * scale);
      return (image.pixels[py * image.width + px] ?? 255) < 128;
    };
    let differing = 0;
    let dark = 0;
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (darkAt(col, row) !== (modules.get(row, col) === 1)) differing += 1;
        if (modules.get(row, col) === 1) dark += 1;
      }
    }
    expect(dark).toBeGreaterThan(100);
    expect(differing).toBe(0);
    // The quiet zone around it is white.
    expect(darkAt(-2, -2) || darkAt(modules.size + 1, modules.size + 1)).toBe(false);
  });
});
