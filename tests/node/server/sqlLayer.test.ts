import { expect, it } from 'vitest';
import { migrate, SchemaTooNewError } from '../../../src-server/db/migrate';
import { migrations } from '../../../src-server/db/migrations';
import { sqlState } from '../../../src-server/db/sql';
import { describeStorages } from '../../support/serverStorage';

describeStorages('server SQL layer', (storage) => {
  it('runs parameterised queries and returns the same JS types from either driver', async () => {
    const db = await storage.empty();
    await db.query('CREATE TABLE probe (id integer PRIMARY KEY, at timestamptz, data jsonb, flag boolean, label text)');
    const at = new Date('2026-03-01T10:20:30.000Z');
    const inserted = await db.query('INSERT INTO probe VALUES ($1, $2, $3::jsonb, $4, $5)', [1, at, JSON.stringify({ list: ['a', 'b'] }), true, 'Айгүл']);
    expect(inserted.rowCount).toBe(1);
    const { rows } = await db.query<{ id: number; at: Date; data: unknown; flag: boolean; label: string }>('SELECT * FROM probe WHERE id = $1', [1]);
    expect(rows).toEqual([{ id: 1, at, data: { list: ['a', 'b'] }, flag: true, label: 'Айгүл' }]);
    expect((await db.query('UPDATE probe SET flag = false WHERE id = 99')).rowCount).toBe(0);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const db = await storage.empty();
    await db.query('CREATE TABLE counter (n integer)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO counter VALUES (1)');
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO counter VALUES (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(db.transaction((tx) => tx.query('INSERT INTO counter VALUES (NULL::integer + $1)', ['not a number']))).rejects.toMatchObject({ code: '22P02' }); // invalid_text_representation
    expect((await db.query('SELECT n FROM counter ORDER BY n')).rows).toEqual([{ n: 1 }]);
  });

  it('applies every migration once, records it, and is a no-op the second time', async () => {
    const db = await storage.empty();
    expect(await migrate(db)).toEqual(migrations.map((migration) => migration.version));
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(migrations.map(({ version, name }) => ({ version, name })));
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(['agencies', 'audit_log', 'blobs', 'case_events', 'handover_imports', 'operator_sessions', 'record_revisions', 'records', 'schema_migrations', 'used_proofs', 'users', 'workstation_users', 'workstations']);
  });

  it('rolls a failing migration back entirely', async () => {
    const db = await storage.empty();
    const broken = [{ version: 1, name: 'half', statements: ['CREATE TABLE half_done (id integer)', 'CREATE TABLE oops (id nonexistent_type)'] }];
    await expect(migrate(db, broken)).rejects.toMatchObject({ code: '42704' }); // undefined_object: the type
    const { rows } = await db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('half_done', 'schema_migrations')");
    expect(rows).toEqual([]);
  });

  it('refuses a database migrated by a newer server', async () => {
    const db = await storage.fresh();
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    await expect(migrate(db)).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('lets two servers start on one database at once (the migration lock)', async () => {
    const db = await storage.empty();
    const results = await Promise.all([migrate(db), migrate(db)]);
    expect(results.flat().sort()).toEqual(migrations.map((migration) => migration.version));
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const db = await storage.fresh();
    await db.query("INSERT INTO audit_log (actor, action, target, details) VALUES ('root', 'test.entry', NULL, '{}'::jsonb)");
    for (const statement of ["UPDATE audit_log SET actor = 'someone else'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      const error = await db.query(statement).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error, statement).toBeInstanceOf(Error);
      expect(sqlState(error)).toBe('42501');
      expect(String((error as Error).message)).toContain('append-only');
    }
    expect((await db.query('SELECT actor FROM audit_log')).rows).toEqual([{ actor: 'root' }]);
  });

  it('keeps a revoked workstation revoked, whatever the statement', async () => {
    const db = await storage.fresh();
    await db.query("INSERT INTO agencies (id, name, kind, country, territory, tin) VALUES ('ag-1', 'A', 'childrens_home', 'KG', '41711', '01234567890123')");
    await db.query(
      `INSERT INTO workstations (id, name, agency_id, status, reason, cert_serial, cert_fingerprint, cert_expires_at, profile_id, profile_expires_at)
       VALUES ('ws-abcd', 'W', 'ag-1', 'revoked', 'stolen laptop', '01', $1, now(), gen_random_uuid(), now())`,
      ['a'.repeat(64)],
    );
    await expect(db.query("UPDATE workstations SET status = 'active', reason = NULL WHERE id = 'ws-abcd'")).rejects.toThrow('revoked for good');
  });

  it('checks values in the schema too: countries, identifiers, statuses', async () => {
    const db = await storage.fresh();
    const bad = db.query("INSERT INTO agencies (id, name, kind, country, territory, tin) VALUES ('ag-2', 'A', 'childrens_home', 'RU', '1', '01234567890123')");
    await expect(bad).rejects.toSatisfy((error: unknown) => sqlState(error) === '23514');
  });
});
