import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BackupError, createBackup, restoreBackup } from '../../../src-server/admin/backup';
import { verifyAuditChain } from '../../../src-server/admin/auditVerify';
import { openPgliteDatabase } from '../../../src-server/db/pgliteDatabase';
import { openPostgresDatabase } from '../../../src-server/db/postgresDatabase';
import type { Database } from '../../../src-server/db/sql';
import { describeStorages } from '../../support/serverStorage';
import { testAgency, testServerSetup, testUser } from '../../support/serverAdmin';
import { tempDir } from '../../support/tempDir';

const temp = tempDir('bala-backup-');
afterAll(temp.cleanup);
let fileCounter = 0;
const fresh = (name: string) => path.join(temp.dir, `${(fileCounter += 1)}-${name}`);

const admin = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const stranger = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const childName = 'Гүлнара Асанбекова';

/** Every table's rows, in a stable order, as JSON text. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const { rows: tables } = await db.query<{ name: string }>(`SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND relkind = 'r' AND relname <> 'schema_migrations' ORDER BY relname`);
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ j: string }>(`SELECT row_to_json(t)::jsonb::text AS j FROM "${name}" t`);
    out[name] = rows.map((row) => row.j).sort();
  }
  return out;
}

describeStorages('backup and restore', (storage) => {
  const seeded = async () => {
    const db = await storage.fresh();
    const setup = testServerSetup(db);
    const agency = await testAgency(setup.admin);
    await testUser(setup.admin, 'aigul', agency.id);
    const recordId = crypto.randomUUID();
    await db.query(
      `INSERT INTO records (id, form_id, form_version, agency_id, values, revision, seq, created_at, created_by, updated_at, updated_by)
       VALUES ($1, 'child', 1, $2, $3::jsonb, 1, nextval('record_change_seq'), now(), 'aigul', now(), 'aigul')`,
      [recordId, agency.id, JSON.stringify({ name: childName, photo: 'x'.repeat(3 * 1024 * 1024) })],
    );
    return { db, setup, agency };
  };

  const restoreTarget = async (): Promise<{ dataDir: string; pgUrl: string | undefined; open: () => Promise<Database> }> => {
    const dataDir = fresh('restored');
    const pgUrl = await storage.freshPgUrl();
    return { dataDir, pgUrl, open: () => (pgUrl ? openPostgresDatabase({ url: pgUrl }) : openPgliteDatabase(path.join(dataDir, 'db'))) };
  };

  it('round-trips every row, the audit chain and the server keys; the file holds no plaintext', async () => {
    const { db, setup } = await seeded();
    try {
      const out = fresh('registry.balabackup');
      const result = await createBackup(setup.admin, { out, publicKeyPem: admin.publicKey });
      expect(result.rows).toBeGreaterThan(4);
      expect(fs.statSync(out).mode & 0o777).toBe(0o600);
      const bytes = fs.readFileSync(out);
      for (const needle of [childName, 'Гүлнара', 'aigul', setup.pki.ca.keyPem.split('\n')[1] ?? 'x']) expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      const before = await snapshot(db);

      const target = await restoreTarget();
      const restored = await restoreBackup({ from: out, privateKeyPem: admin.privateKey, dataDir: target.dataDir, pgUrl: target.pgUrl, actor: 'restorer', now: new Date() });
      expect(restored).toMatchObject({ rows: result.rows });
      expect(fs.statSync(target.dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(target.dataDir, 'pki', 'ca.key.pem')).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(path.join(target.dataDir, 'pki', 'ca.key.pem'), 'utf8')).toBe(setup.pki.ca.keyPem);
      const copy = await target.open();
      try {
        const after = await snapshot(copy);
        // The restore appends its own audit entry: everything else is identical.
        const restoreEntry = after.audit_log?.find((row) => row.includes('"server.restore"'));
        expect(restoreEntry).toBeDefined();
        expect({ ...after, audit_log: after.audit_log?.filter((row) => row !== restoreEntry) }).toEqual({ ...before, audit_log: before.audit_log?.filter((row) => !row.includes('"server.backup"')) });
        expect(await verifyAuditChain(copy, null)).toMatchObject({ intact: true });
        // Sequences continue after the restored values.
        const { rows } = await copy.query<{ n: number }>(`SELECT nextval('record_change_seq')::integer AS n`);
        expect(rows[0]?.n).toBe(2);
      } finally {
        await copy.close();
      }
    } finally {
      setup.cleanup();
    }
  }, 180_000);

  it('refuses a flipped byte, a cut-off file, appended bytes and another key — writing nothing', async () => {
    const { setup } = await seeded();
    try {
      const out = fresh('registry.balabackup');
      await createBackup(setup.admin, { out, publicKeyPem: admin.publicKey });
      const good = fs.readFileSync(out);
      const variants: [string, Buffer, string][] = [
        ['flipped', Buffer.from(good.map((byte, i) => (i === Math.floor(good.length / 2) ? byte ^ 0x01 : byte))), 'TAMPERED'],
        ['flipped-header', Buffer.from(good.map((byte, i) => (i === 40 ? byte ^ 0x20 : byte))), 'TAMPERED'],
        ['truncated', good.subarray(0, good.length - 1000), 'TRUNCATED'],
        ['cut-at-chunk', good.subarray(0, 1024 * 1024), 'TRUNCATED'],
        ['appended', Buffer.concat([good, Buffer.from('more')]), 'TAMPERED'],
      ];
      for (const [name, bytes, code] of variants) {
        const file = fresh(`${name}.balabackup`);
        fs.writeFileSync(file, bytes);
        const target = await restoreTarget();
        const refused = await restoreBackup({ from: file, privateKeyPem: admin.privateKey, dataDir: target.dataDir, pgUrl: target.pgUrl, actor: 'r', now: new Date() }).catch((error: unknown) => error);
        expect(refused, name).toBeInstanceOf(BackupError);
        expect((refused as BackupError).code, name).toBe(code);
        expect(fs.existsSync(target.dataDir), name).toBe(false);
      }
      const target = await restoreTarget();
      await expect(restoreBackup({ from: out, privateKeyPem: stranger.privateKey, dataDir: target.dataDir, pgUrl: target.pgUrl, actor: 'r', now: new Date() })).rejects.toMatchObject({ code: 'WRONG_KEY' });
    } finally {
      setup.cleanup();
    }
  }, 180_000);

  it('refuses to overwrite a file and to restore into a folder that is not empty', async () => {
    const { setup } = await seeded();
    try {
      const out = fresh('registry.balabackup');
      await createBackup(setup.admin, { out, publicKeyPem: admin.publicKey });
      await expect(createBackup(setup.admin, { out, publicKeyPem: admin.publicKey })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
      await expect(restoreBackup({ from: out, privateKeyPem: admin.privateKey, dataDir: setup.dataDir, actor: 'r', now: new Date() })).rejects.toMatchObject({ code: 'NOT_EMPTY' });
      expect(fs.existsSync(path.join(setup.dataDir, 'pki', 'ca.key.pem'))).toBe(true);
    } finally {
      setup.cleanup();
    }
  }, 180_000);
});
