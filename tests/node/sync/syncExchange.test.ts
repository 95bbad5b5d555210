import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { changeWorkstationStatus } from '../../../src-server/admin/workstations';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { signedInSyncWorkstation, type SyncWorkstation } from '../../support/syncWorkstation';

const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describeStorages('sync between workstations and the central server', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let agencyA: string;
  let agencyB: string;
  const open: SyncWorkstation[] = [];

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    agencyA = (await testAgency(setup.admin, 'Ош балдар үйү')).id;
    agencyB = (await testAgency(setup.admin, 'Нарын балдар үйү')).id;
  });
  afterEach(async () => {
    for (const workstation of open.splice(0)) await workstation.close();
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  const workstation = async (agency: string, role?: string) => {
    const made = await signedInSyncWorkstation(setup, server.url, agency, role ? { role } : {});
    open.push(made);
    return made;
  };
  const created = async (ws: SyncWorkstation, i: number, extra = {}) => {
    const answer = await ws.client.call('records.create', { formId: pupilFormId, values: samplePupil(i, extra) });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.value;
  };
  const serverRecord = async (id: string) =>
    (await setup.admin.db.query<{ revision: number; values: Record<string, unknown>; agency_id: string }>('SELECT revision, values, agency_id FROM records WHERE id = $1', [id])).rows[0];

  it('delivers a pupil with its photo exactly once, and a second workstation of the institution receives it', async () => {
    const first = await workstation(agencyA);
    const photo = await first.client.call('photos.put', { mimeType: 'image/png', contentBase64: tinyPng.toString('base64') });
    if (!photo.ok) throw new Error('photo');
    const pupil = await created(first, 1, { photo: photo.value });
    expect(pupil.serverRevision).toBeNull();
    expect(await first.client.call('sync.status', undefined)).toMatchObject({ ok: true, value: { pending: 1, lastSuccessAt: null } });

    const synced = await first.client.call('sync.now', undefined);
    expect(synced).toMatchObject({ ok: true, value: { state: 'idle', pending: 0, conflicts: 0, rejected: 0, problem: null } });
    expect(await serverRecord(pupil.id)).toMatchObject({ revision: 1, agency_id: agencyA, values: { pin: samplePupil(1).pin } });
    const got = await first.client.call('records.get', { id: pupil.id });
    expect(got.ok && got.value.serverRevision).toBe(1);

    // Sync again: nothing is sent twice.
    await first.client.call('sync.now', undefined);
    const { rows } = await setup.admin.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM record_revisions WHERE record_id = $1', [pupil.id]);
    expect(rows[0]?.n).toBe(1);

    const second = await workstation(agencyA);
    expect(await second.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { state: 'idle' } });
    const received = await second.client.call('records.get', { id: pupil.id });
    expect(received).toMatchObject({ ok: true, value: { values: { pin: samplePupil(1).pin, name: samplePupil(1).name }, serverRevision: 1 } });
    const photoBack = await second.client.call('photos.get', { blobId: photo.value.blobId });
    expect(photoBack).toMatchObject({ ok: true, value: { mimeType: 'image/png', contentBase64: tinyPng.toString('base64') } });

    // Another institution's workstation sees none of it.
    const other = await workstation(agencyB);
    await other.client.call('sync.now', undefined);
    expect(await other.client.call('records.get', { id: pupil.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('merges edits of different sections without asking, and asks the operator when both changed the same section', async () => {
    const a = await workstation(agencyA);
    const b = await workstation(agencyA);
    const pupil = await created(a, 2);
    await a.client.call('sync.now', undefined);
    await b.client.call('sync.now', undefined);
    const edit = async (ws: SyncWorkstation, values: Record<string, unknown>) => {
      const current = await ws.client.call('records.get', { id: pupil.id });
      if (!current.ok) throw new Error(current.error.message);
      const saved = await ws.client.call('records.update', { id: pupil.id, baseRevision: current.value.revision, values: { ...current.value.values, ...values } });
      expect(saved.ok).toBe(true);
    };

    // Different sections: plans on A, property on B.
    await edit(a, { protectionPlan: 'Мектепке кайтаруу' });
    await edit(b, { otherProperty: 'Велосипед' });
    await a.client.call('sync.now', undefined);
    expect(await b.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { conflicts: 0, pending: 0 } });
    await a.client.call('sync.now', undefined);
    for (const ws of [a, b]) {
      expect(await ws.client.call('records.get', { id: pupil.id })).toMatchObject({ ok: true, value: { values: { protectionPlan: 'Мектепке кайтаруу', otherProperty: 'Велосипед' } } });
    }
    expect(await serverRecord(pupil.id)).toMatchObject({ revision: 3, values: { protectionPlan: 'Мектепке кайтаруу', otherProperty: 'Велосипед' } });

    // The same section (plans) on both: A delivers first; B gets a conflict, nothing overwritten.
    await edit(a, { rehabilitationPlan: 'Логопед' });
    await edit(b, { rehabilitationPlan: 'Психолог' });
    await a.client.call('sync.now', undefined);
    expect(await b.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { conflicts: 1, pending: 0 } });
    expect(await serverRecord(pupil.id)).toMatchObject({ revision: 4, values: { rehabilitationPlan: 'Логопед' } });
    const issues = await b.client.call('sync.issues', undefined);
    expect(issues).toMatchObject({
      ok: true,
      value: [{ kind: 'conflict', recordId: pupil.id, sections: [{ sectionId: 'plans', mine: { rehabilitationPlan: 'Психолог' }, theirs: { rehabilitationPlan: 'Логопед' } }] }],
    });
    if (!issues.ok) return;
    // B's operator keeps their own version: it goes to the server on the server's revision.
    expect(await b.client.call('sync.resolve', { changeId: issues.value[0]?.changeId ?? '', choices: { plans: 'mine' } })).toMatchObject({ ok: true, value: { conflicts: 0, pending: 1 } });
    expect(await b.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { conflicts: 0, pending: 0 } });
    expect(await serverRecord(pupil.id)).toMatchObject({ revision: 5, values: { rehabilitationPlan: 'Психолог', protectionPlan: 'Мектепке кайтаруу' } });
    await a.client.call('sync.now', undefined);
    expect(await a.client.call('records.get', { id: pupil.id })).toMatchObject({ ok: true, value: { values: { rehabilitationPlan: 'Психолог' }, serverRevision: 5 } });
  });

  it('takes the server version when the operator chooses it, and sends nothing back', async () => {
    const a = await workstation(agencyA);
    const b = await workstation(agencyA);
    const pupil = await created(a, 3);
    await a.client.call('sync.now', undefined);
    await b.client.call('sync.now', undefined);
    for (const [ws, note] of [[a, 'Бир'], [b, 'Эки']] as const) {
      const current = await ws.client.call('records.get', { id: pupil.id });
      if (!current.ok) throw new Error(current.error.message);
      await ws.client.call('records.update', { id: pupil.id, baseRevision: current.value.revision, values: { ...current.value.values, placementReasonNote: note } });
    }
    await a.client.call('sync.now', undefined);
    await b.client.call('sync.now', undefined);
    const issues = await b.client.call('sync.issues', undefined);
    if (!issues.ok) throw new Error('issues');
    expect(await b.client.call('sync.resolve', { changeId: issues.value[0]?.changeId ?? '', choices: { placement: 'theirs' } })).toMatchObject({ ok: true, value: { conflicts: 0, pending: 0 } });
    expect(await b.client.call('records.get', { id: pupil.id })).toMatchObject({ ok: true, value: { values: { placementReasonNote: 'Бир' } } });
    expect(await serverRecord(pupil.id)).toMatchObject({ revision: 2, values: { placementReasonNote: 'Бир' } });
  });

  it('keeps changes in the outbox while the workstation is suspended, shows the reason, and delivers after resumption', async () => {
    const ws = await workstation(agencyA);
    await created(ws, 4);
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'suspend', reason: 'проверка учреждения' });
    expect(await ws.client.call('sync.now', undefined)).toMatchObject({
      ok: true,
      value: { state: 'refused', pending: 1, problem: { code: 'WORKSTATION_SUSPENDED', message: expect.stringContaining('проверка учреждения') as unknown } },
    });
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'resume', reason: 'проверка завершена' });
    expect(await ws.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { state: 'idle', pending: 0 } });
    const { rows } = await setup.admin.db.query<{ pending_count: number; last_contact_at: Date | null }>('SELECT pending_count, last_contact_at FROM workstations WHERE id = $1', [ws.id]);
    expect(rows[0]?.pending_count).toBe(0);
    expect(rows[0]?.last_contact_at).not.toBeNull();
  });

  it('flags changes not delivered within three days (Pack 3 §3.5) until they reach the server', async () => {
    const ws = await workstation(agencyA);
    const pupil = await created(ws, 6);
    expect(await ws.client.call('sync.status', undefined)).toMatchObject({ ok: true, value: { pending: 1, overdue: false } });
    // Saved three days and an hour ago, while the workstation could not reach the server.
    const savedAt = new Date(Date.now() - 3 * 86_400_000 - 3_600_000).toISOString();
    ws.backend.ctx.session.work('write').db.prepare('UPDATE outbox SET at = ? WHERE record_id = ?').run(savedAt, pupil.id);
    expect(await ws.client.call('sync.status', undefined)).toMatchObject({ ok: true, value: { pending: 1, overdue: true, oldestPendingAt: savedAt } });
    expect(await ws.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { pending: 0, overdue: false, oldestPendingAt: null } });
  });

  it('lets a restricted workstation receive but not send', async () => {
    const sender = await workstation(agencyA);
    const pupil = await created(sender, 5);
    await sender.client.call('sync.now', undefined);
    const reader = await workstation(agencyA);
    await changeWorkstationStatus(setup.admin, { id: reader.id, change: 'restrict', reason: 'только чтение' });
    const status = await reader.client.call('sync.now', undefined);
    expect(status).toMatchObject({ ok: true, value: { state: 'idle' } });
    expect(await reader.client.call('records.get', { id: pupil.id })).toMatchObject({ ok: true });
  });
});
