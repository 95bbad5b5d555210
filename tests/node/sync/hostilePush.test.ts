import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncRoutes, type SyncChange } from '../../../shared/sync/syncProtocol';
import { sessionHeader } from '../../../shared/serverApi/serverApi';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testAgency, testServerSetup, testWorkstation, type TestServerSetup } from '../../support/serverAdmin';
import { rawRequest, startTestHttpServer, type RawAnswer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';

/*
 * Malformed or hostile pushes: every one answered 4xx (or, for a well-formed change the server
 * will not take, that change rejected with its reason), never 500, and the server keeps serving.
 * A hand-crafted change to another agency's pupil is refused and audited.
 */

interface Identity {
  id: string;
  username: string;
  caPem: string;
  keyPem: string;
  certPem: string;
  /** An operator's server session: the push and pull need one. */
  session: string;
}

const pupilSections = (i: number) => {
  const values = samplePupil(i);
  return {
    identity: { name: values.name, sex: values.sex, birthDate: values.birthDate, pin: values.pin },
    whole: values,
  };
};

describeStorages('the push endpoint under malformed and hostile input', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let a: Identity;
  let b: Identity;
  /** A complete, valid first change of a pupil, made from the form's own sections. */
  let newPupil: (i: number, author: string) => SyncChange;

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    const identity = async (agencyName: string, username: string): Promise<Identity> => {
      const agency = await testAgency(setup.admin, agencyName);
      const ws = await testWorkstation(setup, server, agency.id, [username]);
      return { id: ws.id, username, ...ws.tls, session: await ws.session(username) };
    };
    a = await identity('Ош балдар үйү', 'hostile-a');
    b = await identity('Нарын балдар үйү', 'hostile-b');
    const { pupilForm } = await import('../../support/pupilSamples');
    const { form } = pupilForm();
    newPupil = (i, author) => {
      const values = pupilSections(i).whole;
      const sections: SyncChange['sections'] = {};
      for (const section of form.sections) sections[section.id] = Object.fromEntries(section.fields.filter((field) => field.id in values).map((field) => [field.id, values[field.id]]));
      return {
        changeId: crypto.randomUUID(),
        recordId: crypto.randomUUID(),
        formId: pupilFormId,
        formVersion: form.version,
        subjectId: null,
        baseRevision: 0,
        sections,
        author,
        at: new Date().toISOString(),
        reason: null,
        blobs: [],
      };
    };
  }, 180_000);
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  const push = (who: Identity, body: string, contentType?: string): Promise<RawAnswer> =>
    rawRequest(server.url, syncRoutes.push, { caPem: who.caPem, keyPem: who.keyPem, certPem: who.certPem, body, headers: { [sessionHeader]: who.session }, ...(contentType ? { contentType } : {}) });
  const pushChanges = (who: Identity, changes: unknown[]) => push(who, JSON.stringify({ pendingCount: changes.length, changes }));
  const refusalCode = (answer: RawAnswer) => (answer.json as { error?: { code?: string } } | null)?.error?.code;
  const outcomes = (answer: RawAnswer) => (answer.json as { value: { outcomes: { outcome: string; code?: string; revision?: number }[] } }).value.outcomes;

  it('takes a valid pupil (the baseline the refusals below are measured against)', async () => {
    const answer = await pushChanges(a, [newPupil(1, a.username)]);
    expect(answer.status).toBe(200);
    expect(outcomes(answer)).toEqual([expect.objectContaining({ outcome: 'accepted', revision: 1 })]);
  });

  it('answers 400 with a reason to wrong types, missing fields, non-JSON and a wrong content type', async () => {
    const cases: [string, string | undefined][] = [
      [JSON.stringify({ pendingCount: 'many', changes: 5 }), undefined],
      [JSON.stringify({ changes: [{ ...newPupil(2, a.username), changeId: 42 }] }), undefined],
      [JSON.stringify({ pendingCount: 1, changes: [{ ...newPupil(2, a.username), baseRevision: -1 }] }), undefined],
      [JSON.stringify({ pendingCount: 1, changes: [] }), undefined],
      [JSON.stringify([1, 2, 3]), undefined],
      ['{"pendingCount": 1, "changes": [', undefined],
      ['pendingCount=1', 'application/x-www-form-urlencoded'],
      ['null', undefined],
    ];
    for (const [body, type] of cases) {
      const answer = await push(a, body, type);
      expect([400, 415], body.slice(0, 60)).toContain(answer.status);
      expect(refusalCode(answer), body.slice(0, 60)).toBe('INVALID_INPUT');
    }
  });

  it('refuses huge strings, deep nesting, NUL characters and swarms of keys before they reach the database', async () => {
    const hostile = (sections: unknown) => pushChanges(a, [{ ...newPupil(3, a.username), sections }]);
    // Built as text: JSON.stringify itself cannot go 50,000 deep.
    const deepBody = JSON.stringify({ pendingCount: 1, changes: [{ ...newPupil(3, a.username), sections: { identity: { surname: '<deep>' } } }] }).replace('"<deep>"', `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`);
    const manyKeys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    const answers = [
      await pushChanges(a, [{ ...newPupil(3, a.username), formId: 'f'.repeat(1_000_000) }]),
      await hostile({ identity: { name: { surname: 'Ж'.repeat(5_000_000), givenName: 'А' } } }),
      await push(a, deepBody),
      await hostile({ identity: { name: { surname: 'Асан\u0000ова', givenName: 'А' } } }),
      await hostile({ identity: manyKeys }),
      await pushChanges(a, [{ ...newPupil(3, a.username), author: 'hostile-a\u0000' }]),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.body.slice(0, 200)).toBe(400);
      expect(refusalCode(answer)).toBe('INVALID_INPUT');
    }
  });

  it('answers 413 to a 100 MB body and goes on serving', async () => {
    const body = JSON.stringify({ pendingCount: 1, changes: [{ ...newPupil(4, a.username), reason: 'я'.repeat(50_000_000) }] });
    expect(body.length).toBeGreaterThan(50_000_000);
    const answer = await push(a, body).catch((error: unknown) => ({ status: 0, body: String(error), json: null }) satisfies RawAnswer);
    // The server may close the connection once it has refused, before the client finished sending.
    if (answer.status !== 0) expect(answer.status).toBe(413);
    expect((await pushChanges(a, [newPupil(5, a.username)])).status).toBe(200);
  });

  it('rejects an unknown form, an unknown author, and a change id replayed with other content', async () => {
    const first = newPupil(6, a.username);
    expect(outcomes(await pushChanges(a, [first]))).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    const answer = await pushChanges(a, [
      { ...newPupil(7, a.username), formId: 'kg-residential.unicorn' },
      { ...newPupil(8, a.username), author: 'no.such.author' },
      { ...first, sections: { ...first.sections, identity: { ...first.sections.identity, pin: samplePupil(9).pin } } },
      first,
    ]);
    expect(answer.status).toBe(200);
    expect(outcomes(answer)).toEqual([
      expect.objectContaining({ outcome: 'rejected', code: 'UNKNOWN_FORM' }),
      expect.objectContaining({ outcome: 'rejected', code: 'UNKNOWN_AUTHOR' }),
      expect.objectContaining({ outcome: 'rejected', code: 'CHANGE_ID_REUSED' }),
      expect.objectContaining({ outcome: 'alreadyApplied', revision: 1 }),
    ]);
  });

  it("refuses a hand-crafted change to another agency's pupil and writes it in the audit log", async () => {
    const theirs = newPupil(10, b.username);
    expect(outcomes(await pushChanges(b, [theirs]))).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    const intrusion = { ...theirs, changeId: crypto.randomUUID(), author: a.username, baseRevision: 1, sections: { plans: { protectionPlan: 'Чужой план' } } };
    expect(outcomes(await pushChanges(a, [intrusion]))).toEqual([expect.objectContaining({ outcome: 'rejected', code: 'OUT_OF_SCOPE' })]);
    const stored = await setup.admin.db.query<{ values: Record<string, unknown> }>('SELECT values FROM records WHERE id = $1', [theirs.recordId]);
    expect(stored.rows[0]?.values.protectionPlan).toBeUndefined();
    const audit = await setup.admin.db.query<{ actor: string; details: Record<string, unknown> }>("SELECT actor, details FROM audit_log WHERE action = 'sync.refused' AND target = $1", [theirs.recordId]);
    expect(audit.rows).toEqual([expect.objectContaining({ actor: a.username, details: expect.objectContaining({ workstation: a.id, code: 'OUT_OF_SCOPE' }) as unknown })]);
    // Nor can it pull the pupil or its photos.
    const pulled = await rawRequest(server.url, syncRoutes.pull, { caPem: a.caPem, keyPem: a.keyPem, certPem: a.certPem, headers: { [sessionHeader]: a.session }, body: JSON.stringify({ cursor: 0, limit: 1000 }) });
    expect(pulled.status).toBe(200);
    expect(JSON.stringify(pulled.json)).not.toContain(theirs.recordId);
  });

  it('never answers 500 to arbitrary bodies or arbitrary changes (property-based), and keeps serving', async () => {
    const valid = newPupil(11, a.username);
    // Mostly near-valid changes (a valid pupil with a few fields replaced), so that the odd
    // values reach the validators and the database rather than stopping at the first schema check.
    const nastyUnit = fc.oneof({ arbitrary: fc.constantFrom('\u0000', '\ud800', '\udc00', '"', '\\', 'ң'), weight: 1 }, { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 });
    const nasty = fc.string({ unit: nastyUnit, maxLength: 40 });
    const field = <T>(key: string, value: fc.Arbitrary<T>) => fc.tuple(fc.constant(key), value);
    // One or two fields replaced at a time: each odd value meets the checks behind the schema.
    const overrides = fc
      .array(
        fc.oneof(
          field('changeId', fc.string()),
          field('recordId', fc.oneof(fc.constant(valid.recordId), fc.string())),
          field('formId', nasty),
          field('formVersion', fc.oneof(fc.integer(), fc.double())),
          field('subjectId', fc.oneof(fc.uuid(), fc.string())),
          field('baseRevision', fc.oneof(fc.nat(5), fc.integer(), fc.string())),
          field(
            'sections',
            fc.oneof(
              fc.dictionary(fc.constantFrom('identity', 'origin', 'family', 'plans', 'placement', 'extra'), fc.dictionary(fc.oneof(nasty, fc.constantFrom('name', 'pin', 'sex', 'protectionPlan')), fc.oneof(nasty, fc.jsonValue({ maxDepth: 4 })))),
              fc.jsonValue({ maxDepth: 4 }),
            ),
          ),
          field('author', nasty),
          field('at', fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string())),
          field('reason', nasty),
          field('blobs', fc.array(fc.record({ id: fc.uuid(), mimeType: nasty, sha256: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), dataBase64: fc.base64String() }), { maxLength: 2 })),
        ),
        { minLength: 1, maxLength: 2 },
      )
      .map((pairs) => Object.fromEntries(pairs) as Record<string, unknown>);
    const anyChange = fc.tuple(fc.uuid(), fc.uuid(), overrides).map(([changeId, recordId, replaced]) => ({ ...valid, changeId, recordId, ...replaced }));
    const anyBody = fc.oneof(
      { arbitrary: fc.record({ pendingCount: fc.nat(10_000), changes: fc.array(anyChange, { minLength: 1, maxLength: 3 }) }), weight: 4 },
      { arbitrary: fc.record({ pendingCount: fc.oneof(fc.nat(), fc.integer()), changes: fc.array(anyChange, { maxLength: 3 }) }, { requiredKeys: [] }), weight: 1 },
      { arbitrary: fc.jsonValue({ maxDepth: 5 }), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const answer = await push(a, JSON.stringify(body) ?? 'null');
        expect([200, 400, 413]).toContain(answer.status);
        expect(answer.json).toMatchObject({ ok: answer.status === 200 });
        if (answer.status === 200) {
          for (const outcome of outcomes(answer)) expect(['accepted', 'alreadyApplied', 'conflict', 'rejected']).toContain(outcome.outcome);
        }
      }),
      { numRuns: 200 },
    );
    expect(server.logLines.filter((line) => / 500 |failed/.test(line))).toEqual([]);
    expect((await pushChanges(a, [newPupil(12, a.username)])).status).toBe(200);
  }, 120_000);
});
