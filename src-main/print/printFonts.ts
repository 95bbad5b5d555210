import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

// src-main/print/ in development and dist/electron/ when bundled: the app root is two folders up.
const fontDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'fonts');

let files: { regular: Buffer; bold: Buffer } | null = null;

/** DejaVu Sans (every letter of Kyrgyz, Kazakh, Azerbaijani, Russian and Latin), read once per process. */
function fontFiles(): { regular: Buffer; bold: Buffer } {
  files ??= { regular: fs.readFileSync(path.join(fontDir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')) };
  return files;
}

type Fontkit = typeof fontkit;
type ParsedFont = ReturnType<Fontkit['create']>;
const parsed = new Map<Uint8Array, ParsedFont>();

/**
 * pdf-lib parses the whole TrueType file on every embed (~0.7 MB, tens of milliseconds); the
 * parsed font is only read when a subset is built, so one parse serves every document.
 */
const parsedOnce: Fontkit = {
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) => {
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = keepCodePoints(fontkit.create(data, postscriptName))));
    return font;
  },
};

/**
 * fontkit keeps one glyph object per glyph id, with the characters of whoever asked first. The
 * subsetter asks for the parts of a composite glyph with no characters: DejaVu's Cyrillic В is
 * drawn from the Latin B, so once one document printed В, a later document's Latin B would carry
 * no characters, the PDF's ToUnicode map would miss it, and the verification code copied or read
 * off the PDF (pdftotext, a screen reader, search) would lose that letter. The letter asked for
 * with its characters gets them back.
 */
function keepCodePoints(font: ParsedFont): ParsedFont {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (glyphId: number, codePoints?: number[]) => {
    const glyph = getGlyph(glyphId, codePoints);
    if (codePoints && codePoints.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

export interface PrintFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * Every drawText shapes its string with fontkit again; a card's labels repeat on every card of a
 * batch. The encoded string is kept per font of one document (so the glyphs it uses are already
 * in that document's subset) and reused.
 */
function encodeOnce(font: PDFFont): PDFFont {
  const encoded = new Map<string, ReturnType<PDFFont['encodeText']>>();
  const encode = font.encodeText.bind(font);
  font.encodeText = (text: string) => {
    let hex = encoded.get(text);
    if (!hex) encoded.set(text, (hex = encode(text)));
    return hex;
  };
  return font;
}

/** Embeds both faces as subsets: only the glyphs a document uses travel in it. */
export async function embedPrintFonts(doc: PDFDocument): Promise<PrintFonts> {
  doc.registerFontkit(parsedOnce);
  const { regular, bold } = fontFiles();
  // One glyph per letter: a form needs no ligatures, kerning or mark positioning (Kyrgyz, Kazakh
  // and Azerbaijani letters are precomposed, and DejaVu's combining marks overhang their base on
  // their own), text copied from the PDF reads plainly, and fontkit skips most of its shaping.
  const features = { liga: false, clig: false, calt: false, kern: false, mark: false, mkmk: false, ccmp: false, locl: false, rlig: false };
  return { regular: encodeOnce(await doc.embedFont(regular, { subset: true, features })), bold: encodeOnce(await doc.embedFont(bold, { subset: true, features })) };
}
