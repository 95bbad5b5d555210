import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormValues } from '../../../shared/forms/formTypes';
import type { PrintBlock } from '../../../shared/print/printLayout';
import type { Backend } from '../../../src-main/backend';
import { addCard, newPrintDocument } from '../../../src-main/print/cardDocument';
import { cardWords, printTranslator } from '../../../src-main/print/cardWords';
import { kyrgyzPupil, poppler, printingWorkstation } from './printSupport';

const cleanups: (() => void)[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const childName = 'Үмөтбекова Айзирек Таңсыковна';
/** The label of the card's last field (Placement → details of the reason): where the data end. */
const lastLabel = 'Details of the reason';

/** An operator's itemised note, one short line per item: each item lengthens the card by one line. */
const itemised = (items: number) => Array.from({ length: items }, (_, i) => `Пункт ${i + 1}.`).join('\n');

interface PrintedPage {
  /** The page's text, read with `pdftotext -layout` of that page alone. */
  text: string;
  /** What is left once the running header (continuation pages) and the footer are taken away. */
  body: string[];
}

function readPages(pdf: Uint8Array, pages: number, code: string): PrintedPage[] {
  return Array.from({ length: pages }, (_, index) => {
    const number = String(index + 1);
    const text = poppler('pdftotext', pdf, cleanups, ['-f', number, '-l', number, '-layout']);
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    // The footer: the code beside "Page N of M", and the undelivered warning under it (its last two lines).
    const footerAt = lines.findLastIndex((line) => line.includes(`Page ${number} of ${pages}`));
    expect(footerAt, `page ${number} is numbered`).toBeGreaterThan(0);
    // pdftotext reads a letter of the small footer code as a blank now and then (the page shows it): tolerated.
    const footerCode = new RegExp(code.split('').map((char) => `(?:${char}| )`).join(''));
    expect(lines[footerAt], `page ${number} carries the code`).toMatch(footerCode);
    const body = lines.slice(index === 0 ? 0 : 1, footerAt);
    return { text, body };
  });
}

/** The data a page carries above the certification block (or all of it, on a page without it). */
const dataAbove = (page: PrintedPage): string[] => {
  const at = page.body.findIndex((line) => line.includes('Date of preparation'));
  return at < 0 ? page.body : page.body.slice(0, at);
};

describe('the certification block of a paper copy', () => {
  it('always follows real data: as the end of the data sweeps across the foot of a page, its page still carries the card', async () => {
    const { client } = await printingWorkstation(cleanups, backends);
    const pupil = await kyrgyzPupil(client);
    let revision = 1;
    const pageCounts = new Set<number>();
    const outcomes = { under: 0, moved: 0, identity: 0 };
    // From the middle of the last page down past its foot, one line of the note at a time.
    for (let items = 20; items <= 48; items += 1) {
      const values: FormValues = { ...pupil.values, placementReasonNote: itemised(items) };
      const saved = await client.call('records.update', { id: pupil.id, baseRevision: revision, values });
      if (!saved.ok) throw new Error(`${saved.error.code} ${JSON.stringify(saved.error.fields)}`);
      revision = saved.value.revision;
      const printed = await client.call('print.card', { recordId: pupil.id, language: 'en' });
      if (!printed.ok) throw new Error(printed.error.message);
      const pdf = new Uint8Array(Buffer.from(printed.value.pdfBase64, 'base64'));
      const keep = process.env.BALA_PRINT_KEEP_DIR;
      if (keep) fs.writeFileSync(`${keep}/items${items}.pdf`, pdf);
      const { pages } = printed.value;
      const code = printed.value.stamps[0]?.code ?? '';
      const where = `${items} items, ${pages} pages`;
      expect(poppler('pdfinfo', pdf, cleanups), where).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
      pageCounts.add(pages);

      const read = readPages(pdf, pages, code);
      const blockPages = read.flatMap((page, index) => (page.text.includes('Date of preparation') && page.text.includes('L.S.') ? [index] : []));
      expect(blockPages, where).toEqual([pages - 1]);
      const last = read[pages - 1];
      if (!last) throw new Error(where);
      // The whole block is there, with the record's verification code under its QR.
      for (const words of ['Head of the institution:', '(signature)', 'Verification code', `revision ${revision}`]) expect(last.text, `${where}: ${words}`).toContain(words);
      expect(last.text, `${where}: the code in the stamp`).toContain(code);
      // The signed page carries the child's data: the card's last field, or — only where no row could
      // come along — whose card it is, repeated above the block.
      const above = dataAbove(last).join('\n');
      expect(above.includes(lastLabel) || above.includes(childName), `${where}: data on the signed page`).toBe(true);
      if (above.includes(childName)) outcomes.identity += 1;
      else if (dataAbove(last)[0]?.startsWith(lastLabel) === true) outcomes.moved += 1;
      else outcomes.under += 1;
      // No page is left with nothing but the header and footer.
      read.forEach((page, index) => expect(dataAbove(page).length, `${where}: page ${index + 1} has data`).toBeGreaterThan(0));
    }
    // The sweep did cross the foot of a page.
    expect(pageCounts.size).toBeGreaterThan(1);
    // Under the data where it fits, with the last field moved along where it does not, and the
    // name repeated where the last field is too tall to share a page with the block.
    expect(outcomes.under).toBeGreaterThan(0);
    expect(outcomes.moved).toBeGreaterThan(0);
    expect(outcomes.identity).toBeGreaterThan(0);
  }, 180_000);

  it('when the data end near the foot of page 1, takes the short last section, or the last two table rows under their heads, to the next page', async () => {
    const outcomes = { under: 0, section: 0, rows: 0 };
    for (const tail of ['section', 'table'] as const) {
      for (let items = 0; items <= 40; items += 1) {
        const where = `${tail} last, ${items} items`;
        // A short last section moves whole; a long one (a table of many relatives) gives its last rows.
        const rows = tail === 'section' ? 6 : 24;
        const relatives: PrintBlock = { kind: 'table', label: 'Relatives', columns: ['No.', 'Relation', 'Name'], rows: Array.from({ length: rows }, (_, i) => [String(i + 1), 'Aunt', `Relative number ${i + 1}`]) };
        const blocks: PrintBlock[] = [
          { kind: 'section', title: 'The child' },
          { kind: 'field', label: 'Surname, name, patronymic', text: childName, span: 2 },
          { kind: 'field', label: 'Sex', text: 'Female', span: 1 },
          { kind: 'field', label: 'Date of birth', text: '17.05.2014', span: 1 },
          { kind: 'field', label: 'Other property', text: itemised(items) || '—', span: 2 },
          ...(tail === 'section'
            ? [
                relatives,
                { kind: 'section', title: 'Placement' } as const,
                { kind: 'field', label: 'Placement term', text: 'Temporary', span: 1 } as const,
                { kind: 'field', label: 'Legal status', text: 'Orphan', span: 1 } as const,
                { kind: 'field', label: 'Closing remark', text: 'Placed by the order of the guardianship department.', span: 2 } as const,
              ]
            : [{ kind: 'section', title: 'Relatives and contacts' } as const, relatives]),
        ];
        const print = await newPrintDocument('Pupil record card', 'en');
        const code = 'ABCD-EFGJ-KMNP-R1';
        const pages = await addCard(print, {
          heading: { agency: 'Osh children’s home', registry: 'Residential institutions', title: 'Pupil record card', subject: childName },
          plan: { title: 'Pupil record card', blocks, photo: null, photoLabel: null },
          photo: null,
          certification: { preparedOn: '1 December 2026', headName: null, code, qrText: `BALA-VERIFY:${code}`, details: 'Record x, revision 1', delivered: true },
          words: cardWords(printTranslator('en')),
        });
        const pdf = await print.doc.save();
        const keep = process.env.BALA_PRINT_KEEP_DIR;
        if (keep) fs.writeFileSync(`${keep}/${tail}-${items}.pdf`, pdf);
        const read = readPages(pdf, pages, code);
        const blockPages = read.flatMap((page, index) => (page.text.includes('Date of preparation') ? [index] : []));
        expect(blockPages, where).toEqual([pages - 1]);
        read.forEach((page, index) => expect(dataAbove(page).length, `${where}: page ${index + 1} has data`).toBeGreaterThan(0));
        // No row is split or lost: each relative is on exactly one page.
        for (let i = 1; i <= rows; i += 1) expect(read.filter((page) => page.text.includes(`Relative number ${i} `) || page.text.includes(`Relative number ${i}\n`)).length, `${where}: relative ${i}`).toBe(1);
        const above = dataAbove(read[pages - 1] ?? { text: '', body: [] });
        const ending = tail === 'section' ? 'Closing remark' : `Relative number ${rows}`;
        expect(above.join('\n'), `${where}: data on the signed page`).toContain(ending);
        if (pages === 1) outcomes.under += 1;
        else if (above[0]?.startsWith('Placement') === true) outcomes.section += 1;
        else if (above[0]?.startsWith('Relatives (continued)') === true && above.filter((line) => /Relative number \d/.test(line)).length >= 2) outcomes.rows += 1;
      }
    }
    expect(outcomes.under).toBeGreaterThan(0);
    expect(outcomes.section).toBeGreaterThan(0);
    expect(outcomes.rows).toBeGreaterThan(0);
  }, 120_000);
});
