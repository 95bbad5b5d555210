/*
 * One SQL layer in PostgreSQL's dialect for both stores: PGlite embedded in the data folder, or a
 * real PostgreSQL. Parameters are $1, $2…; JSON goes in as text with an explicit ::jsonb cast
 * (node-postgres would turn a JS array into a PostgreSQL array), and no column is bigint (pg
 * returns those as strings, PGlite as numbers).
 */

export type SqlParam = string | number | boolean | null | Date;

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows changed by INSERT/UPDATE/DELETE (or returned by SELECT). */
  rowCount: number;
}

export interface SqlRunner {
  query<Row = Record<string, unknown>>(text: string, params?: readonly SqlParam[]): Promise<QueryResult<Row>>;
}

export type StorageKind = 'pglite' | 'postgres';

export interface Database extends SqlRunner {
  readonly kind: StorageKind;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE of a failed statement, from either driver (both expose `code`). */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export const uniqueViolation = '23505';
