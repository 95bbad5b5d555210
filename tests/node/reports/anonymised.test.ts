import type { BalaClient } from '../../../shared/api/client';
import { describe, expect, it } from 'vitest';
import type { PersonNameValue } from '../../../shared/forms/formTypes';
import { kgStatistics } from '../../../shared/packs/kg-residential/reports/statistics';
import type { SuppressionProblem } from '../../../src-main/reports/suppression';
import { seededWorkstation } from './reportSeed';
import { recoverableCells } from './suppressionAttack';
import { exportedSheets, tableOf, type SheetGrid } from './workbookReading';

const period = { from: '2026-01-01', to: '2026-06-30' };

const exportSheets = (client: BalaClient, anonymised: boolean) => exportedSheets(client, { reportId: kgStatistics.id, ...period, anonymised });

describe('an anonymised workbook (Pack 1 §22, Pack 3 §4.3)', () => {
  it('holds no name, PIN or birth date of the data set, hides counts below 5, and no hidden count follows from the totals', { timeout: 120_000 }, async () => {
    const { client, seeded } = await seededWorkstation('system_operator', 220);
    const published = await exportSheets(client, true);
    const truth = await exportSheets(client, false);

    const text = published.flatMap((sheet) => sheet.cells.flat()).map((cell) => String(cell ?? ''));
    const forbidden = seeded.pupils.flatMap(({ values }) => {
      const name = values.name as PersonNameValue;
      const birth = typeof values.birthDate === 'string' ? values.birthDate : '';
      return [name.surname, name.givenName, typeof values.pin === 'string' ? values.pin : '', birth, birth.split('-').reverse().join('.')];
    });
    const leaks = [...new Set(forbidden)].filter((secret) => text.some((cell) => cell.includes(secret)));
    expect(leaks).toEqual([]);
    expect(text.join('\n')).toContain('Yes: no names, PINs or dates of birth; counts below 5 suppressed');

    let hiddenCells = 0;
    for (const def of kgStatistics.tables) {
      const shown = tableOf(published.find((sheet) => sheet.cells[0]?.[0] === def.title.en) as SheetGrid);
      const real = tableOf(truth.find((sheet) => sheet.cells[0]?.[0] === def.title.en) as SheetGrid);
      expect([...shown.rows.keys()]).toEqual([...real.rows.keys()]);
      const columns = shown.header.slice(1);
      const labels = [...shown.rows.keys()];
      const at = (row: number, column: number) => row * columns.length + column;
      const grid = (table: typeof shown) => [...labels.map((label) => columns.map((column) => table.rows.get(label)?.get(column) ?? null)), columns.map((column) => table.totals.get(column) ?? null)];
      const shownCells = grid(shown).flat();
      const values = grid(real).flat().map(Number);
      const hidden = shownCells.map((cell) => cell === '*');
      hiddenCells += hidden.filter(Boolean).length;
      // Every published count is the true one; persons' counts from 1 to 4 are never published.
      shownCells.forEach((cell, index) => {
        if (cell !== '*') expect(cell, `${def.id} cell ${index}`).toBe(values[index]);
        if (def.population === 'pupils' && typeof cell === 'number') expect(cell === 0 || cell >= 5, `${def.id}: ${cell}`).toBe(true);
      });
      if (def.population !== 'pupils') {
        expect(hidden.some(Boolean), def.id).toBe(false); // institutions are not persons
        continue;
      }
      const total = columns.indexOf('Total');
      const splits = columns.map((column, index) => index).filter((index) => index < total);
      const relations: SuppressionProblem['relations'][number][] = [];
      for (let row = 0; row <= labels.length; row += 1) relations.push({ parts: splits.map((column) => at(row, column)), total: at(row, total) });
      for (let column = 0; column < columns.length; column += 1) relations.push({ parts: labels.map((_, row) => at(row, column)), total: at(labels.length, column) });
      expect(recoverableCells({ values, relations }, hidden), def.id).toEqual([]);
    }
    expect(hiddenCells).toBeGreaterThan(10);
  });

  it('is what a local administration (totals only) always gets; the list of pupils is refused to it', async () => {
    const { client } = await seededWorkstation('local_administration', 120);
    const run = await client.call('reports.run', { reportId: kgStatistics.id, ...period });
    expect(run.ok && run.value.anonymised).toBe(true);
    const list = await client.call('reports.list');
    expect(list.ok && list.value.map((report) => report.id)).toEqual([kgStatistics.id]);
    const pupils = await client.call('reports.export', { reportId: 'kg-residential.pupilList' });
    expect(pupils.ok ? 'ok' : pupils.error.code).toBe('NOT_PERMITTED');
  });
});
