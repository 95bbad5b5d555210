import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from '../src-server/db/migrate';
import { pgliteDatabase } from '../src-server/db/pgliteDatabase';
import { openPostgresDatabase } from '../src-server/db/postgresDatabase';
import type { Database, StorageKind } from '../src-server/db/sql';
import { testServerSetup, type TestServerSetup } from '../tests/support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../tests/support/serverHttp';

/** The route of the transport baseline: parses the body as the push route does, stores nothing. */
export const echoRoute = '/v1/bench/echo';

export interface BenchServer {
  kind: StorageKind;
  setup: TestServerSetup;
  http: TestHttpServer;
  close(): Promise<void>;
}

/** Storages to measure: PGlite always; PostgreSQL when BALA_BENCH_PG_URL (or the tests' URL) names one. */
export function benchStorages(): StorageKind[] {
  return pgUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

const pgUrl = () => process.env.BALA_BENCH_PG_URL || process.env.BALA_TEST_PG_URL || undefined;

async function openStorage(kind: StorageKind): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = pgliteDatabase(await PGlite.create());
    return { db, drop: () => Promise.resolve() };
  }
  const url = pgUrl() ?? '';
  const schema = `bala_bench_${crypto.randomBytes(5).toString('hex')}`;
  const db = await openPostgresDatabase({ url, schema, maxConnections: 8 });
  return {
    db,
    drop: async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** The real HTTPS app with mutual TLS over a fresh, migrated store, plus the echo route. */
export async function startBenchServer(kind: StorageKind): Promise<BenchServer> {
  const { db, drop } = await openStorage(kind);
  await migrate(db);
  const setup = testServerSetup(db);
  const http = await startTestHttpServer(db, setup.pki, {
    beforeListen: (routes) => routes.post(echoRoute, 'write', (_workstation, body) => Promise.resolve({ received: Array.isArray((body as { changes?: unknown[] }).changes) }), { bodyLimit: 32 * 1024 * 1024 }),
  });
  return {
    kind,
    setup,
    http,
    close: async () => {
      await http.close();
      await db.close();
      await drop();
      setup.cleanup();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
