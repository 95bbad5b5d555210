import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/cases';
import type { Result } from '../../../shared/api/result';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { signedInSyncWorkstation, type SyncWorkstation } from '../../support/syncWorkstation';
import { casePack } from '../cases/caseBackend';
import { repairForm } from '../workflows/repairWorkflow';

/*
 * Issue 15: the case log travels. Real workstations (activated, signed in, the made-up repair
 * pack on both sides) and the real server: a request approved by another agency reaches its
 * requester; two offline branches become a conflict on both machines, settled by one resolution.
 */

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describeStorages('case events synced between workstations through the server', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let workshopA: string;
  let auditOffice: string;
  const open: SyncWorkstation[] = [];

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki, { packs: [casePack] });
    workshopA = (await testAgency(setup.admin, 'Ош устаканасы')).id;
    auditOffice = (await testAgency(setup.admin, 'Текшерүү кеңсеси')).id;
  }, 120_000);
  afterEach(async () => {
    for (const ws of open.splice(0)) await ws.close();
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  const station = async (agency: string, packRole: string) => {
    const made = await signedInSyncWorkstation(setup, server.url, agency, { packs: [casePack], packRole });
    open.push(made);
    return made;
  };
  const sync = async (ws: SyncWorkstation) => {
    const status = value(await ws.client.call('sync.now', undefined));
    expect(status, JSON.stringify(status.problem)).toMatchObject({ state: 'idle', problem: null });
    return status;
  };
  const caseOf = async (ws: SyncWorkstation, recordId: string): Promise<CaseView> => value(await ws.client.call('cases.get', { recordId }));
  const newRequest = async (ws: SyncWorkstation, values: Record<string, unknown>) => value(await ws.client.call('records.create', { formId: repairForm.id, values })).id;
  const auditOf = async (recordId: string) =>
    (await setup.admin.db.query<{ actor: string; details: { kind: string; transition: string | null } }>("SELECT actor, details FROM audit_log WHERE action = 'case.event' AND target = $1 ORDER BY id", [recordId])).rows.map((row) => [row.actor, row.details.kind, row.details.transition]);

  it("carries a request to another agency's approver and the approval back to the requester", async () => {
    const tech = await station(workshopA, 'technician');
    const id = await newRequest(tech, { brokenOn: '2026-12-02', serialNumber: 'SN-77' });
    const requested = value(await tech.client.call('cases.act', { recordId: id, action: 'request', transition: 'writeOff', comment: 'beyond repair' }));
    expect(requested.pending).toMatchObject({ transition: 'writeOff' });
    // The record and the event wait together: two items pending.
    expect(value(await tech.client.call('sync.status', undefined)).pending).toBe(2);
    expect((await sync(tech)).pending).toBe(0);

    const auditor = await station(auditOffice, 'auditor');
    await sync(auditor);
    const seen = await caseOf(auditor, id);
    expect(seen.pending).toMatchObject({ transition: 'writeOff', by: { userId: tech.username, agencyId: workshopA }, comment: 'beyond repair' });
    expect(seen.actions).toContainEqual({ action: 'approve', request: requested.pending?.id });
    value(await auditor.client.call('cases.act', { recordId: id, action: 'approve', comment: 'agreed' }));
    expect(value(await auditor.client.call('sync.status', undefined)).pending).toBe(1);
    expect((await sync(auditor)).pending).toBe(0);

    await sync(tech);
    const after = await caseOf(tech, id);
    expect(after).toMatchObject({ state: 'writtenOff', final: true, pending: null, conflict: null });
    expect(after.history.map((entry) => [entry.event.kind, entry.event.by.userId, entry.status])).toEqual([
      ['request', tech.username, 'effective'],
      ['approve', auditor.username, 'effective'],
    ]);
    expect(after.history[1]?.event).toMatchObject({ comment: 'agreed', by: { role: 'auditor', agencyId: auditOffice } });
    expect(await auditOf(id)).toEqual([
      [tech.username, 'request', 'writeOff'],
      [auditor.username, 'approve', 'writeOff'],
    ]);
    // Synced again: nothing is sent or stored twice.
    await sync(tech);
    await sync(auditor);
    expect((await setup.admin.db.query('SELECT 1 FROM case_events WHERE record_id = $1', [id])).rowCount).toBe(2);
  });

  it('turns two offline branches into a conflict on both workstations, settled everywhere by one resolution', async () => {
    const first = await station(workshopA, 'technician');
    const second = await station(workshopA, 'technician');
    const id = await newRequest(first, { brokenOn: '2026-12-02', inspectedOn: '2026-12-03', serialNumber: 'SN-78' });
    await sync(first);
    await sync(second);
    expect((await caseOf(second, id)).state).toBe('reported');

    // Offline, both act from the same point.
    const inspected = value(await first.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' }));
    const requested = value(await second.client.call('cases.act', { recordId: id, action: 'request', transition: 'writeOff' }));
    const inspectId = inspected.history[0]?.event.id;
    const requestId = requested.history[0]?.event.id;
    await sync(first);
    await sync(second);
    await sync(first);
    expect((await setup.admin.db.query('SELECT 1 FROM case_events WHERE record_id = $1', [id])).rowCount).toBe(2);
    for (const ws of [first, second]) {
      const seen = await caseOf(ws, id);
      expect(seen.conflict, ws.username).toMatchObject({ point: null, resolvedBy: null });
      expect([...(seen.conflict?.branches ?? [])].sort()).toEqual([inspectId, requestId].sort());
      expect(seen.state).toBe('reported');
      expect(seen.history.map((entry) => entry.status)).toEqual(['inConflict', 'inConflict']);
    }

    value(await first.client.call('cases.act', { recordId: id, action: 'resolve', keep: inspectId }));
    await sync(first);
    await sync(second);
    for (const ws of [first, second]) {
      const settled = await caseOf(ws, id);
      expect(settled, ws.username).toMatchObject({ state: 'inspected', conflict: null });
      expect(Object.fromEntries(settled.history.map((entry) => [entry.event.id, entry.status]))).toMatchObject({ [inspectId ?? '']: 'effective', [requestId ?? '']: 'discarded' });
    }
    expect(await auditOf(id)).toEqual([
      [first.username, 'take', 'inspect'],
      [second.username, 'request', 'writeOff'],
      [first.username, 'resolve', null],
    ]);
  });

  it('keeps an event the server refused in the log, marked in the history, outside the state', async () => {
    const tech = await station(workshopA, 'technician');
    const id = await newRequest(tech, { brokenOn: '2026-12-02', inspectedOn: '2026-12-03', serialNumber: 'SN-79' });
    await sync(tech);
    const taken = value(await tech.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' }));
    // The administrator changed this operator's role meanwhile: the server judges by its own facts.
    await setup.admin.db.query("UPDATE users SET role = 'viewer' WHERE username = $1", [tech.username]);
    const status = value(await tech.client.call('sync.now', undefined));
    expect(status.pending).toBe(0);
    const seen = await caseOf(tech, id);
    expect(seen.state).toBe('reported');
    expect(seen.history).toEqual([{ event: taken.history[0]?.event, status: 'refused', refusal: { code: 'NOT_PERMITTED', reason: null } }]);
    await setup.admin.db.query("UPDATE users SET role = 'technician' WHERE username = $1", [tech.username]);
  });

  it('holds back the events of a case whose record the server has not taken yet, instead of losing them', async () => {
    const tech = await station(workshopA, 'technician');
    const id = await newRequest(tech, { brokenOn: '2026-12-02', serialNumber: 'SN-80' });
    value(await tech.client.call('cases.act', { recordId: id, action: 'request', transition: 'writeOff' }));
    await setup.admin.db.query("UPDATE users SET role = 'viewer' WHERE username = $1", [tech.username]);
    const refused = value(await tech.client.call('sync.now', undefined));
    expect(refused).toMatchObject({ rejected: 1, pending: 1 });
    expect((await setup.admin.db.query('SELECT 1 FROM case_events WHERE record_id = $1', [id])).rowCount).toBe(0);
    expect((await caseOf(tech, id)).history.map((entry) => entry.status)).toEqual(['effective']);
    await setup.admin.db.query("UPDATE users SET role = 'technician' WHERE username = $1", [tech.username]);
  });
});
