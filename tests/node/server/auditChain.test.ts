import { expect, it } from 'vitest';
import { appendAudit } from '../../../src-server/admin/auditLog';
import { auditEntryHash, genesisHash, verifyAudit, verifyAuditChain } from '../../../src-server/admin/auditVerify';
import type { Database } from '../../../src-server/db/sql';
import { describeStorages } from '../../support/serverStorage';
import { testServerSetup } from '../../support/serverAdmin';

const at = (n: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, n));

/** A log with entries of every shape: in a transaction and not, Cyrillic, nested details, null target. */
async function busyLog(db: Database, count = 25): Promise<void> {
  for (let n = 1; n <= count; n += 1) {
    const entry = { actor: n % 3 === 0 ? 'Айгүл' : 'admin', action: `test.action${n % 4}`, target: n % 5 === 0 ? null : `target-${n}`, details: { n, nested: { b: [1, 'два', null], a: true }, text: 'line\nbreak "quoted" \\ back' } };
    if (n % 2 === 0) await db.transaction((tx) => appendAudit(tx, entry, at(n)));
    else await appendAudit(db, entry, at(n));
  }
}

/** What the database owner can do: switch the append-only triggers off. */
const asOwner = async (db: Database, statements: string[]) => {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  for (const statement of statements) await db.query(statement);
  await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
};

describeStorages('audit log hash chain', (storage) => {
  it('is intact on a fresh and on a busy log, and the database hashes as Node does', async () => {
    const db = await storage.fresh();
    expect(await verifyAuditChain(db, null)).toEqual({ intact: true, entries: 0, last: null, broken: null });
    await busyLog(db);
    const verified = await verifyAuditChain(db, null, 7); // pages of 7: the walk crosses page ends
    expect(verified).toMatchObject({ intact: true, entries: 25, broken: null });
    const { rows } = await db.query<{ seq: number; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq');
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[0]?.prev_hash).toBe(genesisHash);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(verified.last).toEqual({ seq: 25, hash: rows[24]?.hash });
  });

  it('keeps one chain when appends race from several transactions', async () => {
    const db = await storage.fresh();
    await Promise.all(Array.from({ length: 12 }, (_, n) => db.transaction(async (tx) => {
      await appendAudit(tx, { actor: 'racer', action: 'race', target: String(n), details: {} }, at(n));
      await appendAudit(tx, { actor: 'racer', action: 'race.second', target: String(n), details: {} }, at(n));
    })));
    await Promise.all(Array.from({ length: 12 }, (_, n) => appendAudit(db, { actor: 'racer', action: 'race.plain', target: String(n), details: {} }, at(n))));
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: true, entries: 36 });
  });

  it('cannot be bent by a plain INSERT naming its own place and hash', async () => {
    const db = await storage.fresh();
    await busyLog(db, 3);
    await db.query(`INSERT INTO audit_log (at, actor, action, details, seq, prev_hash, hash) VALUES (now(), 'x', 'forged', '{}'::jsonb, 2, $1, $1)`, ['a'.repeat(64)]);
    const { rows } = await db.query<{ seq: number }>(`SELECT seq FROM audit_log WHERE action = 'forged'`);
    expect(rows[0]?.seq).toBe(4);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: true, entries: 4 });
  });

  it('names the entry whose details were edited (triggers switched off by the owner)', async () => {
    const db = await storage.fresh();
    await busyLog(db);
    await asOwner(db, [`UPDATE audit_log SET details = '{"n": 12, "edited": true}'::jsonb WHERE seq = 12`]);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: false, entries: 11, broken: { kind: 'altered', seq: 12 } });
  });

  it('names the entry whose actor was edited even when the editor recomputed nothing but its hash column', async () => {
    const db = await storage.fresh();
    await busyLog(db);
    // The owner recomputes this entry's hash with the database's own function: the next entry no longer follows it.
    await asOwner(db, [`UPDATE audit_log SET actor = 'someone else' WHERE seq = 5`, `UPDATE audit_log SET hash = audit_chain_hash(seq, id, at, actor, action, target, details, prev_hash) WHERE seq = 5`]);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: false, broken: { kind: 'unlinked', seq: 6 } });
  });

  it('names the missing entry after a DELETE in the middle', async () => {
    const db = await storage.fresh();
    await busyLog(db);
    await asOwner(db, ['DELETE FROM audit_log WHERE seq = 9']);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: false, entries: 8, broken: { kind: 'missing', seq: 9 } });
    const other = await storage.fresh();
    await busyLog(other);
    await asOwner(other, ['DELETE FROM audit_log WHERE seq = 1']);
    expect(await verifyAuditChain(other, null)).toMatchObject({ intact: false, broken: { kind: 'missing', seq: 1 } });
  });

  it('catches a DELETE of the tail with the anchor of the last verification', async () => {
    const db = await storage.fresh();
    await busyLog(db);
    const first = await verifyAuditChain(db, null);
    const anchor = { seq: first.last?.seq ?? 0, hash: first.last?.hash ?? '' };
    await busyLog(db, 2);
    expect(await verifyAuditChain(db, anchor)).toMatchObject({ intact: true, entries: 27 });
    await asOwner(db, ['DELETE FROM audit_log WHERE seq >= 20']);
    // Without the anchor the shortened chain looks whole; with it the cut is named.
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: true, entries: 19 });
    expect(await verifyAuditChain(db, anchor)).toMatchObject({ intact: false, entries: 19, broken: { kind: 'anchorMissing', seq: 25 } });
  });

  it('catches a chain rewritten whole (every hash recomputed) at the anchored entry', async () => {
    const db = await storage.fresh();
    await busyLog(db, 6);
    const first = await verifyAuditChain(db, null);
    const anchor = { seq: 6, hash: first.last?.hash ?? '' };
    // The owner edits entry 2 and recomputes the whole chain after it with the published encoding.
    await asOwner(db, [`UPDATE audit_log SET details = '{"rewritten": true}'::jsonb WHERE seq = 2`]);
    const { rows } = await db.query<{ seq: number; id: number; at_utc: string; actor: string; action: string; target: string | null; details_text: string }>(
      `SELECT seq, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_utc, actor, action, target, details::text AS details_text FROM audit_log ORDER BY seq`,
    );
    let prev = genesisHash;
    const updates: string[] = [];
    for (const row of rows) {
      const hash = auditEntryHash({ seq: row.seq, id: row.id, atUtc: row.at_utc, actor: row.actor, action: row.action, target: row.target, detailsText: row.details_text, prevHash: prev });
      updates.push(`UPDATE audit_log SET prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`);
      prev = hash;
    }
    await asOwner(db, updates);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: true });
    expect(await verifyAuditChain(db, anchor)).toMatchObject({ intact: false, broken: { kind: 'anchorMismatch', seq: 6 } });
  });

  it('names the place of a forged entry inserted into the middle', async () => {
    const db = await storage.fresh();
    await busyLog(db, 8);
    const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 4');
    // Make room after entry 4 and put a well-formed entry there (the chain trigger off, the hash computed as the database would).
    await asOwner(db, [
      'UPDATE audit_log SET seq = seq + 1000 WHERE seq > 4',
      'UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000',
      `INSERT INTO audit_log (at, actor, action, target, details, seq, prev_hash, hash) VALUES ('2025-01-01T12:00:04.5Z', 'admin', 'user.enable', 'ghost', '{}'::jsonb, 5, '${rows[0]?.hash}', '${genesisHash}')`,
      `UPDATE audit_log SET hash = audit_chain_hash(seq, id, at, actor, action, target, details, prev_hash) WHERE target = 'ghost'`,
    ]);
    // The forged entry fits behind entry 4, but the entry displaced to 6 no longer follows it (and its id runs backwards).
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: false, entries: 5, broken: { kind: 'unlinked', seq: 6 } });
  });

  it('names an entry appended with the chain trigger off', async () => {
    const db = await storage.fresh();
    await busyLog(db, 4);
    await asOwner(db, [`INSERT INTO audit_log (at, actor, action, details, seq, prev_hash, hash) VALUES (now(), 'x', 'forged', '{}'::jsonb, 5, '${'0'.repeat(64)}', '${'1'.repeat(64)}')`]);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: false, broken: { kind: 'unlinked', seq: 5, action: 'forged' } });
  });

  it('names reordered entries (two entries swapped places)', async () => {
    const db = await storage.fresh();
    await busyLog(db, 6);
    await asOwner(db, ['UPDATE audit_log SET seq = seq + 1000 WHERE seq IN (3, 4)', 'UPDATE audit_log SET seq = 4 WHERE seq = 1003', 'UPDATE audit_log SET seq = 3 WHERE seq = 1004']);
    expect(await verifyAuditChain(db, null)).toMatchObject({ intact: false, entries: 2, broken: { seq: 3 } });
  });

  it('audits each verification in the chain itself', async () => {
    const db = await storage.fresh();
    const setup = testServerSetup(db);
    try {
      await busyLog(db, 3);
      expect(await verifyAudit(setup.admin, {})).toMatchObject({ intact: true, entries: 3 });
      const { rows } = await db.query<{ action: string; actor: string; details: Record<string, unknown> }>('SELECT action, actor, details FROM audit_log ORDER BY seq DESC LIMIT 1');
      expect(rows[0]).toEqual({ action: 'audit.verify', actor: 'test-admin', details: { intact: true, entries: 3, anchored: null } });
      expect(await verifyAudit(setup.admin, {})).toMatchObject({ intact: true, entries: 4 });
    } finally {
      setup.cleanup();
    }
  });
});
