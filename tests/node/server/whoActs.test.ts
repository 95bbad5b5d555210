import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { cacheEscrowLabel } from '../../../shared/serverApi/accountProofs';
import { installHeader, serverRoutes, sessionHeader, signedStatementSchema, signInResultSchema } from '../../../shared/serverApi/serverApi';
import { syncRoutes, type SyncChange } from '../../../shared/sync/syncProtocol';
import { addAgency } from '../../../src-server/admin/agencies';
import { disableUser, resetPassword } from '../../../src-server/admin/users';
import { credentialIdOf } from '../../../src-server/security/accountKeys';
import { verifyStatement } from '../../../src-server/security/accountStatements';
import { pupilForm, pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testServerSetup, testWorkstation, type TestServerSetup, type TestWorkstation } from '../../support/serverAdmin';
import { startTestHttpServer, type RawAnswer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';

/*
 * Issue 12, points 1 and 3 (server side): the server takes who acts from an operator's session
 * bound to the workstation's certificate, never from the body; a certificate alone reads and
 * writes nothing; authors who may no longer act are refused; a copied data folder is refused.
 */

// Keys, scrypt and a fresh database per storage: slow on a shared machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const code = (answer: RawAnswer) => (answer.json as { error?: { code?: string } } | null)?.error?.code;
const value = <T>(answer: RawAnswer) => (answer.json as { value: T }).value;
const asSession = (token: string) => ({ [sessionHeader]: token });

describeStorages('who acts: operator sessions on the server', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let home: TestWorkstation; // agency A: ana, ben (data holders), rex (central reader)
  let other: TestWorkstation; // agency B: cara
  let tin = 0;
  const newAgency = async (name: string, territory: string) =>
    (await addAgency(setup.admin, { name, kind: 'childrens_home', country: 'KG', territory, tin: `1${String(Date.now() % 1e9).padStart(9, '0')}${String((tin += 1)).padStart(4, '0')}` })).id;

  const { form } = pupilForm();
  const newPupil = (i: number, author: string): SyncChange => {
    const values = samplePupil(i);
    const sections: SyncChange['sections'] = {};
    for (const section of form.sections) sections[section.id] = Object.fromEntries(section.fields.filter((field) => field.id in values).map((field) => [field.id, values[field.id]]));
    return { changeId: crypto.randomUUID(), recordId: crypto.randomUUID(), formId: pupilFormId, formVersion: form.version, subjectId: null, baseRevision: 0, sections, author, at: new Date().toISOString(), reason: null, blobs: [] };
  };
  const push = (ws: TestWorkstation, changes: SyncChange[], headers: Record<string, string> = {}) => ws.call(syncRoutes.push, { pendingCount: changes.length, changes }, headers);
  const outcomes = (answer: RawAnswer) => value<{ outcomes: { outcome: string; code?: string }[] }>(answer).outcomes;
  const pulledIds = async (ws: TestWorkstation, token: string, body: object = {}) => {
    const answer = await ws.call(syncRoutes.pull, { cursor: 0, limit: 1000, ...body }, asSession(token));
    expect(answer.status, answer.body).toBe(200);
    return value<{ records: { id: string; agency: { id: string; territory?: string } }[] }>(answer).records;
  };
  const count = async (sql: string) => Number((await setup.admin.db.query<{ n: string }>(sql)).rows[0]?.n);

  let anaPupil: SyncChange;
  let caraPupil: SyncChange;
  const blobId = crypto.randomUUID();

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    const a = await newAgency('Бишкек балдар үйү', '41711');
    const b = await newAgency('Нарын балдар үйү', '41721');
    home = await testWorkstation(setup, server, a, ['ana', 'ben', { username: 'rex', role: 'central_reader' }]);
    other = await testWorkstation(setup, server, b, ['cara']);
    anaPupil = newPupil(1, 'ana');
    caraPupil = newPupil(2, 'cara');
    expect(outcomes(await push(home, [anaPupil], asSession(await home.session('ana'))))).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    expect(outcomes(await push(other, [caraPupil], asSession(await other.session('cara'))))).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    await setup.admin.db.query("INSERT INTO blobs (id, mime_type, sha256, data_base64, agency_id, received_at) VALUES ($1, 'image/png', $2, 'AAAA', $3, now())", [blobId, 'a'.repeat(64), a]);
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  it('answers a sign-in with a session, the account keys and a statement the profile’s server certificate verifies', async () => {
    // The server's clock is the test's: the session's twelve hours are exact, however slow the machine.
    const at = new Date();
    server.setNow(at);
    const answer = await home.call(serverRoutes.signIn, { username: 'ana', password: home.passwords.ana }).finally(() => server.setNow(null));
    expect(answer.status).toBe(200);
    const result = signInResultSchema.parse(value(answer));
    expect(result.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(result.session.expiresAt) - at.getTime()).toBe(12 * 3_600_000);
    const statement = verifyStatement(home.body.server.certPem, result.statement);
    expect(statement).toMatchObject({ workstationId: home.id, username: 'ana', credentialId: credentialIdOf(result.account), disabled: false, mustChangePassword: true });
    // Only the token's hash is kept.
    expect(await count(`SELECT count(*) AS n FROM operator_sessions WHERE token_hash = '${crypto.createHash('sha256').update(result.session.token).digest('hex')}'`)).toBe(1);
    expect(JSON.stringify((await setup.admin.db.query('SELECT * FROM operator_sessions')).rows)).not.toContain(result.session.token);
  });

  it('reads nothing and writes nothing with a certificate and no session (none, forged, another workstation’s, signed out)', async () => {
    const records = await count('SELECT count(*) AS n FROM records');
    const revisions = await count('SELECT count(*) AS n FROM record_revisions');
    const caraToken = await other.session('cara');
    const signedOut = await home.session('ben');
    expect(value(await home.call(serverRoutes.signOut, {}, asSession(signedOut)))).toEqual({ ended: true });
    for (const headers of [{}, asSession('x'.repeat(43)), asSession(caraToken), asSession(signedOut), { [sessionHeader]: '' }]) {
      const pulled = await home.call(syncRoutes.pull, { cursor: 0, limit: 1000, operator: 'rex' }, headers);
      const photos = await home.call(syncRoutes.blobs, { ids: [blobId], operator: 'ana' }, headers);
      const pushed = await push(home, [newPupil(3, 'ana')], headers);
      for (const answer of [pulled, photos, pushed]) {
        expect(answer.status, answer.body).toBe(401);
        expect(code(answer)).toBe('SESSION_REQUIRED');
        expect(answer.body).not.toContain(anaPupil.recordId);
      }
    }
    expect(await count('SELECT count(*) AS n FROM records')).toBe(records);
    expect(await count('SELECT count(*) AS n FROM record_revisions')).toBe(revisions);
    // With ana's session the same photo is served.
    const photos = await home.call(syncRoutes.blobs, { ids: [blobId] }, asSession(await home.session('ana')));
    expect(value<{ blobs: { id: string }[] }>(photos).blobs.map((blob) => blob.id)).toEqual([blobId]);
  });

  it('takes the reader from the session: a body naming the central reader changes nothing', async () => {
    const ana = await home.session('ana');
    const asAna = await pulledIds(home, ana, { operator: 'rex' });
    expect(asAna.map((record) => record.id)).toContain(anaPupil.recordId);
    expect(asAna.map((record) => record.id)).not.toContain(caraPupil.recordId);
    const asRex = await pulledIds(home, await home.session('rex'), { operator: 'ana' });
    expect(asRex.map((record) => record.id)).toEqual(expect.arrayContaining([anaPupil.recordId, caraPupil.recordId]));
    // The holder travels with each record (the workstation filters each operator's reads by it).
    expect(asRex.find((record) => record.id === caraPupil.recordId)?.agency).toMatchObject({ id: other.agencyId, territory: '41721', department: null });
    const audit = await setup.admin.db.query<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'sync.pull' AND target = $1 ORDER BY id DESC LIMIT 2", [home.id]);
    expect(audit.rows.map((row) => row.actor)).toEqual(['rex', 'ana']);
  });

  it('records who pushed beside who wrote, and refuses changes by authors disabled, of another workstation, or unknown', async () => {
    const third = await testWorkstation(setup, server, home.agencyId, ['dilya', 'emil']);
    const dilya = await third.session('dilya');
    const byEmil = newPupil(4, 'emil');
    expect(outcomes(await push(third, [byEmil], asSession(dilya)))).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    const revision = await setup.admin.db.query<{ author: string; pushed_by: string }>('SELECT author, pushed_by FROM record_revisions WHERE change_id = $1', [byEmil.changeId]);
    expect(revision.rows).toEqual([{ author: 'emil', pushed_by: 'dilya' }]);
    const audit = await setup.admin.db.query<{ actor: string; details: { authors?: string[] } }>("SELECT actor, details FROM audit_log WHERE action = 'sync.push' AND target = $1 ORDER BY id DESC LIMIT 1", [third.id]);
    expect(audit.rows[0]).toMatchObject({ actor: 'dilya', details: { authors: ['emil'] } });

    await disableUser(setup.admin, { username: 'emil', reason: 'left the agency' });
    const late = newPupil(5, 'emil');
    const answer = await push(third, [late, newPupil(6, 'ana'), newPupil(7, 'nobody.here'), newPupil(8, 'dilya')], asSession(dilya));
    expect(outcomes(answer)).toEqual([
      expect.objectContaining({ outcome: 'rejected', code: 'AUTHOR_NOT_ALLOWED' }),
      expect.objectContaining({ outcome: 'rejected', code: 'AUTHOR_NOT_ALLOWED' }),
      expect.objectContaining({ outcome: 'rejected', code: 'UNKNOWN_AUTHOR' }),
      expect.objectContaining({ outcome: 'accepted' }),
    ]);
    expect(await count(`SELECT count(*) AS n FROM records WHERE id = '${late.recordId}'`)).toBe(0);
    const refused = await setup.admin.db.query<{ actor: string; details: { pushedBy?: string; code?: string } }>("SELECT actor, details FROM audit_log WHERE action = 'sync.refused' AND target = $1", [late.recordId]);
    expect(refused.rows).toEqual([expect.objectContaining({ actor: 'emil', details: expect.objectContaining({ pushedBy: 'dilya', code: 'AUTHOR_NOT_ALLOWED' }) as unknown })]);
  });

  it('ends access with the account: a disabled operator’s session, a reset password’s session, an expired account', async () => {
    const ws = await testWorkstation(setup, server, home.agencyId, ['fara', 'gani', 'hana']);
    const fara = await ws.session('fara');
    const gani = await ws.session('gani');
    const hana = await ws.session('hana');
    await disableUser(setup.admin, { username: 'fara', reason: 'on leave' });
    expect(code(await ws.call(syncRoutes.pull, { cursor: 0 }, asSession(fara)))).toMatch(/^(USER_DISABLED|SESSION_REQUIRED)$/);
    await resetPassword(setup.admin, { username: 'gani' });
    expect(code(await ws.call(syncRoutes.pull, { cursor: 0 }, asSession(gani)))).toBe('SESSION_REQUIRED');
    expect((await ws.call(syncRoutes.pull, { cursor: 0 }, asSession(hana))).status).toBe(200);
    server.setNow(new Date(Date.now() + 31 * 86_400_000));
    try {
      expect(code(await ws.call(syncRoutes.pull, { cursor: 0 }, asSession(hana)))).toMatch(/^(USER_EXPIRED|SESSION_REQUIRED)$/);
    } finally {
      server.setNow(null);
    }
    // A session expires after twelve hours whatever the account.
    server.setNow(new Date(Date.now() + 12 * 3_600_000 + 1000));
    try {
      expect(code(await ws.call(syncRoutes.pull, { cursor: 0 }, asSession(hana)))).toBe('SESSION_REQUIRED');
    } finally {
      server.setNow(null);
    }
    // Still refused when the account state is checked on its own (the session row left live).
    await setup.admin.db.query("UPDATE operator_sessions SET ended_at = NULL WHERE username = 'fara'");
    expect(code(await ws.call(syncRoutes.pull, { cursor: 0 }, asSession(fara)))).toBe('USER_DISABLED');
  });

  it('unwraps an escrowed cache key only for a session of the workstation it was escrowed for', async () => {
    const dataKey = crypto.randomBytes(32);
    const escrow = (key: Buffer, workstationId: string) =>
      crypto.publicEncrypt({ key: home.body.server.certPem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: Buffer.from(cacheEscrowLabel(workstationId)) }, key).toString('base64');
    expect(code(await home.call(serverRoutes.cacheKey, { escrow: escrow(dataKey, home.id) }))).toBe('SESSION_REQUIRED');
    const ana = asSession(await home.session('ana'));
    const answer = await home.call(serverRoutes.cacheKey, { escrow: escrow(dataKey, home.id) }, ana);
    expect(value(answer)).toEqual({ dataKey: dataKey.toString('base64') });
    // Another workstation's escrow (a stolen data folder), a short key, garbage: refused.
    const cara = asSession(await other.session('cara'));
    expect(code(await other.call(serverRoutes.cacheKey, { escrow: escrow(dataKey, home.id) }, cara))).toBe('INVALID_INPUT');
    expect(code(await home.call(serverRoutes.cacheKey, { escrow: escrow(crypto.randomBytes(16), home.id) }, ana))).toBe('INVALID_INPUT');
    expect(code(await home.call(serverRoutes.cacheKey, { escrow: Buffer.alloc(256, 1).toString('base64') }, ana))).toBe('INVALID_INPUT');
    const audit = await setup.admin.db.query<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'session.cacheKey' AND target = $1", [home.id]);
    expect(audit.rows).toEqual([{ actor: 'ana' }]);
  });

  it('states every operator of the workstation, disabled and reset ones too, signed by the server', async () => {
    const ws = await testWorkstation(setup, server, home.agencyId, ['ilka', 'jana', 'kemal']);
    const credentialAtIssue = (username: string) => {
      const operator = ws.secret.operators.find((candidate) => candidate.username === username);
      return operator ? credentialIdOf(operator.account) : '';
    };
    await disableUser(setup.admin, { username: 'ilka', reason: 'on leave' });
    await resetPassword(setup.admin, { username: 'jana' });
    // An account made before account keys: no credential to state.
    await setup.admin.db.query("UPDATE users SET account_kdf = NULL, sign_pub = NULL, wrap_pub = NULL WHERE username = 'kemal'");
    const answer = await ws.call(serverRoutes.operators);
    expect(answer.status).toBe(200);
    const operators = value<{ operators: { username: string; statement: unknown }[] }>(answer).operators;
    expect(operators.map((operator) => operator.username)).toEqual(['ilka', 'jana']);
    const stated = operators.map((operator) => verifyStatement(ws.body.server.certPem, signedStatementSchema.parse(operator.statement)));
    expect(stated[0]).toMatchObject({ workstationId: ws.id, username: 'ilka', disabled: true, credentialId: credentialAtIssue('ilka') });
    expect(stated[1]).toMatchObject({ username: 'jana', disabled: false, mustChangePassword: true });
    expect(stated[1]?.credentialId).not.toBe(credentialAtIssue('jana'));
    // A statement edited on the way (or on disk) does not verify.
    const signed = signedStatementSchema.parse(operators[0]?.statement);
    const edited = Buffer.from(Buffer.from(signed.statement, 'base64').toString('utf8').replace('"disabled":true', '"disabled":false')).toString('base64');
    expect(verifyStatement(ws.body.server.certPem, { ...signed, statement: edited })).toBeNull();
  });

  it('records the first data folder a workstation is seen from and refuses a copy of it', async () => {
    const ws = await testWorkstation(setup, server, home.agencyId, ['lola']);
    const first = crypto.randomBytes(18).toString('base64url');
    const copy = crypto.randomBytes(18).toString('base64url');
    expect((await ws.call(serverRoutes.workstationStatus, undefined, { [installHeader]: first })).status).toBe(200);
    const token = await ws.session('lola');
    expect((await ws.call(syncRoutes.pull, { cursor: 0 }, { ...asSession(token), [installHeader]: first })).status).toBe(200);
    for (const [route, body] of [[serverRoutes.workstationStatus, undefined], [serverRoutes.signIn, { username: 'lola', password: ws.passwords.lola }], [syncRoutes.pull, { cursor: 0 }]] as const) {
      const answer = await ws.call(route, body, { ...asSession(token), [installHeader]: copy });
      expect(answer.status).toBe(403);
      expect(code(answer)).toBe('WORKSTATION_COPIED');
    }
    // A workstation older than the check sends no install id: let through.
    expect((await ws.call(syncRoutes.pull, { cursor: 0 }, asSession(token))).status).toBe(200);
    expect(code(await ws.call(serverRoutes.workstationStatus, undefined, { [installHeader]: 'bad id!' }))).toBe('INVALID_INPUT');
    const row = await setup.admin.db.query<{ install_id: string }>('SELECT install_id FROM workstations WHERE id = $1', [ws.id]);
    expect(row.rows[0]?.install_id).toBe(first);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'workstation.copied' AND target = '${ws.id}'`)).toBe(3);
  });
});
