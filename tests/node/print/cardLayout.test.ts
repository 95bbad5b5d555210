import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintPlan } from '../../../shared/print/printLayout';
import { addCard, newPrintDocument } from '../../../src-main/print/cardDocument';
import { cardWords, printTranslator } from '../../../src-main/print/cardWords';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const longText = Array.from({ length: 180 }, (_, i) => `Sentence ${i + 1} of the housing record, kept word for word.`).join(' ');
const plan: PrintPlan = {
  title: 'Pupil record card',
  photo: null,
  photoLabel: 'Photo',
  blocks: [
    { kind: 'section', title: 'The child' },
    { kind: 'field', label: 'Surname, name, patronymic', text: 'Ниязбекова Гүлзат Өмүрбековна', span: 2 },
    { kind: 'field', label: 'Sex', text: 'Female', span: 1 },
    { kind: 'field', label: 'Date of birth', text: '17.05.2014', span: 1 },
    { kind: 'field', label: 'Other property', text: longText, span: 2 },
    { kind: 'table', label: 'Relatives', columns: ['No.', 'Relation', 'Name'], rows: Array.from({ length: 45 }, (_, i) => [String(i + 1), 'Aunt', `Relative number ${i + 1}`]) },
  ],
};

function pagesText(pdf: Uint8Array): string[] {
  const temp = tempDir('bala-layout-');
  cleanups.push(temp.cleanup);
  const file = path.join(temp.dir, 'card.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
}

describe('the card layout', () => {
  it('runs a value longer than a page on over the next ones, repeats the header and the table heads, numbers pages N of M', async () => {
    const t = printTranslator('en');
    const print = await newPrintDocument(plan.title, 'en');
    const pages = await addCard(print, {
      heading: { agency: 'Osh children’s home', registry: 'Residential institutions', title: plan.title, subject: 'Ниязбекова Гүлзат Өмүрбековна' },
      plan,
      photo: null,
      certification: { preparedOn: '1 December 2026', headName: null, code: 'CODE-R1', qrText: 'BALA-VERIFY:CODE-R1', details: 'Record x, revision 1', delivered: true },
      words: cardWords(t),
    });
    expect(pages).toBeGreaterThanOrEqual(3);
    const bytes = await print.doc.save();
    if (process.env.BALA_PRINT_KEEP) fs.writeFileSync(process.env.BALA_PRINT_KEEP, bytes);
    const text = pagesText(bytes);
    expect(text).toHaveLength(pages);
    const flat = text.map((page) => page.replace(/\s+/g, ' '));
    // Every sentence of the long value is on paper, in order, across the pages (their header and footer aside).
    const furniture = [/CODE-R1/g, /Page \d+ of \d+/g, /Osh children’s home/g, /Pupil record card — Ниязбекова Гүлзат Өмүрбековна/g, /Other property \(continued\)/g];
    const all = flat.map((page) => furniture.reduce((text, pattern) => text.replace(pattern, ' '), page)).join(' ').replace(/\s+/g, ' ');
    let at = 0;
    for (let i = 1; i <= 180; i += 1) {
      const next = all.indexOf(`Sentence ${i} of the housing record`, at);
      expect(next, `sentence ${i}`).toBeGreaterThan(at - 1);
      at = next;
    }
    expect(flat[1]).toContain('Other property (continued)');
    flat.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages}`);
      if (index > 0) expect(page).toContain('Pupil record card — Ниязбекова Гүлзат Өмүрбековна');
    });
    expect(flat.filter((page) => page.includes('Relatives')).length).toBeGreaterThanOrEqual(2);
    expect(flat.some((page) => page.includes('Relatives (continued)'))).toBe(true);
    for (let i = 1; i <= 45; i += 1) expect(all).toContain(`Relative number ${i} `);
    expect(flat.at(-1)).toContain('L.S.');
    expect(flat.at(-1)).toContain('Date of preparation: 1 December 2026');
    expect(flat.at(-1)).toContain('This revision has reached the central server.');
    expect(all).toContain('Place for a photo');
  });
});
