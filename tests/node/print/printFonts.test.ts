import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { embedPrintFonts } from '../../../src-main/print/printFonts';
import { poppler } from './printSupport';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function printed(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedPrintFonts(doc);
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 40, y: 700, size: 12, font: fonts.regular });
  page.drawText(text, { x: 40, y: 600, size: 12, font: fonts.bold });
  return doc.save();
}

describe('the fonts shared by every printed document of a process', () => {
  // DejaVu draws these letters from others (Cyrillic В from Latin B, Ş from S and a cedilla): the
  // subset of the first document asks fontkit for those parts without their characters.
  const composite = 'АВЕКМНОРСТХ ÇŞÖÜĞİ çşöüğ';
  const parts = 'ABEKMHOPCTX CSOUGI csoug';

  it('leave every letter of a later document readable (copy, search, pdftotext) after an earlier one used letters built from it', async () => {
    const first = poppler('pdftotext', await printed(composite), cleanups);
    const later = poppler('pdftotext', await printed(`YWNT-49BY ${parts}`), cleanups);
    expect(first.split('\n').filter((line) => line.trim())).toEqual([composite, composite]);
    expect(later.split('\n').filter((line) => line.trim())).toEqual([`YWNT-49BY ${parts}`, `YWNT-49BY ${parts}`]);
  });
});
