import type { BalaClient } from '../../../shared/api/client';
import { describe, expect, it } from 'vitest';
import type { PersonNameValue } from '../../../shared/forms/formTypes';
import { kgDifficultStatistics } from '../../../shared/packs/kg-difficult/reports/statistics';
import type { SuppressionProblem } from '../../../src-main/reports/suppression';
import { kgDifficultWorkstation } from './kgDifficultSeed';
import { recoverableCells } from './suppressionAttack';
import { exportedSheets, tableOf, type SheetGrid } from './workbookReading';

const period = { from: '2026-01-01', to: '2026-06-30' };
/** Tables whose rows overlap (a child under each of its reasons): their rows do not add up to the totals. */
const overlapping = new Set(['byReason']);

const exportSheets = (client: BalaClient, anonymised: boolean) => exportedSheets(client, { reportId: kgDifficultStatistics.id, ...period, anonymised });

describe('Pack 2 §22 workbook published anonymised', () => {
  it('holds no name or birth date, hides counts below 5, and no hidden count follows from what is published — overlapping rows included', { timeout: 120_000 }, async () => {
    const { client, children } = await kgDifficultWorkstation('kgd_central', 110);
    const published = await exportSheets(client, true);
    const truth = await exportSheets(client, false);

    const text = published.flatMap((sheet) => sheet.cells.flat()).map((cell) => String(cell ?? ''));
    const forbidden = children.flatMap(({ values }) => {
      const name = values.name as PersonNameValue;
      const birth = typeof values.birthDate === 'string' ? values.birthDate : '';
      return [name.surname, birth, birth.split('-').reverse().join('.')];
    });
    expect([...new Set(forbidden)].filter((secret) => text.some((cell) => cell.includes(secret)))).toEqual([]);

    let hiddenCells = 0;
    kgDifficultStatistics.tables.forEach((def, index) => {
      const shown = tableOf(published[index + 1] as SheetGrid);
      const real = tableOf(truth[index + 1] as SheetGrid);
      expect(shown.title, def.id).toBe(def.title.en);
      expect([...shown.rows.keys()]).toEqual([...real.rows.keys()]);
      const columns = shown.header.slice(1);
      const labels = [...shown.rows.keys()];
      const at = (row: number, column: number) => row * columns.length + column;
      const grid = (table: typeof shown) => [...labels.map((label) => columns.map((column) => table.rows.get(label)?.get(column) ?? null)), columns.map((column) => table.totals.get(column) ?? null)];
      const shownCells = grid(shown).flat();
      const values = grid(real).flat().map(Number);
      const hidden = shownCells.map((cell) => cell === '*');
      hiddenCells += hidden.filter(Boolean).length;
      shownCells.forEach((cell, n) => {
        if (cell !== '*') expect(cell, `${def.id} cell ${n}`).toBe(values[n]);
        if (typeof cell === 'number') expect(cell === 0 || cell >= 5, `${def.id}: ${cell}`).toBe(true);
      });

      // What an attacker knows: each row's split adds up to its total; each column adds up to its total unless the rows overlap.
      const total = columns.indexOf('Total');
      const relations: SuppressionProblem['relations'][number][] = [];
      if (total > 0) for (let row = 0; row <= labels.length; row += 1) relations.push({ parts: columns.slice(0, total).map((_, column) => at(row, column)), total: at(row, total) });
      if (!overlapping.has(def.id)) for (let column = 0; column < columns.length; column += 1) relations.push({ parts: labels.map((_, row) => at(row, column)), total: at(labels.length, column) });
      expect(recoverableCells({ values, relations }, hidden), def.id).toEqual([]);

      if (overlapping.has(def.id)) {
        // Not treated as a column sum: a row (or the totals row) with no small count keeps every cell.
        let primaries = 0;
        for (let row = 0; row <= labels.length; row += 1) {
          const cells = columns.map((_, column) => at(row, column));
          const small = cells.some((n) => (values[n] ?? 0) > 0 && (values[n] ?? 0) < 5);
          if (small) primaries += 1;
          else expect(cells.filter((n) => hidden[n]).length, `${def.id} row ${labels[row] ?? 'totals'}`).toBe(0);
        }
        expect(primaries, 'the data set has small reason counts').toBeGreaterThan(1);
        // The totals count each child once: published whole, they are the children found, not the rows' sum.
        expect(shown.totals.get('Total')).toBe(real.totals.get('Total'));
      }
    });
    expect(hiddenCells).toBeGreaterThan(10);
  });
});
