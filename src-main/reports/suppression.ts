/*
 * Small-cell suppression for publication (Pack 1 §22, Pack 3 §4.3). A table is cells and
 * relations: each relation says some cells add up to a total cell (a row and its total, a
 * column and its total). Counts from 1 to `below − 1` are hidden (primary suppression); then
 * more cells are hidden until no hidden cell can be worked out from the published ones by the
 * relations (secondary suppression): none is fixed by linear algebra, and no relation's hidden
 * cells are all forced to 1.
 */

export interface SuppressionProblem {
  values: readonly number[];
  /** Each relation: the cells that add up, and the cell holding their total. */
  relations: readonly { parts: readonly number[]; total: number }[];
  /** Cells that are totals, hidden as complements only when no part will do. */
  totals?: ReadonlySet<number>;
}

const epsilon = 1e-9;

interface BasisRow {
  pivot: number;
  row: Map<number, number>;
}

/** The relations over the hidden cells (published cells are known) in fully reduced echelon form. */
function echelon(problem: SuppressionProblem, hidden: readonly boolean[]): BasisRow[] {
  const basis: BasisRow[] = [];
  const subtract = (target: Map<number, number>, source: Map<number, number>, factor: number) => {
    for (const [cell, coefficient] of source) target.set(cell, (target.get(cell) ?? 0) - factor * coefficient);
    for (const [cell, coefficient] of target) if (Math.abs(coefficient) < epsilon) target.delete(cell);
  };
  for (const relation of problem.relations) {
    const row = new Map<number, number>();
    const add = (cell: number, coefficient: number) => {
      if (hidden[cell]) row.set(cell, (row.get(cell) ?? 0) + coefficient);
    };
    relation.parts.forEach((cell) => add(cell, 1));
    add(relation.total, -1);
    for (const known of basis) {
      const factor = row.get(known.pivot);
      if (factor !== undefined) subtract(row, known.row, factor);
    }
    if (row.size === 0) continue;
    const pivot = Math.min(...row.keys());
    const scale = row.get(pivot) ?? 1;
    for (const [cell, coefficient] of row) row.set(cell, coefficient / scale);
    // Fully reduced: no other row keeps this pivot, so membership of a single cell is visible at once.
    for (const known of basis) {
      const factor = known.row.get(pivot);
      if (factor !== undefined) subtract(known.row, row, factor);
    }
    basis.push({ pivot, row });
  }
  return basis;
}

/** Hidden cells the published ones give away: fixed by the relations, or forced to 1. */
export function determinedCells(problem: SuppressionProblem, hidden: readonly boolean[]): number[] {
  const found = new Set<number>();
  // In a fully reduced basis a single cell is fixed exactly when some row holds it alone.
  for (const { pivot, row } of echelon(problem, hidden)) if (row.size === 1) found.add(pivot);
  for (const relation of problem.relations) {
    if (hidden[relation.total]) continue;
    const parts = relation.parts.filter((cell) => hidden[cell]);
    const sum = parts.reduce((total, cell) => total + (problem.values[cell] ?? 0), 0);
    // Hidden counts are at least 1: hidden parts adding up to their number are all 1.
    if (parts.length > 0 && sum === parts.length) parts.forEach((cell) => found.add(cell));
  }
  return [...found];
}

/** Which cells to hide: the small counts and the complements that keep them from being worked out. */
export function suppressSmallCells(problem: SuppressionProblem, below: number): boolean[] {
  const { values } = problem;
  const hidden = values.map((value) => value > 0 && value < below);
  const relationsOf = (cell: number) => problem.relations.filter((relation) => relation.total === cell || relation.parts.includes(cell));
  for (let guard = 0; guard < values.length; guard += 1) {
    const exposed = determinedCells(problem, hidden);
    if (exposed.length === 0) break;
    let best: { cell: number; rank: number } | null = null;
    for (const cell of exposed) {
      for (const relation of relationsOf(cell)) {
        for (const other of [...relation.parts, relation.total]) {
          const value = values[other] ?? 0;
          if (hidden[other] || value <= 0) continue;
          // Smallest count first; a total only when no part will do.
          const rank = value + (problem.totals?.has(other) ? 1e9 : 0);
          if (!best || rank < best.rank) best = { cell: other, rank };
        }
      }
    }
    if (!best) break; // nothing left to hide beside them: every other cell is 0 or hidden
    hidden[best.cell] = true;
  }
  return hidden;
}
