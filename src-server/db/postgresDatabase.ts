import pg from 'pg';
import type { Database, QueryResult, SqlParam, SqlRunner } from './sql';

interface PgQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

const runnerOf = (target: PgQueryable): SqlRunner => ({
  async query<Row>(text: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
    const result = await target.query(text, [...params]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
  },
});

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (a `?options=-c search_path=…` is honoured). */
  url: string;
  /** Tables live in this schema (created when missing); tests give each file its own. */
  schema?: string;
  maxConnections?: number;
}

/** A real PostgreSQL through a node-postgres pool: several server processes can share it. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client's network error must not crash the server: the next query reports it.
  pool.on('error', () => undefined);
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error('schema name must be a plain lower-case identifier');
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  }
  return {
    kind: 'postgres',
    ...runnerOf(pool),
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(runnerOf(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
