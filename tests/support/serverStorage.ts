import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { migrate } from '../../src-server/db/migrate';
import { pgliteDatabase } from '../../src-server/db/pgliteDatabase';
import { openPostgresDatabase } from '../../src-server/db/postgresDatabase';
import type { Database, StorageKind } from '../../src-server/db/sql';

/*
 * The server's tests run against both stores: PGlite always, a real PostgreSQL when
 * BALA_TEST_PG_URL names one (each test file gets fresh schemas, dropped afterwards). On CI a
 * missing BALA_TEST_PG_URL fails the run: the PostgreSQL suite must not silently not run.
 */

export const testPgUrl = process.env.BALA_TEST_PG_URL || undefined;
const onCi = process.env.CI === 'true';

export interface TestStorage {
  kind: StorageKind;
  /** An empty database of its own, not yet migrated. */
  empty(): Promise<Database>;
  /** An empty database of its own, migrated. */
  fresh(): Promise<Database>;
  /** For the CLI and the server process: a PostgreSQL URL onto a fresh schema; undefined for PGlite (it lives in --data). */
  freshPgUrl(): Promise<string | undefined>;
}

let pgliteTemplate: Promise<Blob> | null = null;

/** Where the empty cluster's dump is kept between test processes, per PGlite version (no data in it). */
function templateFile(): string {
  const version = (JSON.parse(fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  return path.join(os.tmpdir(), `bala-test-pglite-${version}.tar`);
}

/**
 * initdb takes seconds (half a minute on a loaded machine): done once per machine and PGlite
 * version, its dump kept in the temp folder; each database starts from it. A mutation run starts
 * every test file afresh for each mutant, where this saves most of the time.
 */
async function emptyPglite(): Promise<Database> {
  pgliteTemplate ??= (async () => {
    const file = templateFile();
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const seed = await PGlite.create();
    const dump = await seed.dumpDataDir('none');
    await seed.close();
    // Written under another name and renamed: a parallel test process never reads half a dump.
    const partial = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
    return dump;
  })();
  return pgliteDatabase(await PGlite.create({ loadDataDir: await pgliteTemplate }));
}

function pgliteStorage(): TestStorage {
  const open: Database[] = [];
  afterAll(async () => {
    for (const db of open.splice(0)) await db.close();
  });
  const empty = async () => {
    const db = await emptyPglite();
    open.push(db);
    return db;
  };
  return {
    kind: 'pglite',
    empty,
    fresh: async () => {
      const db = await empty();
      await migrate(db);
      return db;
    },
    freshPgUrl: () => Promise.resolve(undefined),
  };
}

export const schemaUrl = (url: string, schema: string): string => {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
};

function postgresStorage(url: string): TestStorage {
  const schemas: string[] = [];
  const open: Database[] = [];
  afterAll(async () => {
    for (const db of open.splice(0)) await db.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.end();
    }
  });
  const newSchema = () => {
    const schema = `bala_test_${crypto.randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };
  const empty = async () => {
    const db = await openPostgresDatabase({ url, schema: newSchema(), maxConnections: 4 });
    open.push(db);
    return db;
  };
  return {
    kind: 'postgres',
    empty,
    fresh: async () => {
      const db = await empty();
      await migrate(db);
      return db;
    },
    freshPgUrl: async () => {
      const schema = newSchema();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA ${schema}`);
      } finally {
        await admin.end();
      }
      return schemaUrl(url, schema);
    },
  };
}

let reasonPrinted = false;

/** Declares the suite once per store: `[pglite]` always, `[postgres]` with BALA_TEST_PG_URL. */
export function describeStorages(title: string, body: (storage: TestStorage) => void): void {
  describe(`${title} [pglite]`, () => body(pgliteStorage()));
  if (testPgUrl) {
    describe(`${title} [postgres]`, () => body(postgresStorage(testPgUrl)));
  } else if (onCi) {
    describe(`${title} [postgres]`, () => {
      it('runs against PostgreSQL', () => {
        throw new Error('CI=true but BALA_TEST_PG_URL is not set: the PostgreSQL suite must run on CI (eval "$(.ci/postgres.sh)")');
      });
    });
  } else {
    if (!reasonPrinted) {
      reasonPrinted = true;
      console.warn('PostgreSQL server tests skipped: BALA_TEST_PG_URL is not set (e.g. postgres://bala:bala@127.0.0.1:5432/bala_test)');
    }
    describe.skip(`${title} [postgres] — skipped: BALA_TEST_PG_URL is not set`, () => {
      it('runs against PostgreSQL', () => undefined);
    });
  }
}
