import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionHeader } from '../../../shared/serverApi/serverApi';
import { syncRoutes, type SyncChange } from '../../../shared/sync/syncProtocol';
import { testAgency, testServerSetup, testWorkstation, type TestServerSetup } from '../../support/serverAdmin';
import { rawRequest, startTestHttpServer, type RawAnswer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { firstChange } from '../../support/syncChanges';
import { casePack } from '../cases/caseBackend';
import { repairForm } from '../workflows/repairWorkflow';

/*
 * Issue 15: case events pushed by hand, past the workstation's own checks. The server judges each
 * against what IT knows (the operator's role and agency, the record's holder, the case's log):
 * every misuse is refused by its exact code, a malformed event by the schema (400, never 500), and
 * the server's case log refuses UPDATE, DELETE and TRUNCATE.
 */

interface Station {
  agencyId: string;
  username: string;
  tls: { caPem: string; keyPem: string; certPem: string };
  session: string;
}

describeStorages('case events pushed to the server: misuse refused by code', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let a: Station;
  let b: Station;
  let recordA: string;
  /** The push every test starts from, whatever order they run in: tech-a's record and a request on it, in one push. */
  let firstEvent: ReturnType<typeof request>;
  let firstAnswer: RawAnswer;

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki, { packs: [casePack] });
    const station = async (agencyName: string, username: string): Promise<Station> => {
      const agency = await testAgency(setup.admin, agencyName);
      const ws = await testWorkstation(setup, server, agency.id, [username]);
      // The test pack's role (addUser knows only the registry's roles).
      await setup.admin.db.query("UPDATE users SET role = 'technician' WHERE username = $1", [username]);
      return { agencyId: agency.id, username, tls: ws.tls, session: await ws.session(username) };
    };
    a = await station('Устакана Ош', 'tech-a');
    b = await station('Устакана Нарын', 'tech-b');
    const change = firstChange(repairForm.id, { brokenOn: '2026-12-02', serialNumber: 'SN-1' }, a.username, {}, [casePack]);
    recordA = change.recordId;
    firstEvent = request(a, { comment: 'beyond repair' });
    firstAnswer = await pushEvents(a, [{ recordId: recordA, event: firstEvent }], [change]);
  }, 180_000);
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  const push = (who: Station, body: unknown): Promise<RawAnswer> =>
    rawRequest(server.url, syncRoutes.push, { ...who.tls, body: JSON.stringify(body), headers: { [sessionHeader]: who.session } });
  const pushEvents = (who: Station, caseEvents: unknown[], changes: SyncChange[] = []) => push(who, { pendingCount: caseEvents.length + changes.length, changes, caseEvents });
  const eventOutcomes = (answer: RawAnswer) => {
    expect(answer.status, answer.body.slice(0, 200)).toBe(200);
    return (answer.json as { value: { eventOutcomes: { eventId: string; outcome: string; code?: string; reason?: string | null }[] } }).value.eventOutcomes;
  };
  const codeOf = async (who: Station, caseEvent: unknown) => {
    const [outcome] = eventOutcomes(await pushEvents(who, [caseEvent]));
    return outcome?.outcome === 'rejected' ? [outcome.code, outcome.reason] : [outcome?.outcome];
  };
  const by = (who: Station) => ({ userId: who.username, role: 'technician', agencyId: who.agencyId });
  const request = (who: Station, extra: Record<string, unknown> = {}) => ({
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    by: by(who),
    after: null,
    kind: 'request',
    transition: 'writeOff',
    ...extra,
  });
  const serverLog = async (recordId: string) => (await setup.admin.db.query<{ id: string }>('SELECT id FROM case_events WHERE record_id = $1 ORDER BY seq', [recordId])).rows.map((row) => row.id);

  it('accepts an event on a record created in the same push, audits it, and answers a re-send alreadyApplied', async () => {
    const [event, answer] = [firstEvent, firstAnswer];
    expect((answer.json as { value: { outcomes: { outcome: string }[] } }).value.outcomes).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    expect(eventOutcomes(answer)).toEqual([{ eventId: event.id, outcome: 'accepted' }]);
    expect(await serverLog(recordA)).toEqual([event.id]);
    const audit = await setup.admin.db.query<{ actor: string; details: Record<string, unknown> }>("SELECT actor, details FROM audit_log WHERE action = 'case.event' AND target = $1", [recordA]);
    expect(audit.rows.map((row) => [row.actor, row.details.eventId, row.details.kind, row.details.transition, row.details.workflow])).toEqual([[a.username, event.id, 'request', 'writeOff', 'test.repair']]);
    expect(JSON.stringify(audit.rows)).not.toContain('beyond repair');

    expect(await codeOf(a, { recordId: recordA, event })).toEqual(['alreadyApplied']);
    // The same id with other content.
    expect(await codeOf(a, { recordId: recordA, event: { ...event, comment: 'something else' } })).toEqual(['CHANGE_ID_REUSED', null]);
    expect(await serverLog(recordA)).toEqual([event.id]);
  });

  it('never trusts the role or agency the event claims: a forged `by` is NOT_PERMITTED', async () => {
    expect(await codeOf(a, { recordId: recordA, event: request(a, { by: { ...by(a), role: 'workshop_head' }, after: null, kind: 'take', transition: 'inspect' }) })).toEqual(['NOT_PERMITTED', null]);
    expect(await codeOf(a, { recordId: recordA, event: request(a, { by: { ...by(a), agencyId: b.agencyId } }) })).toEqual(['NOT_PERMITTED', null]);
    const audit = await setup.admin.db.query("SELECT 1 FROM audit_log WHERE action = 'sync.refused' AND target = $1 AND details->>'code' = 'NOT_PERMITTED'", [recordA]);
    expect(audit.rowCount).toBe(2);
  });

  it('refuses an author who is not an operator of this workstation, and one nobody knows', async () => {
    expect(await codeOf(a, { recordId: recordA, event: request(b) })).toEqual(['AUTHOR_NOT_ALLOWED', null]);
    expect(await codeOf(a, { recordId: recordA, event: request(a, { by: { ...by(a), userId: 'nobody-here' } }) })).toEqual(['UNKNOWN_AUTHOR', null]);
  });

  it("refuses an event on another agency's record outside the author's reach, and on a record the server lacks", async () => {
    expect(await codeOf(b, { recordId: recordA, event: request(b) })).toEqual(['OUT_OF_SCOPE', null]);
    expect((await setup.admin.db.query("SELECT 1 FROM audit_log WHERE action = 'sync.refused' AND target = $1 AND details->>'code' = 'OUT_OF_SCOPE'", [recordA])).rowCount).toBe(1);
    expect(await codeOf(a, { recordId: crypto.randomUUID(), event: request(a) })).toEqual(['UNKNOWN_RECORD', null]);
  });

  it("judges the event by the workflow's rules on the server's log (offline mode), with the engine's reason", async () => {
    const [first] = await serverLog(recordA);
    // A request is pending (the first test): its author may not approve it.
    expect(await codeOf(a, { recordId: recordA, event: { ...request(a), kind: 'approve', request: first, after: first, transition: undefined } })).toEqual(['WORKFLOW_REFUSED', 'SELF_APPROVAL']);
    expect(await codeOf(a, { recordId: recordA, event: request(a, { after: crypto.randomUUID() }) })).toEqual(['WORKFLOW_REFUSED', 'UNKNOWN_AFTER']);
    expect(await serverLog(recordA)).toEqual([first]);
  });

  it('refuses an event with an unknown key or kind by the schema: 400 INVALID_INPUT, never 500', async () => {
    const bodies = [
      [{ recordId: recordA, event: request(a, { childName: 'Айгерим' }) }],
      [{ recordId: recordA, event: request(a, { kind: 'delete' }) }],
      [{ recordId: recordA, event: request(a, { by: { ...by(a), extra: 1 } }) }],
      [{ recordId: recordA, event: request(a), extra: true }],
      [{ recordId: 'not-a-uuid', event: request(a) }],
      [{ recordId: recordA, event: request(a, { id: 'ev-1' }) }],
      [{ recordId: recordA, event: request(a, { at: '2026-12-03 10:00' }) }],
    ];
    for (const caseEvents of bodies) {
      const answer = await push(a, { pendingCount: 1, caseEvents });
      expect(answer.status, JSON.stringify(caseEvents).slice(0, 120)).toBe(400);
      expect((answer.json as { error?: { code?: string } }).error?.code).toBe('INVALID_INPUT');
    }
    expect((await push(a, { pendingCount: 0, changes: [], caseEvents: [] })).status).toBe(400);
    expect(await serverLog(recordA)).toHaveLength(1);
  });

  it('keeps the case log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const db = setup.admin.db;
    await expect(db.query("UPDATE case_events SET author = 'someone' WHERE record_id = $1", [recordA])).rejects.toThrow(/append-only/);
    await expect(db.query("UPDATE case_events SET event = '{}'::jsonb WHERE record_id = $1", [recordA])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM case_events WHERE record_id = $1', [recordA])).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE case_events')).rejects.toThrow(/append-only/);
    expect(await serverLog(recordA)).toHaveLength(1);
  });

  it("pulls the events of the reader's scope only, with the records, under one cursor", async () => {
    const pull = (who: Station, cursor: number, limit = 200) =>
      rawRequest(server.url, syncRoutes.pull, { ...who.tls, body: JSON.stringify({ cursor, limit }), headers: { [sessionHeader]: who.session } });
    const page = (answer: RawAnswer) => (answer.json as { value: { records: { id: string }[]; caseEvents: { recordId: string; event: { id: string } }[]; cursor: number; more: boolean } }).value;
    const mine = page(await pull(a, 0));
    expect(mine.records.map((record) => record.id)).toEqual([recordA]);
    expect(mine.caseEvents.map((pulled) => [pulled.recordId, pulled.event.id])).toEqual([[recordA, (await serverLog(recordA))[0]]]);
    expect(page(await pull(b, 0)).caseEvents).toEqual([]);
    // Page by page (one item a page): the record first, then its event; nothing is skipped.
    const first = page(await pull(a, 0, 1));
    expect([first.records.length, first.caseEvents.length, first.more]).toEqual([1, 0, true]);
    const second = page(await pull(a, first.cursor, 1));
    expect([second.records.length, second.caseEvents.length, second.more]).toEqual([0, 1, false]);
    expect(page(await pull(a, second.cursor)).caseEvents).toEqual([]);
  });
});
