import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kgResidentialRoles as roles } from '../../../shared/packs/kg-residential/roles';
import { sessionHeader } from '../../../shared/serverApi/serverApi';
import { syncRoutes, type SyncChange } from '../../../shared/sync/syncProtocol';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testAgency, testServerSetup, testWorkstation, type TestServerSetup } from '../../support/serverAdmin';
import { rawRequest, startTestHttpServer, type RawAnswer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { changeEvent, firstChange, photoUpload } from '../../support/syncChanges';

/*
 * Issue 22: the server's refusals of a pushed change and the reach of the pull and photo routes,
 * each pinned to its exact code, so that a flipped condition in src-server/sync fails a test.
 */

const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface Operator {
  workstationId: string;
  username: string;
  tls: { caPem: string; keyPem: string; certPem: string };
  session: string;
}

interface Outcome {
  outcome: string;
  code?: string;
  problems?: { field: string; code: string; params?: Record<string, string> }[];
  revision?: number;
}

describeStorages('what the sync routes refuse, by exact code', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  /** Agency A: a data holder, a territorial reader and a local administration on one workstation. */
  let holderA: Operator;
  let readerA: Operator;
  let localAdminA: Operator;
  /** Agency B: a data holder. */
  let holderB: Operator;
  let agencyB: string;

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    const a = await testAgency(setup.admin, 'Ош балдар үйү');
    const b = await testAgency(setup.admin, 'Нарын балдар үйү');
    agencyB = b.id;
    const wsA = await testWorkstation(setup, server, a.id, ['mut-holder-a', { username: 'mut-reader-a', role: roles.territorialReader }, { username: 'mut-local-a', role: roles.localAdministration }]);
    const wsB = await testWorkstation(setup, server, b.id, ['mut-holder-b']);
    const operator = async (ws: typeof wsA, username: string): Promise<Operator> => ({ workstationId: ws.id, username, tls: ws.tls, session: await ws.session(username) });
    holderA = await operator(wsA, 'mut-holder-a');
    readerA = await operator(wsA, 'mut-reader-a');
    localAdminA = await operator(wsA, 'mut-local-a');
    holderB = await operator(wsB, 'mut-holder-b');
  }, 180_000);
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  const call = (who: Operator, route: string, body: unknown): Promise<RawAnswer> =>
    rawRequest(server.url, route, { ...who.tls, headers: { [sessionHeader]: who.session }, body: JSON.stringify(body) });
  const push = async (who: Operator, changes: SyncChange[]): Promise<Outcome[]> => {
    const answer = await call(who, syncRoutes.push, { pendingCount: changes.length, changes });
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    return (answer.json as { value: { outcomes: Outcome[] } }).value.outcomes;
  };
  const pushOne = async (who: Operator, change: SyncChange): Promise<Outcome> => {
    const [outcome] = await push(who, [change]);
    if (!outcome) throw new Error('no outcome');
    return outcome;
  };
  const refusal = (answer: RawAnswer) => ({ status: answer.status, code: (answer.json as { error?: { code?: string } } | null)?.error?.code });
  const pulledIds = async (who: Operator): Promise<string[]> => {
    const answer = await call(who, syncRoutes.pull, { cursor: 0, limit: 1000 });
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    return (answer.json as { value: { records: { id: string }[] } }).value.records.map((record) => record.id);
  };

  it("gives a photo only to its own agency's operators: another agency asking by id gets none", async () => {
    const photo = photoUpload(tinyPng);
    const pupil = firstChange(pupilFormId, samplePupil(801, { photo: { blobId: photo.id, mimeType: 'image/png', bytes: tinyPng.length } }), holderB.username, { blobs: [photo] });
    expect(await pushOne(holderB, pupil)).toMatchObject({ outcome: 'accepted', revision: 1 });

    const own = await call(holderB, syncRoutes.blobs, { ids: [photo.id] });
    expect(own.status).toBe(200);
    expect(own.json).toEqual({ ok: true, value: { blobs: [photo] } });
    const foreign = await call(holderA, syncRoutes.blobs, { ids: [photo.id] });
    expect(foreign.status).toBe(200);
    expect(foreign.json).toEqual({ ok: true, value: { blobs: [] } });
    // A territorial reader of agency A reads its territory's photos (both test agencies are in 41711).
    const reader = await call(readerA, syncRoutes.blobs, { ids: [photo.id] });
    expect(reader.json).toEqual({ ok: true, value: { blobs: [photo] } });
  });

  it('pulls to each role only the forms it may view: a local administration (totals only) gets no pupil', async () => {
    const pupil = firstChange(pupilFormId, samplePupil(802), holderA.username);
    expect(await pushOne(holderA, pupil)).toMatchObject({ outcome: 'accepted' });
    expect(await pulledIds(holderA)).toContain(pupil.recordId);
    const local = await call(localAdminA, syncRoutes.pull, { cursor: 0, limit: 1000 });
    expect(local.status).toBe(200);
    const value = (local.json as { value: { records: unknown[]; cursor: number } }).value;
    expect(value.records).toEqual([]);
    // The cursor still moves past what it may not see: the next pull does not fetch it again.
    expect(value.cursor).toBeGreaterThan(0);
  });

  it('refuses the pull, the photos and the push with USER_NOT_ON_WORKSTATION once the operator is taken off the workstation or moved to another agency', async () => {
    const db = setup.admin.db;
    const routes = [
      [syncRoutes.pull, { cursor: 0, limit: 10 }],
      [syncRoutes.blobs, { ids: [crypto.randomUUID()] }],
      [syncRoutes.push, { pendingCount: 1, changes: [firstChange(pupilFormId, samplePupil(803), readerA.username)] }],
    ] as const;
    await db.query('DELETE FROM workstation_users WHERE workstation_id = $1 AND username = $2', [readerA.workstationId, readerA.username]);
    try {
      for (const [route, body] of routes) expect(refusal(await call(readerA, route, body)), route).toEqual({ status: 403, code: 'USER_NOT_ON_WORKSTATION' });
    } finally {
      await db.query('INSERT INTO workstation_users (workstation_id, username) VALUES ($1, $2)', [readerA.workstationId, readerA.username]);
    }
    expect((await call(readerA, syncRoutes.pull, { cursor: 0, limit: 10 })).status).toBe(200);

    const home = (await db.query<{ agency_id: string }>('SELECT agency_id FROM users WHERE username = $1', [readerA.username])).rows[0]?.agency_id ?? '';
    await db.query('UPDATE users SET agency_id = $2 WHERE username = $1', [readerA.username, agencyB]);
    try {
      for (const [route, body] of routes) expect(refusal(await call(readerA, route, body)), route).toEqual({ status: 403, code: 'USER_NOT_ON_WORKSTATION' });
    } finally {
      await db.query('UPDATE users SET agency_id = $2 WHERE username = $1', [readerA.username, home]);
    }
    expect((await call(readerA, syncRoutes.pull, { cursor: 0, limit: 10 })).status).toBe(200);
  });

  it('rejects a change by an author whose role may not edit the form with NOT_PERMITTED', async () => {
    for (const author of [readerA.username, localAdminA.username]) {
      expect(await pushOne(holderA, firstChange(pupilFormId, samplePupil(804), author)), author).toMatchObject({ outcome: 'rejected', code: 'NOT_PERMITTED' });
    }
    // The same operator pushing as a data holder of the workstation is taken.
    expect(await pushOne(readerA, firstChange(pupilFormId, samplePupil(804), holderA.username))).toMatchObject({ outcome: 'accepted' });
  });

  it('rejects a change to a record the server does not hold, a partial first change and an event about no pupil with UNKNOWN_RECORD', async () => {
    const whole = firstChange(pupilFormId, samplePupil(805), holderA.username);
    expect(await pushOne(holderA, { ...whole, baseRevision: 3 })).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
    const { identity } = whole.sections;
    expect(await pushOne(holderA, { ...whole, changeId: crypto.randomUUID(), sections: { identity: identity ?? {} } })).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
    expect(await pushOne(holderA, changeEvent(crypto.randomUUID(), holderA.username))).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
    // An event about an event (not a pupil card) is about no pupil either.
    const pupil = firstChange(pupilFormId, samplePupil(806), holderA.username);
    const event = changeEvent(pupil.recordId, holderA.username);
    expect(await push(holderA, [pupil, event])).toEqual([expect.objectContaining({ outcome: 'accepted' }), expect.objectContaining({ outcome: 'accepted' })]);
    expect(await pushOne(holderA, changeEvent(event.recordId, holderA.username))).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
    // And nothing of the refused changes reached the registry.
    const stored = await setup.admin.db.query('SELECT id FROM records WHERE id = $1', [whole.recordId]);
    expect(stored.rows).toEqual([]);
  });

  it('rejects an event without its pupil, and about another agency\'s pupil, with their codes', async () => {
    expect(await pushOne(holderA, changeEvent(null, holderA.username))).toEqual(expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'subjectId', code: 'required' }] }));
    const theirs = firstChange(pupilFormId, samplePupil(807), holderB.username);
    expect(await pushOne(holderB, theirs)).toMatchObject({ outcome: 'accepted' });
    expect(await pushOne(holderA, changeEvent(theirs.recordId, holderA.username))).toMatchObject({ outcome: 'rejected', code: 'OUT_OF_SCOPE' });
  });

  it('rejects unknown sections and fields, a form changed under a record, and invalid values with INVALID_VALUES and the field', async () => {
    const base = firstChange(pupilFormId, samplePupil(808), holderA.username);
    expect(await pushOne(holderA, { ...base, sections: { ...base.sections, hobbies: { chess: true } } })).toEqual(
      expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'hobbies', code: 'unknownField' }] }),
    );
    expect(await pushOne(holderA, { ...base, changeId: crypto.randomUUID(), sections: { ...base.sections, identity: { ...base.sections.identity, shoeSize: 35 } } })).toEqual(
      expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'shoeSize', code: 'unknownField' }] }),
    );
    expect(await pushOne(holderA, { ...base, changeId: crypto.randomUUID(), sections: { ...base.sections, identity: { ...base.sections.identity, admittedOn: '2999-01-01' } } })).toEqual(
      expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'admittedOn', code: 'dateInFuture' }] }),
    );
    // The record, once taken, may not be changed into another form.
    expect(await pushOne(holderA, base)).toMatchObject({ outcome: 'accepted' });
    const asEvent = changeEvent(null, holderA.username);
    expect(await pushOne(holderA, { ...asEvent, recordId: base.recordId, baseRevision: 1 })).toEqual(
      expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'formId', code: 'wrongType' }] }),
    );
  });

  it('refuses a photo too large, one whose hash does not match, and one of another agency', async () => {
    const withPhoto = (i: number, blobId: string, bytes: number, blobs: SyncChange['blobs']) =>
      firstChange(pupilFormId, samplePupil(i, { photo: { blobId, mimeType: 'image/png', bytes } }), holderA.username, { blobs });

    // Declared over the form's 2 MB: the validator's photoTooLarge.
    const big = photoUpload(tinyPng);
    expect(await pushOne(holderA, withPhoto(810, big.id, 2_000_001, [big]))).toEqual(
      expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'photo', code: 'photoTooLarge', params: { max: '1953' } }] }),
    );
    // Bytes over what the protocol carries (3 MB): refused whole before any change is read.
    const huge = photoUpload(Buffer.alloc(3_000_003, 7));
    const answer = await call(holderA, syncRoutes.push, { pendingCount: 1, changes: [withPhoto(811, huge.id, 1000, [huge])] });
    expect(refusal(answer)).toEqual({ status: 400, code: 'INVALID_INPUT' });

    // Bytes that are not what their hash says.
    const forged = { ...photoUpload(tinyPng), sha256: crypto.createHash('sha256').update('another photo').digest('hex') };
    expect(await pushOne(holderA, withPhoto(812, forged.id, tinyPng.length, [forged]))).toEqual(
      expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: `blob:${forged.id}`, code: 'wrongType' }] }),
    );
    const stored = await setup.admin.db.query('SELECT id FROM blobs WHERE id = $1', [forged.id]);
    expect(stored.rows).toEqual([]);

    // A photo declared smaller than it is (under the form's limit) is not the photo the value names.
    const understated = photoUpload(Buffer.concat([tinyPng, Buffer.from('understated')]));
    expect(await pushOne(holderA, withPhoto(815, understated.id, 100, [understated]))).toEqual(
      expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: `blob:${understated.id}`, code: 'wrongType' }] }),
    );
    expect((await setup.admin.db.query('SELECT id FROM blobs WHERE id = $1', [understated.id])).rows).toEqual([]);

    // A photo agency B sent: named by agency A, without it and with it again, it is not A's.
    const theirs = photoUpload(Buffer.concat([tinyPng, Buffer.from('b')]));
    expect(await pushOne(holderB, firstChange(pupilFormId, samplePupil(813, { photo: { blobId: theirs.id, mimeType: 'image/png', bytes: tinyPng.length + 1 } }), holderB.username, { blobs: [theirs] }))).toMatchObject({ outcome: 'accepted' });
    for (const blobs of [[], [theirs]]) {
      expect(await pushOne(holderA, withPhoto(814, theirs.id, tinyPng.length, blobs)), String(blobs.length)).toEqual(
        expect.objectContaining({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: `blob:${theirs.id}`, code: 'wrongType' }] }),
      );
    }
    const owner = await setup.admin.db.query<{ agency_id: string }>('SELECT agency_id FROM blobs WHERE id = $1', [theirs.id]);
    expect(owner.rows).toEqual([{ agency_id: agencyB }]);
  });
});
