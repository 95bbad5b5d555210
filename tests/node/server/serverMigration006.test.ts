import { expect, it } from 'vitest';
import { appendAudit } from '../../../src-server/admin/auditLog';
import { verifyAuditChain } from '../../../src-server/admin/auditVerify';
import { migrate } from '../../../src-server/db/migrate';
import { migrations } from '../../../src-server/db/migrations';
import { describeStorages } from '../../support/serverStorage';

describeStorages('server migration 006_audit_chain', (storage) => {
  it('chains the entries written before it, in id order, and keeps the log append-only', async () => {
    const db = await storage.empty();
    await migrate(db, migrations.filter((migration) => migration.version < 6));
    for (const [n, target] of ['a', null, 'c'].entries()) {
      await db.query(`INSERT INTO audit_log (at, actor, action, target, details) VALUES ($1, 'admin', 'old.entry', $2, $3::jsonb)`, [new Date(Date.UTC(2024, 5, 1, 8, 0, n)), target, JSON.stringify({ n, name: 'Айгүл' })]);
    }
    // One written with the column default (microseconds) rather than a JS date (milliseconds).
    await db.query(`INSERT INTO audit_log (actor, action) VALUES ('admin', 'old.default')`);
    expect(await migrate(db, migrations.filter((migration) => migration.version <= 6))).toEqual([6]);
    const { rows } = await db.query<{ id: number; seq: number }>('SELECT id, seq FROM audit_log ORDER BY id');
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: true, entries: 4 });
    await appendAudit(db, { actor: 'admin', action: 'new.entry', target: null, details: {} }, new Date());
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: true, entries: 5 });
    await expect(db.query(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE seq = 5')).rejects.toThrow(/append-only/);
  });
});
