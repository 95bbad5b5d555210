import { describe, expect, it } from 'vitest';
import { determinedCells, suppressSmallCells, type SuppressionProblem } from '../../../src-main/reports/suppression';
import { recoverableCells, tableProblem } from '../reports/suppressionAttack';

/*
 * Issue 22: small-cell suppression hides what it must (tests/node/reports/suppression.test.ts)
 * and no more than it needs — a published table that hides everything is safe and useless. The
 * tables here are small enough to say by hand which cells a statistician would hide.
 */

const hiddenCells = (inner: number[][], below = 5) => {
  const problem = tableProblem(inner);
  const hidden = suppressSmallCells(problem, below);
  expect(recoverableCells(problem, hidden)).toEqual([]);
  return hidden.flatMap((isHidden, cell) => (isHidden ? [cell] : []));
};

describe('small-cell suppression hides no more than it needs', () => {
  it('publishes a table with no small counts whole: counts of the threshold itself and zeros stay', () => {
    expect(hiddenCells([[10, 20], [30, 40]])).toEqual([]);
    expect(hiddenCells([[5, 6], [7, 8]])).toEqual([]);
    expect(hiddenCells([[0, 6], [7, 8]])).toEqual([]);
    expect(hiddenCells([[0, 0], [0, 0]])).toEqual([]);
    expect(hiddenCells([[5, 6], [7, 8]], 6)).toEqual([0, 3, 1, 4].sort((a, b) => a - b));
  });

  it('hides a small count in a 2 × 2 table with the three other counts, keeping every total', () => {
    // Cells: 0 1 | 2 (row total) / 3 4 | 5 / 6 7 | 8 (column totals).
    expect(hiddenCells([[4, 6], [7, 8]])).toEqual([0, 1, 3, 4]);
    expect(hiddenCells([[4, 12], [30, 2]])).toEqual([0, 1, 3, 4]);
  });

  it('takes the smallest published count of the same row or column as the complement, and a total only when no count will do', () => {
    // Cells: 0 1 2 | 3 / 4 5 6 | 7 / 8 9 10 | 11. Every count row is hidden, never a row or column total.
    expect(hiddenCells([[4, 6, 6], [7, 8, 9]])).toEqual([0, 1, 2, 4, 5, 6]);
    expect(hiddenCells([[4, 20, 30], [25, 22, 3]])).toEqual([0, 1, 2, 4, 5, 6]);
    // A single column: the small count's only partners are the other count and the totals.
    expect(hiddenCells([[7], [3]])).toEqual([0, 1, 2, 3]);
  });

  it('picks complements by one fixed rule, so the same table is always published the same way', () => {
    // Only cells sharing a row or column (as part or as total) with the exposed cell are candidates;
    // the smallest count wins, the first found on a tie. Regression pins, each checked safe above.
    expect(hiddenCells([[1, 3], [24, 8], [29, 5]])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(hiddenCells([[0, 5, 6], [3, 3, 6], [3, 1, 0]])).toEqual([1, 3, 4, 5, 8, 9, 11]);
    expect(hiddenCells([[1, 3, 2], [1, 3, 0], [5, 6, 3]])).toEqual([0, 1, 2, 3, 4, 5, 7, 8, 10]);
    expect(hiddenCells([[0, 4, 3], [4, 2, 3]])).toEqual([1, 2, 4, 5, 6, 8, 9]);
  });

  it('never picks a zero as a complement (it gives nothing away and protects nothing)', () => {
    const hidden = hiddenCells([[4, 0, 9], [7, 8, 9]]);
    expect(hidden).not.toContain(1);
    expect(hidden).toContain(0);
  });

  it('hides every count from 1 to threshold − 1 and none at the threshold', () => {
    const problem = tableProblem([[1, 2, 3, 4, 5, 6]]);
    const hidden = suppressSmallCells(problem, 5);
    expect(hidden.slice(0, 6)).toEqual([true, true, true, true, false, false]);
  });
});

describe('which hidden cells the published ones give away', () => {
  const pair: SuppressionProblem = { values: [3, 9, 12], relations: [{ parts: [0, 1], total: 2 }] };

  it('names a hidden count alone in a relation whose other cells are published', () => {
    expect(determinedCells(pair, [true, false, false])).toEqual([0]);
    expect(determinedCells(pair, [false, true, false])).toEqual([1]);
    expect(determinedCells(pair, [false, false, true])).toEqual([2]);
    expect(determinedCells(pair, [false, false, false])).toEqual([]);
    expect(determinedCells(pair, [true, true, false])).toEqual([]);
  });

  it('names hidden counts that add up to their own number: each must be 1', () => {
    const ones: SuppressionProblem = { values: [1, 1, 2], relations: [{ parts: [0, 1], total: 2 }] };
    expect(determinedCells(ones, [true, true, false])).toEqual([0, 1]);
    expect(determinedCells({ values: [1, 2, 3], relations: [{ parts: [0, 1], total: 2 }] }, [true, true, false])).toEqual([]);
    // With the total hidden too, nothing says what they add up to.
    expect(determinedCells(ones, [true, true, true])).toEqual([]);
  });

  it('solves relations together: three pairwise sums fix all three cells, two do not', () => {
    // x + y = 17, y + z = 17, x + z = 16: three independent sums fix three unknowns.
    const three: SuppressionProblem = { values: [8, 9, 17, 8, 17, 16], relations: [{ parts: [0, 1], total: 2 }, { parts: [1, 3], total: 4 }, { parts: [0, 3], total: 5 }] };
    expect(determinedCells(three, [true, true, false, true, false, false]).sort()).toEqual([0, 1, 3]);
    const two: SuppressionProblem = { values: [10, 20, 30, 15, 35], relations: [{ parts: [0, 1], total: 2 }, { parts: [1, 3], total: 4 }] };
    expect(determinedCells(two, [true, true, false, true, false])).toEqual([]);
  });

  it('follows a hidden total into the relation it is a part of', () => {
    // a + b = t, t + c = g: with a, t hidden and b, c, g published, t = g − c and then a = t − b.
    const nested: SuppressionProblem = { values: [6, 9, 15, 5, 20], relations: [{ parts: [0, 1], total: 2 }, { parts: [2, 3], total: 4 }] };
    expect(determinedCells(nested, [true, false, true, false, false]).sort()).toEqual([0, 2]);
    // a and b hidden under a hidden t: t is fixed, a and b are not.
    expect(determinedCells(nested, [true, true, true, false, false])).toEqual([2]);
  });

  it('reads a total as the negative side of its relation: b = c and b + c = d = b + e fix nothing alone', () => {
    const chain: SuppressionProblem = { values: [21, 10, 10, 20, 10], relations: [{ parts: [1], total: 2 }, { parts: [1, 2], total: 3 }, { parts: [1, 4], total: 3 }] };
    expect(determinedCells(chain, [true, true, true, true, true])).toEqual([]);
  });

  it('cancels a hidden cell shared by two relations: a − c is known, neither a nor c', () => {
    // a + b = t1, c + b = t2 with a, b, c hidden: subtracting gives a − c only.
    const shared: SuppressionProblem = { values: [7, 8, 15, 6, 14], relations: [{ parts: [0, 1], total: 2 }, { parts: [3, 1], total: 4 }] };
    expect(determinedCells(shared, [true, true, false, true, false])).toEqual([]);
  });
});
