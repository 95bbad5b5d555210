import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { SqlParam } from '../../../src-server/db/sql';
import { importHandover } from '../../../src-server/handover/importPackage';
import { samplePupil } from '../../support/pupilSamples';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';
import { offlineWorkstation, type OfflineWorkstation } from './offlineWorkstation';

describeStorages('handover on removable media: a workstation that never connects', (storage) => {
  let setup: TestServerSetup;
  let agency: string;
  let usb: ReturnType<typeof tempDir>;
  const open: OfflineWorkstation[] = [];

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    agency = (await testAgency(setup.admin, 'Нарын балдар үйү')).id;
  }, 120_000);
  afterEach(async () => {
    for (const ws of open.splice(0)) await ws.close();
    usb.cleanup();
  });
  afterAll(() => setup.cleanup());

  const workstation = async () => {
    usb = tempDir('bala-usb-');
    const made = await offlineWorkstation(setup, agency);
    open.push(made);
    return made;
  };
  const count = async (sql: string, params: SqlParam[] = []) => (await setup.admin.db.query<{ n: number }>(sql, params)).rows[0]?.n;

  it('carries the pupils to the server exactly once, and the receipt empties the outbox', async () => {
    const ws = await workstation();
    const pupils = await ws.createPupils(40, 3);
    expect(await ws.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 3, lastSuccessAt: null } });

    const progress: string[] = [];
    const unsubscribe = ws.client.subscribe((event) => {
      if (event.name === 'handover.progress') progress.push(event.payload.phase);
    });
    const exported = await ws.client.call('handover.export', { folder: usb.dir });
    unsubscribe();
    if (!exported.ok) throw new Error(exported.error.code);
    expect(exported.value).toMatchObject({ sequence: 1, changes: 3 });
    expect(progress).toContain('write');
    expect(progress.at(-1)).toBe('verify');
    // One file, under its final name; no temporary file left beside it.
    expect(fs.readdirSync(usb.dir)).toEqual([path.basename(exported.value.file)]);
    expect(exported.value.file.endsWith('.balahandover')).toBe(true);

    // Nothing readable lands on the drive: no name, PIN or birth date of the data set.
    const bytes = fs.readFileSync(exported.value.file);
    for (let i = 40; i < 43; i += 1) {
      const pupil = samplePupil(i) as { name: { surname: string; givenName: string }; pin: string; birthDate: string };
      for (const text of [pupil.name.surname, pupil.name.givenName, pupil.pin, pupil.birthDate]) expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
    }
    // While on the carrier, the dashboard says so, and since when.
    expect(await ws.client.call('handover.status')).toMatchObject({ ok: true, value: { pending: 3, canExport: true, awaiting: [{ sequence: 1, changes: 3, stillPending: 3, createdAt: exported.value.createdAt }] } });

    const receiptFile = path.join(usb.dir, 'receipt-1.balareceipt');
    const first = await importHandover(setup.admin, { packageFile: exported.value.file, receiptFile });
    expect(first).toMatchObject({ workstationId: ws.id, sequence: 1, changes: 3, accepted: 3, alreadyApplied: 0, conflicts: 0, rejected: 0, repeat: false, gap: null });
    const ids = `{${pupils.join(',')}}`;
    expect(await count('SELECT count(*)::integer AS n FROM records WHERE id = ANY($1::uuid[]) AND agency_id = $2', [ids, agency])).toBe(3);
    const stored = await setup.admin.db.query<{ values: { pin: string } }>('SELECT values FROM records WHERE id = $1', [pupils[0] ?? '']);
    expect(stored.rows[0]?.values.pin).toBe(samplePupil(40).pin);

    // The same package again: every change already applied, nothing new in the registry.
    const before = await setup.admin.db.query('SELECT id, revision, seq FROM records ORDER BY id');
    const again = await importHandover(setup.admin, { packageFile: exported.value.file, receiptFile: path.join(usb.dir, 'receipt-1-again.balareceipt') });
    expect(again).toMatchObject({ accepted: 0, alreadyApplied: 3, repeat: true, gap: null });
    expect((await setup.admin.db.query('SELECT id, revision, seq FROM records ORDER BY id')).rows).toEqual(before.rows);
    expect(await count('SELECT count(*)::integer AS n FROM record_revisions WHERE record_id = ANY($1::uuid[])', [ids])).toBe(3);
    expect(await count('SELECT count(*)::integer AS n FROM handover_imports WHERE workstation_id = $1', [ws.id])).toBe(1);
    const audit = await setup.admin.db.query<{ details: { repeat: boolean; accepted: number } }>("SELECT details FROM audit_log WHERE action = 'handover.import' AND target = $1 ORDER BY id", [ws.id]);
    expect(audit.rows.map((row) => [row.details.repeat, row.details.accepted])).toEqual([[false, 3], [true, 0]]);

    // Saved four days ago: the 3-day warning is up until the receipt comes back.
    ws.backend.ctx.session.work('read').db.prepare('UPDATE outbox SET at = ?').run(new Date(Date.now() - 4 * 86_400_000).toISOString());
    expect(await ws.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 3, overdue: true } });

    // The receipt comes back: the outbox is empty, the 3-day warning gone, nothing awaits.
    const receipt = await ws.client.call('handover.importReceipt', { source: { kind: 'file', name: 'receipt-1.balareceipt', contentBase64: fs.readFileSync(receiptFile).toString('base64') } });
    expect(receipt).toMatchObject({ ok: true, value: { sequence: 1, delivered: 3, conflicts: 0, rejected: 0, repeat: false } });
    expect(await ws.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 0, conflicts: 0, rejected: 0, overdue: false, oldestPendingAt: null } });
    expect(await ws.client.call('handover.status')).toMatchObject({ ok: true, value: { pending: 0, awaiting: [] } });
    const record = await ws.client.call('records.get', { id: pupils[0] ?? '' });
    expect(record.ok && record.value.serverRevision).toBe(1);
    expect(await ws.client.call('handover.export', { folder: usb.dir })).toMatchObject({ ok: false, error: { code: 'HANDOVER_NOTHING_PENDING' } });

    // The second receipt (of the repeated import) changes nothing and says it came before.
    const second = await ws.client.call('handover.importReceipt', { source: { kind: 'path', path: path.join(usb.dir, 'receipt-1-again.balareceipt') } });
    expect(second).toMatchObject({ ok: true, value: { delivered: 0, repeat: true } });

    const { db } = ws.backend.ctx.session.work('read');
    const local = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'handover.%' ORDER BY id").all() as { action: string }[];
    expect(local.map((row) => row.action)).toEqual(['handover.export', 'handover.receipt', 'handover.receipt']);
  });

  it('brings back a rejection for the operator to correct', async () => {
    const ws = await workstation();
    const [pupil] = await ws.createPupils(55, 1);
    const pkg = await ws.client.call('handover.export', { folder: usb.dir });
    if (!pkg.ok) throw new Error(pkg.error.code);
    // Meanwhile the administrator took the operator off this workstation: the server does not know the author here.
    await setup.admin.db.query('DELETE FROM workstation_users WHERE workstation_id = $1', [ws.id]);
    const receiptFile = path.join(usb.dir, 'receipt-rejected.balareceipt');
    expect(await importHandover(setup.admin, { packageFile: pkg.value.file, receiptFile })).toMatchObject({ accepted: 0, rejected: 1 });
    expect(await count('SELECT count(*)::integer AS n FROM records WHERE id = $1', [pupil ?? ''])).toBe(0);
    const receipt = await ws.client.call('handover.importReceipt', { source: { kind: 'path', path: receiptFile } });
    expect(receipt).toMatchObject({ ok: true, value: { delivered: 0, rejected: 1 } });
    expect(await ws.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 0, rejected: 1 } });
    expect(await ws.client.call('sync.issues')).toMatchObject({ ok: true, value: [{ kind: 'rejected', recordId: pupil, reason: expect.any(String) as unknown }] });
  });

  it('accepts a package with a gap in the numbering and reports the gap both ways', async () => {
    const ws = await workstation();
    await ws.createPupils(50, 1);
    const firstPackage = await ws.client.call('handover.export', { folder: usb.dir });
    await ws.createPupils(51, 1);
    const secondPackage = await ws.client.call('handover.export', { folder: usb.dir });
    if (!firstPackage.ok || !secondPackage.ok) throw new Error('export refused');
    expect([firstPackage.value.sequence, secondPackage.value.sequence]).toEqual([1, 2]);
    expect(secondPackage.value.changes).toBe(2); // every change not yet confirmed, the first package's too

    // Package 1 never reaches the administrator; package 2 does.
    const receiptFile = path.join(usb.dir, 'receipt-2.balareceipt');
    const imported = await importHandover(setup.admin, { packageFile: secondPackage.value.file, receiptFile });
    expect(imported).toMatchObject({ sequence: 2, accepted: 2, gap: { expected: 1, received: 2 } });
    const receipt = await ws.client.call('handover.importReceipt', { source: { kind: 'path', path: receiptFile } });
    expect(receipt).toMatchObject({ ok: true, value: { delivered: 2, gap: { expected: 1, received: 2 } } });
    // Package 1's changes were all delivered by package 2: it awaits nothing any more.
    expect(await ws.client.call('handover.status')).toMatchObject({ ok: true, value: { pending: 0, awaiting: [] } });
  });
});
