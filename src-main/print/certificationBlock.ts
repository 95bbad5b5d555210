import { rgb } from 'pdf-lib';
import { a4, black, grey, margin, rule, type CardFlow } from './cardFlow';
import { drawQr } from './qrDrawing';
import { wrapText } from './textWrap';

export const warningRed = rgb(0.75, 0.05, 0.05);

export interface Certification {
  /** The date of preparation, written out in the print language. */
  preparedOn: string;
  /** The head of the institution who signs, if the operator named them. */
  headName: string | null;
  /** The verification code as printed, and what its QR code carries. */
  code: string;
  qrText: string;
  /** Record id, revision, when and by whom printed. */
  details: string;
  /** Whether this revision has reached the central server. */
  delivered: boolean;
}

export interface CertificationWords {
  preparedOn: string;
  head: string;
  signature: string;
  fullName: string;
  seal: string;
  verification: string;
  delivered: string;
  notDelivered: string;
}

const blockHeight = 150;
/** The height the block needs under the last data, its rule and gap included. */
export const certificationHeight = blockHeight + 12;
const qrSize = 92;

/**
 * Whose card and which record, at the top of a page the block had to go to with none of the
 * card's data (a single row too tall to move with it): the signed page still names the child.
 */
function drawIdentity(flow: CardFlow, data: Certification): void {
  const { regular, bold } = flow.fonts;
  const width = a4.width - margin.left - margin.right;
  const lines = [
    ...wrapText(regular, 7.5, flow.heading.title, width - 6).map((text) => ({ text, size: 7.5, line: 9.5, font: regular, color: grey })),
    ...wrapText(bold, 11, flow.heading.subject, width - 6).map((text) => ({ text, size: 11, line: 14, font: bold, color: black })),
    ...wrapText(regular, 7.5, data.details, width - 6).map((text) => ({ text, size: 7.5, line: 9.5, font: regular, color: grey })),
  ];
  const height = 6 + lines.reduce((sum, line) => sum + line.line, 0);
  flow.page.drawRectangle({ x: margin.left, y: flow.y - height, width, height, borderColor: rule, borderWidth: 0.5 });
  let y = flow.y - 3;
  for (const line of lines) {
    y -= line.line;
    flow.page.drawText(line.text, { x: margin.left + 3, y: y + 2.5, size: line.size, font: line.font, color: line.color });
  }
  flow.y -= height;
}

/**
 * The end of the card (Pack 1 §20): the date of preparation, the head's signature line, the
 * seal's place, and the verification stamp — kept together on one page.
 */
export function drawCertification(flow: CardFlow, data: Certification, words: CertificationWords): void {
  if (flow.ensure(certificationHeight)) drawIdentity(flow, data);
  const { regular, bold } = flow.fonts;
  const page = flow.page;
  const top = flow.y - 12;
  page.drawLine({ start: { x: margin.left, y: top }, end: { x: a4.width - margin.right, y: top }, thickness: 0.8, color: rule });

  let y = top - 20;
  page.drawText(`${words.preparedOn}:`, { x: margin.left, y, size: 10, font: bold, color: black });
  page.drawText(data.preparedOn, { x: margin.left + bold.widthOfTextAtSize(`${words.preparedOn}: `, 10), y, size: 10, font: regular, color: black });

  y -= 30;
  page.drawText(`${words.head}:`, { x: margin.left, y, size: 10, font: bold, color: black });
  y -= 26;
  const signX = margin.left;
  const nameX = margin.left + 150;
  page.drawLine({ start: { x: signX, y }, end: { x: signX + 130, y }, thickness: 0.6, color: black });
  page.drawLine({ start: { x: nameX, y }, end: { x: nameX + 170, y }, thickness: 0.6, color: black });
  if (data.headName) page.drawText(data.headName, { x: nameX + 2, y: y + 3, size: 10, font: regular, color: black, maxWidth: 168 });
  page.drawText(words.signature, { x: signX, y: y - 9, size: 7, font: regular, color: grey });
  page.drawText(words.fullName, { x: nameX, y: y - 9, size: 7, font: regular, color: grey });

  // The seal's place: a dotted ring the stamp is pressed into, and its customary letters.
  const sealX = margin.left + 50;
  const sealY = y - 48;
  page.drawCircle({ x: sealX, y: sealY, size: 26, borderColor: rule, borderWidth: 0.6, borderDashArray: [2, 2] });
  page.drawText(words.seal, { x: sealX - bold.widthOfTextAtSize(words.seal, 10) / 2, y: sealY - 3.5, size: 10, font: bold, color: black });

  // The verification stamp on the right.
  const stampWidth = 230;
  const stampX = a4.width - margin.right - stampWidth;
  const qrY = top - 8 - qrSize;
  drawQr(page, data.qrText, stampX + (stampWidth - qrSize) / 2, qrY, qrSize);
  let textY = qrY - 10;
  const centre = (text: string, size: number, font = regular, color = black) => {
    for (const line of wrapText(font, size, text, stampWidth)) {
      page.drawText(line, { x: stampX + (stampWidth - font.widthOfTextAtSize(line, size)) / 2, y: textY, size, font, color });
      textY -= size * 1.3;
    }
  };
  centre(words.verification, 7, regular, grey);
  // The code on one line, however long the revision number: it is copied from the page by hand.
  centre(data.code, Math.min(7, (stampWidth - 4) / bold.widthOfTextAtSize(data.code, 1)), bold);
  centre(data.details, 6.5, regular, grey);
  if (data.delivered) centre(words.delivered, 7, regular, grey);
  else centre(words.notDelivered, 8, bold, warningRed);
  flow.y = Math.min(sealY - 30, textY - 4);
}

/** Page numbers ("page N of M"), the code and, for an undelivered record, the warning on every page. */
export function drawFooters(flow: CardFlow, data: Certification, words: CertificationWords, pageWords: (page: number, pages: number) => string): void {
  const { regular, bold } = flow.fonts;
  const total = flow.pages.length;
  flow.pages.forEach((page, index) => {
    const y = margin.bottom - 24;
    page.drawLine({ start: { x: margin.left, y: y + 11 }, end: { x: a4.width - margin.right, y: y + 11 }, thickness: 0.5, color: rule });
    page.drawText(data.code, { x: margin.left, y, size: 6.5, font: regular, color: grey });
    const text = pageWords(index + 1, total);
    page.drawText(text, { x: a4.width - margin.right - regular.widthOfTextAtSize(text, 8), y, size: 8, font: regular, color: black });
    if (!data.delivered) {
      const width = bold.widthOfTextAtSize(words.notDelivered, 6.5);
      page.drawText(words.notDelivered, { x: (a4.width - width) / 2, y: y - 10, size: 6.5, font: bold, color: warningRed });
    }
  });
}
