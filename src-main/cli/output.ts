import type { Result } from '../../shared/api/result';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Prints a result as JSON or as human text; answers the exit code (0 done, 1 refused). */
export function report<T>(io: CliIo, result: Result<T>, json: boolean, human: (value: T) => string): number {
  if (json) {
    (result.ok ? io.out : io.err)(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    io.out(human(result.value));
    return 0;
  }
  io.err(`${result.error.code}: ${result.error.message}`);
  for (const field of result.error.fields ?? []) io.err(`  ${field.path || '(input)'}: ${field.message}`);
  return 1;
}

/** Label/value lines aligned in two columns. */
export const table = (rows: readonly (readonly [string, string])[]): string => {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
};
