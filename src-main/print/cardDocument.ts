import { PDFDocument, type PDFImage } from 'pdf-lib';
import type { PrintPlan } from '../../shared/print/printLayout';
import { drawBlocks, type BlockWords } from './cardBlocks';
import { a4, blankSheet, CardFlow, grey, margin, rule, type CardHeading } from './cardFlow';
import { drawCertification, drawFooters, type Certification, type CertificationWords } from './certificationBlock';
import { certificationBreak } from './certificationPlacement';
import { embedPrintFonts, type PrintFonts } from './printFonts';

export interface CardWords extends BlockWords, CertificationWords {
  page: (page: number, pages: number) => string;
  photoPlace: string;
}

export interface CardContent {
  heading: CardHeading;
  plan: PrintPlan;
  photo: { mimeType: string; data: Uint8Array } | null;
  certification: Certification;
  words: CardWords;
}

export interface PrintDocument {
  doc: PDFDocument;
  fonts: PrintFonts;
}

/** An empty PDF with the fonts embedded (as subsets, filled in as text is drawn). */
export async function newPrintDocument(title: string, language: string): Promise<PrintDocument> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage(language);
  doc.setCreator('Bala');
  doc.setProducer('Bala (pdf-lib)');
  return { doc, fonts: await embedPrintFonts(doc) };
}

// A passport photo's 3 × 4 cm.
const photoBox = { width: 85, height: 113 };

async function embedPhoto(doc: PDFDocument, photo: CardContent['photo']): Promise<PDFImage | null> {
  if (!photo) return null;
  try {
    return photo.mimeType === 'image/png' ? await doc.embedPng(photo.data) : await doc.embedJpg(photo.data);
  } catch {
    // A damaged picture must not stop the card: its place is left empty, as for no photo.
    return null;
  }
}

function drawPhoto(flow: CardFlow, image: PDFImage | null, words: CardWords): void {
  const x = a4.width - margin.right - photoBox.width;
  const top = flow.y;
  flow.page.drawRectangle({ x, y: top - photoBox.height, width: photoBox.width, height: photoBox.height, borderColor: rule, borderWidth: 0.5 });
  if (image) {
    const scale = Math.min(photoBox.width / image.width, photoBox.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    flow.page.drawImage(image, { x: x + (photoBox.width - width) / 2, y: top - photoBox.height + (photoBox.height - height) / 2, width, height });
  } else {
    const size = 7;
    const textWidth = flow.fonts.regular.widthOfTextAtSize(words.photoPlace, size);
    flow.page.drawText(words.photoPlace, { x: x + (photoBox.width - Math.min(textWidth, photoBox.width)) / 2, y: top - photoBox.height / 2, size, font: flow.fonts.regular, color: grey, maxWidth: photoBox.width });
  }
  flow.reserveRight(photoBox.width + 8, top - photoBox.height);
}

/** Adds one record card (its own pages, numbered "N of M") to the document; answers its page count. */
export async function addCard(print: PrintDocument, content: CardContent): Promise<number> {
  const image = content.plan.photoLabel !== null ? await embedPhoto(print.doc, content.photo) : null;
  const layData = (flow: CardFlow) => {
    if (content.plan.photoLabel !== null) drawPhoto(flow, image, content.words);
    drawBlocks(flow, content.plan.blocks, content.words);
  };
  // Measured first on blank sheets, to know whether the end of the data must move to the next
  // page so the signature and seal follow the child's data rather than stand alone.
  const trial = new CardFlow(() => blankSheet, print.fonts, content.heading);
  layData(trial);
  const flow = new CardFlow(() => print.doc.addPage([a4.width, a4.height]), print.fonts, content.heading, certificationBreak(trial));
  layData(flow);
  drawCertification(flow, content.certification, content.words);
  drawFooters(flow, content.certification, content.words, content.words.page);
  return flow.pages.length;
}
