import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';
import type { Database } from './sql';

/** 'Bala' in ASCII: the advisory lock that serialises servers migrating one PostgreSQL. */
const migrationLock = 0x42616c61;

export class SchemaTooNewError extends Error {
  constructor(readonly version: number) {
    super(`database schema version ${version} is newer than this server knows`);
  }
}

/**
 * Brings the schema up to date in one transaction: all pending migrations apply, or none.
 * Several server processes starting together on one PostgreSQL wait for each other.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const applied = new Set(rows.map((row) => row.version));
    const known = new Set(migrations.map((migration) => migration.version));
    const unknown = [...applied].find((version) => !known.has(version));
    if (unknown !== undefined) throw new SchemaTooNewError(unknown);

    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}
