import type { SuppressionProblem } from '../../../src-main/reports/suppression';

/*
 * An attacker's view, written independently of the engine: the published cells and the
 * relations (rows and columns add up to their totals) as linear equations over the hidden
 * cells. A hidden cell is recoverable when adding "this cell alone" to the equations does not
 * raise their rank, or when a relation's hidden cells are forced to all be 1.
 */
export function recoverableCells(problem: SuppressionProblem, hidden: readonly boolean[]): number[] {
  const unknowns = problem.values.map((_, index) => index).filter((index) => hidden[index]);
  const position = new Map(unknowns.map((cell, index) => [cell, index]));
  const equations = problem.relations.map((relation) => {
    const row = new Array<number>(unknowns.length).fill(0);
    const add = (cell: number, coefficient: number) => {
      const index = position.get(cell);
      if (index !== undefined) row[index] = (row[index] ?? 0) + coefficient;
    };
    relation.parts.forEach((cell) => add(cell, 1));
    add(relation.total, -1);
    return row;
  });
  const rank = (rows: number[][]) => {
    const m = rows.map((row) => [...row]);
    let r = 0;
    for (let c = 0; c < unknowns.length && r < m.length; c += 1) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c] ?? 0) > 1e-9);
      if (pivot < 0) continue;
      [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
      const top = m[r] as number[];
      for (let i = 0; i < m.length; i += 1) {
        const row = m[i] as number[];
        if (i === r || Math.abs(row[c] ?? 0) < 1e-9) continue;
        const factor = (row[c] ?? 0) / (top[c] ?? 1);
        for (let k = c; k < unknowns.length; k += 1) row[k] = (row[k] ?? 0) - factor * (top[k] ?? 0);
      }
      r += 1;
    }
    return r;
  };
  const base = rank(equations);
  const found = unknowns.filter((cell) => rank([...equations, unknowns.map((other) => (other === cell ? 1 : 0))]) === base);
  for (const relation of problem.relations) {
    if (hidden[relation.total]) continue;
    const hiddenParts = relation.parts.filter((cell) => hidden[cell]);
    const known = relation.parts.filter((cell) => !hidden[cell]).reduce((sum, cell) => sum + (problem.values[cell] ?? 0), 0);
    if (hiddenParts.length > 0 && (problem.values[relation.total] ?? 0) - known === hiddenParts.length) found.push(...hiddenParts);
  }
  return [...new Set(found)];
}

/** A rows × columns table of counts with its row totals, column totals and grand total. */
export function tableProblem(inner: number[][]): SuppressionProblem {
  const rows = inner.length;
  const columns = inner[0]?.length ?? 0;
  const width = columns + 1;
  const grid = [...inner.map((row) => [...row, row.reduce((a, b) => a + b, 0)])];
  grid.push(Array.from({ length: width }, (_, column) => grid.reduce((sum, row) => sum + (row[column] ?? 0), 0)));
  const cell = (row: number, column: number) => row * width + column;
  const relations: SuppressionProblem['relations'][number][] = [];
  for (let row = 0; row <= rows; row += 1) relations.push({ parts: Array.from({ length: columns }, (_, column) => cell(row, column)), total: cell(row, columns) });
  for (let column = 0; column <= columns; column += 1) relations.push({ parts: Array.from({ length: rows }, (_, row) => cell(row, column)), total: cell(rows, column) });
  return { values: grid.flat(), relations, totals: new Set(grid.flatMap((row, r) => row.map((_, c) => (r === rows || c === columns ? cell(r, c) : -1))).filter((index) => index >= 0)) };
}
