import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, QueryResult, SqlParam, SqlRunner } from './sql';

interface PgliteRunner {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
}

const runnerOf = (target: PgliteRunner): SqlRunner => ({
  async query<Row>(text: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
    const result = await target.query<Row>(text, [...params]);
    return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
  },
});

/**
 * PostgreSQL compiled to WebAssembly, stored in one folder: nothing to install. One process at a
 * time may open the folder (see storageLock.ts). Without a folder it lives in memory (tests).
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return pgliteDatabase(await PGlite.create(dataDir ? { dataDir } : {}));
}

/** The SQL layer over an open PGlite instance. */
export function pgliteDatabase(db: PGlite): Database {
  return {
    kind: 'pglite',
    ...runnerOf(db),
    transaction: (fn) => db.transaction((tx) => fn(runnerOf(tx))),
    close: () => db.close(),
  };
}
