import type { TFunction } from 'i18next';
import { toFieldErrors } from '../../shared/api/validationErrors';
import type { AdminError } from '../admin/adminError';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export interface CliFieldError {
  /** The command-line option the problem is in, e.g. --valid-days. */
  option: string;
  code: string;
  message: string;
}

export interface CliError {
  code: string;
  message: string;
  fields?: CliFieldError[];
}

export type CliResult<T> = { ok: true; value: T } | { ok: false; error: CliError };

const optionName = (path: string) => `--${(path.split('.')[0] ?? path).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** An administration refusal in the administrator's language, fields named as the options they typed. */
export function cliError(error: AdminError, t: TFunction): CliError {
  const fields = toFieldErrors(error.issues, t).map((field) => ({ option: optionName(field.path), code: field.code, message: field.message }));
  return { code: error.code, message: t(`server.errors.${error.code}`, error.params), ...(fields.length > 0 ? { fields } : {}) };
}

/** Prints a result as JSON (for scripts) or as text; answers the exit code: 0 done, 1 refused. */
export function report<T>(io: CliIo, result: CliResult<T>, json: boolean, human: (value: T) => string): number {
  if (json) {
    (result.ok ? io.out : io.err)(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    io.out(human(result.value));
    return 0;
  }
  io.err(`${result.error.code}: ${result.error.message}`);
  for (const field of result.error.fields ?? []) io.err(`  ${field.option}: ${field.message}`);
  return 1;
}

/** Label/value lines aligned in two columns. */
export const table = (rows: readonly (readonly [string, string])[]): string => {
  const width = Math.max(...rows.map(([label]) => [...label].length));
  return rows.map(([label, value]) => `${label}${' '.repeat(width - [...label].length)}  ${value}`).join('\n');
};

/** Rows under a header, each column as wide as its widest cell. */
export const grid = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? '')].length)));
  return all.map((row) => row.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)).join('  ').trimEnd()).join('\n');
};
