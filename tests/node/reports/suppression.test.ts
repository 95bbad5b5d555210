import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from '../../../src-main/reports/suppression';
import { recoverableCells, tableProblem } from './suppressionAttack';

describe('small-cell suppression', () => {
  it('hides a lone small count together with complements so that row and column totals do not give it away', () => {
    const problem = tableProblem([
      [12, 3, 20],
      [15, 9, 11],
      [8, 14, 30],
    ]);
    const hidden = suppressSmallCells(problem, 5);
    expect(hidden[1]).toBe(true); // the 3
    expect(hidden.filter(Boolean).length).toBeGreaterThanOrEqual(4); // at least a rectangle
    expect(recoverableCells(problem, hidden)).toEqual([]);
  });

  it('leaves nothing recoverable in 300 random tables, and hides every count from 1 to 4', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round += 1) {
      const rows = 1 + Math.floor(next() * 8);
      const columns = 1 + Math.floor(next() * 4);
      const inner = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (next() < 0.25 ? 0 : Math.floor(next() * (next() < 0.5 ? 6 : 40)))));
      const problem = tableProblem(inner);
      const hidden = suppressSmallCells(problem, 5);
      problem.values.forEach((value, index) => {
        if (value >= 1 && value <= 4) expect(hidden[index], `round ${round}`).toBe(true);
      });
      expect(recoverableCells(problem, hidden), `round ${round}: ${JSON.stringify(inner)}`).toEqual([]);
    }
  });
});
