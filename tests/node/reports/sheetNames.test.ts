import { describe, expect, it } from 'vitest';
import { languages } from '../../../shared/i18n/languages';
import { kgStatistics } from '../../../shared/packs/kg-residential/reports/statistics';
import { fitSheetName, sheetNameText } from '../../../src-main/reports/sheetNames';
import { seededWorkstation } from './reportSeed';
import { readWorkbook } from './workbookReading';

/** The part of a sheet name taken from the title: without the table's number and the ellipsis. */
const titlePart = (name: string) => name.replace(/^\d+\. /, '').replace(/…$/, '');

/** True when `part` is the whole title or stops where a word ends (next is a space or a sign). */
function endsAtWord(title: string, part: string): boolean {
  const text = sheetNameText(title);
  if (!text.startsWith(part) || part.length === 0) return false;
  return part.length === text.length || !/[\p{L}\p{N}]/u.test(text.charAt(part.length));
}

describe('sheet names fit Excel whole', () => {
  it('shortens at a word boundary, never inside a word', () => {
    expect(fitSheetName('Учреждения по ведомственной принадлежности', '3. ')).toBe('3. Учреждения по ведомственной…');
    expect(fitSheetName('Grounds for placement (referring body)', '12. ')).toBe('12. Grounds for placement…');
    expect(fitSheetName('Forms of stay', '9. ')).toBe('9. Forms of stay');
    expect(fitSheetName('Balance: [sheet] a/b?*', '')).toBe('Balance sheet a b');
  });

  it.each(languages)('the §21 workbook in %s: every table sheet ≤ 31, unique, allowed, cut only where a word ends', { timeout: 60_000 }, async (language) => {
    const { client } = await seededWorkstation('central_reader', 12, language);
    const file = await client.call('reports.export', { reportId: kgStatistics.id, from: '2026-01-01', to: '2026-06-15' });
    if (!file.ok) throw new Error(file.error.message);
    const { workbook } = await readWorkbook(Buffer.from(file.value.contentBase64, 'base64'));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length, name).toBeLessThanOrEqual(31);
      expect(name, name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
    kgStatistics.tables.forEach((table, index) => {
      const sheet = workbook.worksheets.find((candidate) => candidate.getCell('A1').value === table.title[language]);
      expect(sheet, `${table.id} in ${language}`).toBeDefined();
      const name = sheet?.name ?? '';
      expect(name.startsWith(`${index + 1}. `), `${name} is numbered`).toBe(true);
      expect(endsAtWord(table.title[language], titlePart(name)), `${name} ← ${table.title[language]}`).toBe(true);
    });
  });
});
