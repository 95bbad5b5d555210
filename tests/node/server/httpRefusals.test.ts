import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { serverRoutes, signInResultSchema, workstationStatusSchema } from '../../../shared/serverApi/serverApi';
import { disableUser } from '../../../src-server/admin/users';
import { changeWorkstationStatus } from '../../../src-server/admin/workstations';
import { FailureThrottle } from '../../../src-server/http/failureThrottle';
import { testAgency, testServerSetup, testWorkstation, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, rawRequest, type RawAnswer, type TestHttpServer } from '../../support/serverHttp';
import { clientCertificate, foreignCa } from '../../support/serverPki';
import { describeStorages } from '../../support/serverStorage';

const day = 86_400_000;

type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'refused'; error: { code: string; message: string; reason?: string; retryAfter?: string } };
function outcome<T>(answer: RawAnswer, schema: z.ZodType<T>): Outcome<T> {
  const json = answer.json as { ok?: boolean; value?: unknown; error?: Extract<Outcome<T>, { kind: 'refused' }>['error'] } | null;
  if (json?.ok) return { kind: 'ok', value: schema.parse(json.value) };
  if (json?.error) return { kind: 'refused', error: json.error };
  throw new Error(`not an answer: ${answer.status} ${answer.body.slice(0, 200)}`);
}

describeStorages('server HTTPS API with mutual TLS', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let agencyId: string;
  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki, {
      throttle: new FailureThrottle(12, 60_000),
      beforeListen: (routes) => routes.post('/v1/test/write', 'write', () => Promise.resolve({ written: true })),
    });
    agencyId = (await testAgency(setup.admin)).id;
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  /** A workstation issued for the given users, as the workstation would connect with its profile (raw HTTPS, answers as { kind }). */
  async function workstationFor(...usernames: string[]) {
    const ws = await testWorkstation(setup, server, agencyId, usernames);
    const request = async <T>(method: 'GET' | 'POST', route: string, body: unknown, schema: z.ZodType<T>) => outcome(await ws.call(route, method === 'GET' ? undefined : body), schema);
    const signIn = (username: string, password: string) => request('POST', serverRoutes.signIn, { username, password }, signInResultSchema);
    return { id: ws.id, tls: ws.tls, passwords: ws.passwords, signIn, request };
  }

  it('lets a registered workstation in: status, and sign-in with the generated password', async () => {
    const ws = await workstationFor('asel');
    const status = await ws.request('GET', serverRoutes.workstationStatus, undefined, workstationStatusSchema);
    expect(status).toMatchObject({ kind: 'ok', value: { workstationId: ws.id, status: 'active', reason: null } });
    const signedIn = await ws.signIn(' ASEL ', ws.passwords.asel ?? '');
    expect(signedIn).toMatchObject({ kind: 'ok', value: { user: { username: 'asel', agencyId, role: 'data_holder', mustChangePassword: true } } });
  });

  it('fails the TLS handshake for a client without a certificate or with one from another CA', async () => {
    const caPem = setup.pki.ca.certPem;
    // TLS 1.3 reports the server's refusal as an alert on the client's first read, or a reset.
    const tlsRefusal = /certificate|alert|ECONNRESET|socket hang up/i;
    await expect(rawRequest(server.url, serverRoutes.workstationStatus, { caPem })).rejects.toThrow(tlsRefusal);
    const stranger = clientCertificate(foreignCa(), 'ws-stranger');
    await expect(rawRequest(server.url, serverRoutes.workstationStatus, { caPem, keyPem: stranger.keyPem, certPem: stranger.certPem })).rejects.toThrow(tlsRefusal);
    expect(server.logLines.filter((line) => line.includes('TLS handshake refused')).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a certificate from this CA that names no issued workstation', async () => {
    const forged = clientCertificate(setup.pki.ca, 'ws-notissued');
    const answer = await rawRequest(server.url, serverRoutes.workstationStatus, { caPem: setup.pki.ca.certPem, keyPem: forged.keyPem, certPem: forged.certPem });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'WORKSTATION_UNKNOWN', message: expect.stringContaining('not registered') as unknown } });
  });

  it('refuses a suspended workstation with the administrator’s reason, but tells it its status', async () => {
    const ws = await workstationFor('bolot');
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'suspend', reason: 'virus attack on the central server' });
    expect(await ws.signIn('bolot', ws.passwords.bolot ?? '')).toEqual({
      kind: 'refused',
      error: { code: 'WORKSTATION_SUSPENDED', reason: 'virus attack on the central server', message: 'This workstation is suspended by the administrator: virus attack on the central server' },
    });
    const status = await ws.request('GET', serverRoutes.workstationStatus, undefined, workstationStatusSchema);
    expect(status).toMatchObject({ kind: 'ok', value: { status: 'suspended', reason: 'virus attack on the central server' } });
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'resume', reason: 'attack over' });
    expect(await ws.signIn('bolot', ws.passwords.bolot ?? '')).toMatchObject({ kind: 'ok' });
  });

  it('lets a restricted workstation sign in read-only and refuses its writes', async () => {
    const ws = await workstationFor('chynara');
    const write = () => ws.request('POST', '/v1/test/write', {}, z.object({ written: z.boolean() }));
    expect(await write()).toMatchObject({ kind: 'ok', value: { written: true } });
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'restrict', reason: 'wrong data were sent' });
    expect(await ws.signIn('chynara', 'wrong-password')).toMatchObject({ kind: 'refused', error: { code: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } });
    expect(await ws.signIn('chynara', ws.passwords.chynara ?? '')).toMatchObject({ kind: 'refused', error: { code: 'WORKSTATION_RESTRICTED', reason: 'wrong data were sent' } });
    expect(await write()).toMatchObject({ kind: 'refused', error: { code: 'WORKSTATION_RESTRICTED', reason: 'wrong data were sent' } });
  });

  it('refuses a revoked workstation everything', async () => {
    const ws = await workstationFor('daniyar');
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'revoke', reason: 'laptop stolen' });
    expect(await ws.signIn('daniyar', ws.passwords.daniyar ?? '')).toMatchObject({ kind: 'refused', error: { code: 'WORKSTATION_REVOKED', reason: 'laptop stolen' } });
  });

  it('locks an account after five wrong passwords, for fifteen minutes, counted in the database', async () => {
    const ws = await workstationFor('elnura');
    // The server's clock is the test's: the lock's end is exact, however slow the machine.
    const at = new Date();
    server.setNow(at);
    let locked: Awaited<ReturnType<typeof ws.signIn>>;
    try {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect(await ws.signIn('elnura', `wrong-${attempt}`)).toMatchObject({ kind: 'refused', error: { code: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } });
      }
      locked = await ws.signIn('elnura', ws.passwords.elnura ?? '');
    } finally {
      server.setNow(null);
    }
    expect(locked).toMatchObject({ kind: 'refused', error: { code: 'USER_LOCKED' } });
    const retryAfter = locked.kind === 'refused' ? Date.parse(locked.error.retryAfter ?? '') : 0;
    expect(retryAfter - at.getTime()).toBe(15 * 60_000);
    const { rows } = await setup.admin.db.query<{ locked_until: Date | null }>("SELECT locked_until FROM users WHERE username = 'elnura'");
    expect(rows[0]?.locked_until?.getTime()).toBe(retryAfter);

    server.setNow(new Date(retryAfter + 1000));
    try {
      expect(await ws.signIn('elnura', ws.passwords.elnura ?? '')).toMatchObject({ kind: 'ok' });
    } finally {
      server.setNow(null);
    }
  });

  it('refuses disabled, expired, unknown and other workstations’ users, each distinctly', async () => {
    const ws = await workstationFor('farida', 'gulnara');
    const other = await workstationFor('hasan');
    await disableUser(setup.admin, { username: 'farida', reason: 'on leave' });
    expect(await ws.signIn('farida', ws.passwords.farida ?? '')).toMatchObject({ kind: 'refused', error: { code: 'USER_DISABLED' } });
    expect(await ws.signIn('hasan', other.passwords.hasan ?? '')).toMatchObject({ kind: 'refused', error: { code: 'USER_NOT_ON_WORKSTATION' } });
    expect(await ws.signIn('nobody.at.all', 'whatever-1A')).toMatchObject({ kind: 'refused', error: { code: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } });
    server.setNow(new Date(Date.now() + 31 * day));
    try {
      expect(await ws.signIn('gulnara', ws.passwords.gulnara ?? '')).toMatchObject({ kind: 'refused', error: { code: 'USER_EXPIRED' } });
    } finally {
      server.setNow(null);
    }
  });

  it('changes a password online under the policy; the old one stops working', async () => {
    const ws = await workstationFor('ilyas');
    const old = ws.passwords.ilyas ?? '';
    const change = (newPassword: string, currentPassword = old) =>
      ws.request('POST', serverRoutes.changePassword, { username: 'ilyas', currentPassword, newPassword }, signInResultSchema);
    expect(await change('short')).toMatchObject({ kind: 'refused', error: { code: 'PASSWORD_POLICY' } });
    expect(await change('Better-Secret-42', 'not-the-password')).toMatchObject({ kind: 'refused', error: { code: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } });
    expect(await change('Better-Secret-42')).toMatchObject({ kind: 'ok', value: { user: { username: 'ilyas', mustChangePassword: false } } });
    expect(await ws.signIn('ilyas', old)).toMatchObject({ kind: 'refused', error: { code: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } });
    expect(await ws.signIn('ilyas', 'Better-Secret-42')).toMatchObject({ kind: 'ok', value: { user: { mustChangePassword: false } } });
  });

  // The offline password change (signed by the account key) is tested in accountSecrets.test.ts.

  it('answers malformed input with 400 INVALID_INPUT and unknown routes with 404, never 500', async () => {
    const ws = await workstationFor('kanat');
    const tls = ws.tls;
    const cases: [string, Parameters<typeof rawRequest>[2], number][] = [
      [serverRoutes.signIn, { ...tls, body: '{"username": "kanat", ' }, 400],
      [serverRoutes.signIn, { ...tls, body: '{"username": 42}' }, 400],
      [serverRoutes.signIn, { ...tls, body: '[]' }, 400],
      [serverRoutes.signIn, { ...tls, body: 'username=kanat', contentType: 'application/x-www-form-urlencoded' }, 400],
      [serverRoutes.signIn, { ...tls, body: 'plain words', contentType: 'text/plain' }, 400],
      [serverRoutes.signIn, { ...tls, method: 'POST' }, 400],
      [serverRoutes.signIn, { ...tls, body: JSON.stringify({ username: 'kanat', password: 'x'.repeat(100_000) }) }, 413],
      [serverRoutes.offlinePasswordChange, { ...tls, body: JSON.stringify({ username: 'kanat' }) }, 400],
      ['/v1/no/such/route', tls, 404],
    ];
    for (const [route, options, status] of cases) {
      const answer = await rawRequest(server.url, route, options);
      expect(answer.status, `${route} ${options.body ?? ''}`.slice(0, 80)).toBe(status);
      expect(answer.json).toMatchObject({ ok: false, error: { code: status === 404 ? 'NOT_FOUND' : 'INVALID_INPUT' } });
    }
  });

  it('slows a workstation that tries many passwords or names (beyond the per-account lock)', async () => {
    const ws = await workstationFor('lira');
    let answer = await ws.signIn('guess-0', 'Guess-0-password');
    for (let attempt = 1; attempt < 14 && !(answer.kind === 'refused' && answer.error.code === 'TOO_MANY_ATTEMPTS'); attempt += 1) {
      answer = await ws.signIn(`guess-${attempt}`, `Guess-${attempt}-password`);
    }
    expect(answer).toMatchObject({ kind: 'refused', error: { code: 'TOO_MANY_ATTEMPTS', retryAfter: expect.any(String) as unknown } });
    expect(await ws.signIn('lira', ws.passwords.lira ?? '')).toMatchObject({ kind: 'refused', error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('logs requests without passwords, names or bodies, and audits sign-ins', async () => {
    const ws = await workstationFor('madina');
    await ws.signIn('madina', 'Wrong-Password-99');
    await ws.signIn('madina', ws.passwords.madina ?? '');
    const log = server.logLines.join('\n');
    expect(log).toContain(`POST /v1/session/sign-in 200 ${ws.id}`);
    expect(log).toContain(`POST /v1/session/sign-in 401 ${ws.id}`);
    for (const secret of ['Wrong-Password-99', ws.passwords.madina ?? '?', 'madina', 'Бишкек']) expect(log).not.toContain(secret);
    const { rows } = await setup.admin.db.query<{ actor: string; action: string; details: unknown }>("SELECT actor, action, details FROM audit_log WHERE target = $1 ORDER BY id", [ws.id]);
    expect(rows.filter((row) => row.action === 'session.signIn')).toEqual([
      { actor: 'madina', action: 'session.signIn', details: { refused: 'USER_UNKNOWN_OR_WRONG_PASSWORD' } },
      { actor: 'madina', action: 'session.signIn', details: {} },
    ]);
  });
});
