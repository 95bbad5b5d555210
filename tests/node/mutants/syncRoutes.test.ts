import { afterAll, beforeAll, expect, it } from 'vitest';
import { serverRoutes, sessionHeader, type SignInResult } from '../../../shared/serverApi/serverApi';
import { syncRoutes, type ChangeOutcome, type PullResult, type SyncChange } from '../../../shared/sync/syncProtocol';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { describeStorages } from '../../support/serverStorage';
import { changeEvent, firstChange } from '../../support/syncChanges';
import { codeOf, errorOf, startHarness, valueOf, type Harness } from './httpHarness';

/*
 * Issue 22: what the push and pull routes (src-server/sync/syncRoutes.ts) write and answer beyond
 * each change's outcome — the workstation's standing for the administrator, the audit of who
 * pushed and pulled, and the pull's pages — through the server's app in process (no TLS socket).
 */

type Ws = Awaited<ReturnType<Harness['workstation']>>;

describeStorages('the push and pull routes, in process', (storage) => {
  let h: Harness;
  let ws: Ws;
  let token: string;
  let username: string;

  beforeAll(async () => {
    h = await startHarness(storage);
    ws = await h.workstation();
    const operator = await h.operator('routes-holder', { workstations: [ws.id] });
    await h.operator('routes-second', { workstations: [ws.id] });
    username = operator.username;
    const signedIn = await h.request(ws, 'POST', serverRoutes.signIn, { username, password: operator.password });
    expect(codeOf(signedIn), JSON.stringify(signedIn.json)).toBe('ok');
    token = valueOf<SignInResult>(signedIn).session.token;
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  const call = (route: string, body: unknown) => h.request(ws, 'POST', route, body, { [sessionHeader]: token });
  const push = async (changes: SyncChange[], pendingCount: number): Promise<ChangeOutcome[]> => {
    const answer = await call(syncRoutes.push, { pendingCount, changes });
    expect(codeOf(answer), JSON.stringify(answer.json)).toBe('ok');
    return valueOf<{ outcomes: ChangeOutcome[] }>(answer).outcomes;
  };
  const pull = async (cursor: number, limit: number): Promise<PullResult> => {
    const answer = await call(syncRoutes.pull, { cursor, limit });
    expect(codeOf(answer), JSON.stringify(answer.json)).toBe('ok');
    return valueOf<PullResult>(answer);
  };
  const standing = async () =>
    (await h.db.query<{ pending_count: number; refusal_count: number; last_refusal: string | null; last_contact_at: Date | null }>('SELECT pending_count, refusal_count, last_refusal, last_contact_at FROM workstations WHERE id = $1', [ws.id])).rows[0];
  const audits = async (action: string) => (await h.db.query<{ actor: string; details: unknown }>('SELECT actor, details FROM audit_log WHERE target = $1 AND action = $2 ORDER BY id', [ws.id, action])).rows.map((row) => ({ actor: row.actor, details: row.details }));
  const maxSeq = async () => Number((await h.db.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM records')).rows[0]?.seq ?? 0);

  it('keeps what waits, what was refused and the first refusal for the administrator, and audits the push by its authors', async () => {
    h.now.value = new Date('2026-03-02T09:00:00.000Z');
    const pushesBefore = (await audits('sync.push')).length;
    const pupil = firstChange(pupilFormId, samplePupil(9101), 'routes-second');
    const other = firstChange(pupilFormId, samplePupil(9102), username);
    // An event about no record comes first among the refusals: its code is the one kept.
    const outcomes = await push([pupil, changeEvent(null, username), other, changeEvent(pupil.recordId, username), { ...firstChange(pupilFormId, samplePupil(9109), username), formId: 'kg-residential.nothing' }], 7);
    expect(outcomes.map((outcome) => (outcome.outcome === 'rejected' ? outcome.code : outcome.outcome))).toEqual(['accepted', 'INVALID_VALUES', 'accepted', 'accepted', 'UNKNOWN_FORM']);
    // 7 waited, 3 were delivered.
    expect(await standing()).toEqual({ pending_count: 4, refusal_count: 2, last_refusal: 'INVALID_VALUES', last_contact_at: h.now.value });
    expect((await audits('sync.push')).slice(pushesBefore)).toEqual([
      { actor: username, details: { authors: [username, 'routes-second'], accepted: 3, alreadyApplied: 0, conflicts: 0, rejected: 2, records: 5 } },
    ]);

    // A retry: what was already applied counts as delivered; a push without refusals keeps the last one.
    h.now.value = new Date('2026-03-02T09:05:00.000Z');
    expect((await push([pupil, other], 5)).map((outcome) => outcome.outcome)).toEqual(['alreadyApplied', 'alreadyApplied']);
    expect(await standing()).toEqual({ pending_count: 3, refusal_count: 2, last_refusal: 'INVALID_VALUES', last_contact_at: h.now.value });
    expect((await audits('sync.push'))[pushesBefore + 1]).toEqual({ actor: username, details: { authors: ['routes-second', username].sort(), accepted: 0, alreadyApplied: 2, conflicts: 0, rejected: 0, records: 2 } });

    // More delivered than the workstation said waited (it counted before a retry): nothing waits, not less than nothing.
    await push([firstChange(pupilFormId, samplePupil(9103), username), firstChange(pupilFormId, samplePupil(9104), username)], 1);
    expect((await standing())?.pending_count).toBe(0);
  });

  it('names the first wrong value of a refused body', async () => {
    const answer = await call(syncRoutes.push, { pendingCount: 1, changes: [{ ...firstChange(pupilFormId, samplePupil(9105), username), author: '' }] });
    expect(codeOf(answer)).toBe('INVALID_INPUT');
    expect(errorOf(answer).message).toMatch(/\(changes\.0\.author: .+\)$/);
    const pulled = await call(syncRoutes.pull, { cursor: -1 });
    expect(codeOf(pulled)).toBe('INVALID_INPUT');
    expect(errorOf(pulled).message).toMatch(/\(cursor: .+\)$/);
  });

  it('pulls in pages of the asked size, says whether more wait, and sends an event with its pupil first', async () => {
    const start = await maxSeq();
    const pupils = [9110, 9111, 9112].map((i) => firstChange(pupilFormId, samplePupil(i), username));
    await push(pupils, 0);
    const event = changeEvent(pupils[0]?.recordId ?? null, username);
    await push([event], 0);

    const first = await pull(start, 2);
    expect(first.records.map((record) => record.id)).toEqual(pupils.slice(0, 2).map((change) => change.recordId));
    expect(first.more).toBe(true);
    expect(first.cursor).toBe(start + 2);
    expect(first.records[0]?.agency).toEqual({ id: h.agencyId, name: expect.any(String) as string, territory: expect.any(String) as string, department: null });
    expect(first.reader?.id).toBe(h.agencyId);

    // Exactly what is left: no more; the event's pupil, on the page before, travels with it again.
    const rest = await pull(first.cursor, 2);
    expect(rest.records.map((record) => record.id)).toEqual([pupils[0]?.recordId, pupils[2]?.recordId, event.recordId]);
    expect(rest.more).toBe(false);

    // The event alone on its page brings its pupil (pulled earlier, changed since or not) first, once.
    const eventOnly = await pull(first.cursor + 1, 1);
    expect(eventOnly.records.map((record) => record.id)).toEqual([pupils[0]?.recordId, event.recordId]);
    expect(eventOnly.cursor).toBe(start + 4);
    // Two events on one page bring both their pupils, first.
    const second = changeEvent(pupils[1]?.recordId ?? null, username);
    await push([second], 0);
    const events = await pull(start + 3, 5);
    expect(events.records.map((record) => record.id).sort()).toEqual([pupils[0]?.recordId, pupils[1]?.recordId, event.recordId, second.recordId].sort());
    expect(events.records.slice(2).map((record) => record.id)).toEqual([event.recordId, second.recordId]);
    // A page holding both the event and its pupil carries the pupil once.
    const both = await pull(start, 4);
    expect(both.records.map((record) => record.id)).toEqual([...pupils.map((change) => change.recordId), event.recordId]);
  });

  it('audits a pull that brought records, from which cursor to which, and not one that brought none', async () => {
    // Its own records (whatever ran before): two pupils, then an event on each.
    const pupils = [9120, 9121].map((i) => firstChange(pupilFormId, samplePupil(i), username));
    await push(pupils, 0);
    await push(pupils.map((pupil) => changeEvent(pupil.recordId, username)), 0);
    const before = (await audits('sync.pull')).length;
    const end = await maxSeq();
    h.now.value = new Date('2026-03-02T10:00:00.000Z');
    const empty = await pull(end, 5);
    expect(empty).toMatchObject({ records: [], cursor: end, more: false });
    expect((await standing())?.last_contact_at).toEqual(h.now.value);
    expect(await audits('sync.pull')).toHaveLength(before);

    // The last two records are the two events: they come with their pupils, four records.
    const page = await pull(end - 2, 5);
    expect(page.records).toHaveLength(4);
    expect((await audits('sync.pull')).slice(before)).toEqual([{ actor: username, details: { records: 4, from: end - 2, to: end } }]);
  });
});
