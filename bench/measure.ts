/** Median of repeated timings, in milliseconds. */
export async function medianMs(runs: number, once: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await once());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export interface Figure {
  name: string;
  value: number;
  baselineName: string;
  baseline: number;
  unit: string;
}

export function printFigure(figure: Figure): void {
  const ratio = figure.value / figure.baseline;
  console.log(
    `${figure.name}: ${figure.value.toFixed(1)} ${figure.unit} | baseline (${figure.baselineName}): ${figure.baseline.toFixed(1)} ${figure.unit} | ratio ${ratio.toFixed(2)}×`,
  );
}
