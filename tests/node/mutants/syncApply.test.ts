import crypto from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import type { PackDef } from '../../../shared/forms/packTypes';
import { registryPacks } from '../../../shared/packs';
import { kgResidentialRoles as roles } from '../../../shared/packs/kg-residential/roles';
import type { ChangeOutcome, SyncChange } from '../../../shared/sync/syncProtocol';
import type { Database } from '../../../src-server/db/sql';
import type { KnownWorkstation } from '../../../src-server/http/workstationGuard';
import { applyBatch } from '../../../src-server/sync/applyBatch';
import { changeHash } from '../../../src-server/sync/changeHash';
import { describeStorages } from '../../support/serverStorage';
import { firstChange, photoUpload } from '../../support/syncChanges';

/*
 * Issue 22: the server's apply of pushed changes, called directly (no TLS, no HTTP) so that a
 * mutant of src-server/sync costs milliseconds: idempotency, authors, permissions, scope,
 * conflicts and merges, subjects, photos, and what is written and audited — each by its code.
 */

const n = (en: string) => ({ ky: en, ru: en, az: en, kk: en, en });
const base = registryPacks[0] as PackDef;
const child: FormDef = {
  id: 't.child',
  version: 2,
  title: n('Child'),
  access: { edit: [roles.dataHolder, roles.systemOperator, roles.localAdministration] },
  sections: [
    { id: 'identity', title: n('Identity'), fields: [
      { id: 'name', kind: 'text', maxLength: 60, required: true, label: n('Name') },
      { id: 'born', kind: 'date', notInFuture: true, label: n('Born') },
      { id: 'photo', kind: 'photo', maxBytes: 2_000_000, label: n('Photo') },
    ] },
    { id: 'family', title: n('Family'), fields: [{ id: 'mother', kind: 'text', maxLength: 60, label: n('Mother') }] },
    { id: 'health', title: n('Health'), access: { edit: [roles.dataHolder] }, fields: [{ id: 'notes', kind: 'text', maxLength: 60, label: n('Notes') }] },
  ],
};
const visit: FormDef = {
  id: 't.visit',
  version: 1,
  title: n('Visit'),
  subject: { formId: child.id },
  sections: [{ id: 'visit', title: n('Visit'), fields: [{ id: 'on', kind: 'date', required: true, label: n('On') }] }],
};
const packs: PackDef[] = [{ ...base, id: 't', forms: [child, visit] }];
const now = new Date('2026-03-10T12:00:00Z');
const png = (size: number) => Buffer.alloc(size, 7);

describeStorages('applying pushed changes, called directly', (storage) => {
  let db: Database;
  let wsA: KnownWorkstation;
  let wsA2: KnownWorkstation;
  let wsB: KnownWorkstation;
  let agencyB: string;

  // Seeded in SQL, not through the administrator's verbs: the apply reads only these columns,
  // and a mutation run repeats this for every mutant (scrypt and certificates would cost seconds).
  beforeAll(async () => {
    db = await storage.fresh();
    const agency = async (id: string, name: string) => {
      await db.query("INSERT INTO agencies (id, name, kind, country, territory, tin) VALUES ($1, $2, 'childrens_home', 'KG', '41711', $3)", [id, name, `0${String(crypto.randomInt(1e9)).padStart(9, '0')}0000`]);
      return id;
    };
    const a = await agency('ag-osh', 'Ош балдар үйү');
    agencyB = await agency('ag-naryn', 'Нарын балдар үйү');
    const validUntil = new Date(now.getTime() + 30 * 86_400_000);
    const user = (username: string, agencyId: string, role: string = roles.dataHolder) =>
      db.query("INSERT INTO users (username, display_name, agency_id, role, password_hash, kdf, valid_until) VALUES ($1, $1, $2, $3, 'unused', '{}'::jsonb, $4)", [username, agencyId, role, validUntil]);
    for (const name of ['holder', 'disabled', 'expiring', 'moved', 'holder2', 'offsite']) await user(name, a);
    await user('operator', a, roles.systemOperator);
    await user('reader', a, roles.territorialReader);
    await user('local', a, roles.localAdministration);
    await user('holder-b', agencyB);
    const ws = async (id: string, agencyId: string, users: string[]): Promise<KnownWorkstation> => {
      await db.query(
        `INSERT INTO workstations (id, name, agency_id, cert_serial, cert_fingerprint, cert_expires_at, profile_id, profile_expires_at) VALUES ($1, $1, $2, $1, $3, $4, $5, $4)`,
        [id, agencyId, crypto.createHash('sha256').update(id).digest('hex'), validUntil, crypto.randomUUID()],
      );
      for (const username of users) await db.query('INSERT INTO workstation_users (workstation_id, username) VALUES ($1, $2)', [id, username]);
      return { id, agencyId, status: 'active', reason: null };
    };
    wsA = await ws('ws-osh1', a, ['holder', 'disabled', 'expiring', 'moved', 'operator', 'reader', 'local']);
    wsA2 = await ws('ws-osh2', a, ['holder2']);
    wsB = await ws('ws-naryn1', agencyB, ['holder-b']);
    await db.query('UPDATE users SET disabled = true WHERE username = $1', ['disabled']);
    await db.query('UPDATE users SET valid_until = $2 WHERE username = $1', ['expiring', now]);
    await db.query('UPDATE users SET agency_id = $2 WHERE username = $1', ['moved', agencyB]);
  }, 120_000);

  const apply = (ws: KnownWorkstation, changes: SyncChange[], pushedBy = 'pusher', at: Date = now) => applyBatch(db, ws, packs, at, changes, pushedBy);
  const one = async (ws: KnownWorkstation, change: SyncChange, at: Date = now): Promise<ChangeOutcome> => {
    const [outcome] = await apply(ws, [change], 'pusher', at);
    if (!outcome) throw new Error('no outcome');
    return outcome;
  };
  const newChild = (author = 'holder', values: FormValues = { name: 'Айгүл', born: '2015-03-01', mother: 'Гүлнара', notes: 'здорова' }, extra: Partial<SyncChange> = {}) =>
    firstChange(child.id, values, author, { at: '2026-03-09T08:00:00.000Z', ...extra }, packs);
  const edit = (of: SyncChange, baseRevision: number, sections: SyncChange['sections'], author = of.author, extra: Partial<SyncChange> = {}): SyncChange => ({
    ...of, changeId: crypto.randomUUID(), baseRevision, sections, author, at: '2026-03-09T09:00:00.000Z', blobs: [], ...extra,
  });
  const newVisit = (subjectId: string | null, author = 'holder') => firstChange(visit.id, { on: '2026-03-01' }, author, { subjectId }, packs);
  const refusedAudits = async (changeId: string) =>
    (await db.query<{ actor: string; details: { code: string; pushedBy: string; workstation: string } }>("SELECT actor, details FROM audit_log WHERE action = 'sync.refused' AND details->>'changeId' = $1", [changeId])).rows;
  const record = async (id: string) => (await db.query<{ agency_id: string; values: FormValues; revision: number; form_version: number; subject_id: string | null; created_by: string; updated_by: string; updated_at: Date }>('SELECT * FROM records WHERE id = $1', [id])).rows[0];

  it('takes a first change and writes the record, its revision, who pushed it and its hash', async () => {
    const change = newChild();
    expect(await one(wsA, change)).toEqual({ changeId: change.changeId, outcome: 'accepted', revision: 1, merged: false });
    const stored = await record(change.recordId);
    expect(stored).toMatchObject({ agency_id: wsA.agencyId, revision: 1, form_version: 2, subject_id: null, created_by: 'holder', updated_by: 'holder', values: { name: 'Айгүл', born: '2015-03-01', mother: 'Гүлнара', notes: 'здорова' } });
    expect(stored?.updated_at.toISOString()).toBe('2026-03-09T08:00:00.000Z');
    const { rows } = await db.query<{ revision: number; sections: string[]; workstation_id: string; author: string; pushed_by: string; content_hash: string; received_at: Date }>('SELECT * FROM record_revisions WHERE change_id = $1', [change.changeId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ revision: 1, sections: ['identity', 'family', 'health'], workstation_id: wsA.id, author: 'holder', pushed_by: 'pusher', content_hash: changeHash(change) });
    expect(rows[0]?.received_at.toISOString()).toBe(now.toISOString());
    expect(await refusedAudits(change.changeId)).toEqual([]);
  });

  it('answers a retried change as already applied, in a later batch and within one batch', async () => {
    const change = newChild();
    const [first, again] = await apply(wsA, [change, change]);
    expect(first).toMatchObject({ outcome: 'accepted', revision: 1 });
    expect(again).toEqual({ changeId: change.changeId, outcome: 'alreadyApplied', revision: 1 });
    expect(await one(wsA, change)).toEqual({ changeId: change.changeId, outcome: 'alreadyApplied', revision: 1 });
    expect((await record(change.recordId))?.revision).toBe(1);
  });

  it('refuses a change id used again with other content with CHANGE_ID_REUSED, and audits it', async () => {
    const change = newChild();
    await one(wsA, change);
    const reused = { ...change, sections: { ...change.sections, family: { mother: 'Другая' } } };
    expect(await one(wsA, reused)).toMatchObject({ outcome: 'rejected', code: 'CHANGE_ID_REUSED', problems: [] });
    expect(await one(wsA, { ...change, recordId: crypto.randomUUID() })).toMatchObject({ outcome: 'rejected', code: 'CHANGE_ID_REUSED' });
    expect((await record(change.recordId))?.values.mother).toBe('Гүлнара');
    const audits = await refusedAudits(change.changeId);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actor: 'holder', details: { code: 'CHANGE_ID_REUSED', pushedBy: 'pusher', workstation: wsA.id } });
  });

  it('refuses an unknown form, unknown sections and fields in the wrong section, naming them', async () => {
    expect(await one(wsA, { ...newChild(), formId: 't.nothing' })).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_FORM' });
    const change = newChild();
    expect(await one(wsA, { ...change, sections: { ...change.sections, secret: { x: 1 } } })).toEqual({
      changeId: change.changeId, outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'secret', code: 'unknownField' }],
    });
    expect(await one(wsA, { ...change, sections: { ...change.sections, family: { mother: 'М', notes: 'x' } } })).toMatchObject({
      outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'notes', code: 'unknownField' }],
    });
    // A hostile payload: at most a hundred problems travel back.
    const stray = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`stray${i}`, 'x']));
    const flood = await one(wsA, { ...change, sections: { ...change.sections, family: stray } });
    expect(flood.outcome === 'rejected' ? [flood.code, flood.problems.length, flood.problems[99]] : flood).toEqual(['INVALID_VALUES', 100, { field: 'stray99', code: 'unknownField' }]);
    expect(await record(change.recordId)).toBeUndefined();
  });

  it('refuses an author the registry does not know with UNKNOWN_AUTHOR, every time within a batch', async () => {
    const [a, b] = await apply(wsA, [newChild('ghost'), newChild('ghost')]);
    expect(a).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_AUTHOR' });
    expect(b).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_AUTHOR' });
  });

  it('refuses authors disabled, expired, not on this workstation or moved to another agency with AUTHOR_NOT_ALLOWED, and audits it', async () => {
    for (const author of ['disabled', 'expiring', 'offsite', 'moved', 'holder-b']) {
      const change = newChild(author);
      expect(await one(wsA, change), author).toMatchObject({ outcome: 'rejected', code: 'AUTHOR_NOT_ALLOWED' });
      expect(await refusedAudits(change.changeId), author).toMatchObject([{ actor: author, details: { code: 'AUTHOR_NOT_ALLOWED' } }]);
    }
    // Valid up to the last millisecond of the account's term.
    expect(await one(wsA, newChild('expiring'), new Date(now.getTime() - 1))).toMatchObject({ outcome: 'accepted' });
  });

  it('refuses a role that may not edit the form, and a role that sees totals only, with NOT_PERMITTED (not audited)', async () => {
    const change = newChild('reader');
    expect(await one(wsA, change)).toMatchObject({ outcome: 'rejected', code: 'NOT_PERMITTED' });
    // Only sections every editing role may write: the refusal is the role's, not the health section's.
    const totalsOnly = newChild('local', { name: 'Айгүл', mother: 'Гүлнара' });
    expect(await one(wsA, totalsOnly)).toEqual({ changeId: totalsOnly.changeId, outcome: 'rejected', code: 'NOT_PERMITTED', problems: [] });
    expect(await one(wsA, newChild('operator', { name: 'Айгүл', mother: 'Гүлнара' }))).toMatchObject({ outcome: 'accepted' });
    expect(await refusedAudits(change.changeId)).toEqual([]);
  });

  it('refuses a change to a section the role may not edit, naming the fields, and takes the rest', async () => {
    const withNotes = newChild('operator');
    expect(await one(wsA, withNotes)).toEqual({ changeId: withNotes.changeId, outcome: 'rejected', code: 'NOT_PERMITTED', problems: [{ field: 'notes', code: 'notEditable' }] });
    const created = newChild('holder');
    await one(wsA, created);
    expect(await one(wsA, edit(created, 1, { family: { mother: 'Назира' } }, 'operator'))).toMatchObject({ outcome: 'accepted', revision: 2 });
    // Sending the health section unchanged is no edit of it.
    expect(await one(wsA, edit(created, 2, { health: { notes: 'здорова' } }, 'operator'))).toMatchObject({ outcome: 'accepted', revision: 3 });
    expect(await one(wsA, edit(created, 3, { health: {} }, 'operator'))).toMatchObject({ outcome: 'rejected', code: 'NOT_PERMITTED', problems: [{ field: 'notes', code: 'notEditable' }] });
  });

  it("refuses a change to another agency's record with OUT_OF_SCOPE, and audits it", async () => {
    const theirs = newChild('holder-b');
    expect(await one(wsB, theirs)).toMatchObject({ outcome: 'accepted' });
    const attempt = edit(theirs, 1, { family: { mother: 'Чужая' } }, 'holder');
    expect(await one(wsA, attempt)).toMatchObject({ outcome: 'rejected', code: 'OUT_OF_SCOPE' });
    expect((await record(theirs.recordId))?.values.mother).toBe('Гүлнара');
    expect(await refusedAudits(attempt.changeId)).toMatchObject([{ actor: 'holder', details: { code: 'OUT_OF_SCOPE', workstation: wsA.id } }]);
  });

  it('refuses a change of another form under an existing record with INVALID_VALUES on formId', async () => {
    const created = newChild();
    await one(wsA, created);
    const other = newVisit(created.recordId);
    expect(await one(wsA, { ...other, recordId: created.recordId, baseRevision: 1 })).toMatchObject({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'formId', code: 'wrongType' }] });
  });

  it('answers a conflict on a section another workstation changed since, and merges one it did not', async () => {
    const created = newChild();
    await one(wsA, created);
    expect(await one(wsA2, edit(created, 1, { family: { mother: 'Назира' } }, 'holder2'))).toMatchObject({ outcome: 'accepted', revision: 2, merged: false });
    const clash = edit(created, 1, { family: { mother: 'Жамиля' } });
    expect(await one(wsA, clash)).toEqual({
      changeId: clash.changeId, outcome: 'conflict', revision: 2, theirs: { family: { mother: 'Назира' } }, by: 'holder2', at: '2026-03-09T09:00:00.000Z',
    });
    expect(await one(wsA, edit(created, 1, { health: { notes: 'простыла' } }))).toEqual(expect.objectContaining({ outcome: 'accepted', revision: 3, merged: true }));
    // Made on revision 2: it has seen the other workstation's change.
    expect(await one(wsA, edit(created, 2, { family: { mother: 'Жамиля' } }))).toMatchObject({ outcome: 'accepted', revision: 4, merged: false });
    expect((await record(created.recordId))?.values).toMatchObject({ mother: 'Жамиля', notes: 'простыла', name: 'Айгүл' });
    // Its own later changes (revision 3 changed health) never conflict with a workstation.
    expect(await one(wsA, edit(created, 2, { health: { notes: 'здорова' } }))).toMatchObject({ outcome: 'accepted', revision: 5, merged: false });
  });

  it('applies a batch in order: a later change of it sees the earlier one', async () => {
    const created = newChild();
    const outcomes = await apply(wsA, [created, edit(created, 1, { family: { mother: 'Назира' } })]);
    expect(outcomes.map((outcome) => outcome.outcome === 'accepted' && [outcome.revision, outcome.merged])).toEqual([[1, false], [2, false]]);
    expect((await record(created.recordId))?.values.mother).toBe('Назира');
  });

  it('refuses a change to a record the server lacks and a partial first change with UNKNOWN_RECORD', async () => {
    const created = newChild();
    expect(await one(wsA, { ...created, baseRevision: 1 })).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
    expect(await one(wsA, { ...created, sections: { identity: created.sections.identity ?? {}, family: {} } })).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
  });

  it("takes an event about the agency's record, and refuses one about no record, a record of the wrong form or another agency's", async () => {
    const created = newChild();
    await one(wsA, created);
    const event = newVisit(created.recordId);
    expect(await one(wsA, event)).toMatchObject({ outcome: 'accepted', revision: 1 });
    expect((await record(event.recordId))?.subject_id).toBe(created.recordId);
    expect(await one(wsA, newVisit(null))).toMatchObject({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'subjectId', code: 'required' }] });
    expect(await one(wsA, newVisit(crypto.randomUUID()))).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
    expect(await one(wsA, newVisit(event.recordId))).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_RECORD' });
    const theirs = newChild('holder-b');
    await one(wsB, theirs);
    expect(await one(wsA, newVisit(theirs.recordId))).toMatchObject({ outcome: 'rejected', code: 'OUT_OF_SCOPE' });
    // A record that is no event keeps no subject, whatever the change says.
    const stray = newChild('holder', undefined, { subjectId: created.recordId });
    expect(await one(wsA, stray)).toMatchObject({ outcome: 'accepted' });
    expect((await record(stray.recordId))?.subject_id).toBeNull();
  });

  it('validates the merged record as the workstation does, with today from the server clock', async () => {
    const change = newChild('holder', { born: '2015-03-01' });
    expect(await one(wsA, change)).toEqual({ changeId: change.changeId, outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'name', code: 'required' }] });
    expect(await one(wsA, newChild('holder', { name: 'Бакыт', born: '2026-03-11' }))).toMatchObject({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: 'born', code: 'dateInFuture' }] });
    expect(await one(wsA, newChild('holder', { name: 'Бакыт', born: '2026-03-10' }))).toMatchObject({ outcome: 'accepted' });
  });

  it('takes a photo up to 3,000,000 bytes with its hash, and refuses a larger one, a wrong hash and a wrong declared size', async () => {
    const big = photoUpload(png(3_000_000));
    expect(await one(wsA, newChild('holder', undefined, { blobs: [big] }))).toMatchObject({ outcome: 'accepted' });
    const tooBig = photoUpload(png(3_000_001));
    expect(await one(wsA, newChild('holder', undefined, { blobs: [tooBig] }))).toMatchObject({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: `blob:${tooBig.id}`, code: 'photoTooLarge', params: { max: '3000' } }] });
    const forged = { ...photoUpload(png(10)), sha256: photoUpload(png(11)).sha256 };
    expect(await one(wsA, newChild('holder', undefined, { blobs: [forged] }))).toMatchObject({ outcome: 'rejected', problems: [{ field: `blob:${forged.id}`, code: 'wrongType' }] });
    const photo = photoUpload(png(100));
    const lying = newChild('holder', { name: 'Бакыт', photo: { blobId: photo.id, mimeType: 'image/png', bytes: 99 } }, { blobs: [photo] });
    expect(await one(wsA, lying)).toMatchObject({ outcome: 'rejected', problems: [{ field: `blob:${photo.id}`, code: 'wrongType' }] });
    const honest = newChild('holder', { name: 'Бакыт', photo: { blobId: photo.id, mimeType: 'image/png', bytes: 100 } }, { blobs: [photo] });
    expect(await one(wsA, honest)).toMatchObject({ outcome: 'accepted' });
    const stored = await db.query<{ agency_id: string; sha256: string }>('SELECT agency_id, sha256 FROM blobs WHERE id = $1', [photo.id]);
    expect(stored.rows).toEqual([{ agency_id: wsA.agencyId, sha256: photo.sha256 }]);
  });

  it("refuses a record naming a photo it did not send, or another agency's, and takes one its agency sent before", async () => {
    const named = (blobId: string) => newChild('holder', { name: 'Бакыт', photo: { blobId, mimeType: 'image/png', bytes: 100 } });
    const missing = crypto.randomUUID();
    expect(await one(wsA, named(missing))).toMatchObject({ outcome: 'rejected', code: 'INVALID_VALUES', problems: [{ field: `blob:${missing}`, code: 'wrongType' }] });
    const theirs = photoUpload(png(100));
    expect(await one(wsB, newChild('holder-b', undefined, { blobs: [theirs] }))).toMatchObject({ outcome: 'accepted' });
    expect(await one(wsA, named(theirs.id))).toMatchObject({ outcome: 'rejected', problems: [{ field: `blob:${theirs.id}`, code: 'wrongType' }] });
    // Sending the same id again does not take it over.
    expect(await one(wsA, { ...named(theirs.id), blobs: [theirs] })).toMatchObject({ outcome: 'rejected', problems: [{ field: `blob:${theirs.id}`, code: 'wrongType' }] });
    const ours = photoUpload(png(100));
    await one(wsA, newChild('holder', undefined, { blobs: [ours] }));
    expect(await one(wsA, named(ours.id))).toMatchObject({ outcome: 'accepted' });
    expect(agencyB).not.toBe(wsA.agencyId);
  });
});
