import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '../../../shared/i18n/translator';
import { installHeader, minWorkstationVersionHeader, protocolHeader, serverRoutes, versionHeader } from '../../../shared/serverApi/serverApi';
import { appVersion } from '../../../src-main/appVersion';
import { buildServerApp } from '../../../src-server/http/serverApp';
import { FailureThrottle } from '../../../src-server/http/failureThrottle';
import { Refusal, refusalBody } from '../../../src-server/http/refusal';
import { admit, checkInstall, type KnownWorkstation } from '../../../src-server/http/workstationGuard';
import { registerVersionGate } from '../../../src-server/http/versionGate';
import { silentServerLogger } from '../../../src-server/log/serverLogger';
import { describeStorages } from '../../support/serverStorage';
import { certHeader, codeOf, errorOf, fakeCertificates, startHarness, unauthorisedHeader, type Harness } from './httpHarness';

/*
 * Issue 22: the server's guards in src-server/http, each refusal pinned to its code — the
 * per-workstation throttle, the version gate, the certificate and data-folder checks, the
 * workstation's status, and the app's answers to malformed requests.
 */

const minute = 60_000;
const at = (ms: number) => new Date(Date.UTC(2026, 2, 2, 9) + ms);

describe('the failed sign-in throttle', () => {
  it('lets a workstation try up to the limit and makes it wait a whole window from its oldest failure', () => {
    const throttle = new FailureThrottle(3, 10 * minute);
    throttle.fail('ws-a', at(0));
    throttle.fail('ws-a', at(1 * minute));
    expect(throttle.blockedUntil('ws-a', at(2 * minute))).toBeNull();
    throttle.fail('ws-a', at(2 * minute));
    expect(throttle.blockedUntil('ws-a', at(3 * minute))).toEqual(at(10 * minute));
    // Another workstation is not slowed by it.
    expect(throttle.blockedUntil('ws-b', at(3 * minute))).toBeNull();
  });

  it('forgets a failure exactly one window after it', () => {
    const throttle = new FailureThrottle(2, 10 * minute);
    throttle.fail('ws-a', at(0));
    throttle.fail('ws-a', at(5 * minute));
    expect(throttle.blockedUntil('ws-a', at(10 * minute - 1))).toEqual(at(10 * minute));
    expect(throttle.blockedUntil('ws-a', at(10 * minute))).toBeNull();
    // The forgotten failure no longer counts towards the next block.
    throttle.fail('ws-a', at(11 * minute));
    expect(throttle.blockedUntil('ws-a', at(11 * minute))).toEqual(at(15 * minute));
  });

  it('by default allows twenty failures in ten minutes', () => {
    const throttle = new FailureThrottle();
    for (let n = 0; n < 19; n += 1) throttle.fail('ws-a', at(n * 1000));
    expect(throttle.blockedUntil('ws-a', at(30_000))).toBeNull();
    throttle.fail('ws-a', at(30_000));
    expect(throttle.blockedUntil('ws-a', at(31_000))).toEqual(at(10 * minute));
  });
});

describe('a refusal as the workstation reads it', () => {
  const describeCode = (code: string, params?: Record<string, string>) => `${code}:${JSON.stringify(params)}`;

  it('names the wrong value after the sentence and leaves out what it does not carry', () => {
    const refusal = new Refusal('INVALID_INPUT', { params: { detail: 'kdf' } });
    expect(refusal.name).toBe('Refusal');
    expect(refusal.message).toBe('INVALID_INPUT');
    expect(refusalBody(refusal, describeCode)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'INVALID_INPUT:{"reason":"","retryAfter":"","detail":"kdf"} (kdf)' },
    });
    expect(refusalBody(new Refusal('INTERNAL'), describeCode)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'INTERNAL:{"reason":"","retryAfter":""}' } });
  });

  it('carries the reason, the time to retry and the versions', () => {
    expect(refusalBody(new Refusal('WORKSTATION_SUSPENDED', { reason: 'audit' }), describeCode).error).toEqual({ code: 'WORKSTATION_SUSPENDED', message: 'WORKSTATION_SUSPENDED:{"reason":"audit","retryAfter":""}', reason: 'audit' });
    expect(refusalBody(new Refusal('USER_LOCKED', { retryAfter: '2026-01-01T00:00:00.000Z' }), describeCode).error).toEqual({
      code: 'USER_LOCKED',
      message: 'USER_LOCKED:{"reason":"","retryAfter":"2026-01-01T00:00:00.000Z"}',
      retryAfter: '2026-01-01T00:00:00.000Z',
    });
    expect(refusalBody(new Refusal('WORKSTATION_OUTDATED', { versions: { current: '0.0.9', required: '0.1.0' } }), describeCode).error).toEqual({
      code: 'WORKSTATION_OUTDATED',
      message: 'WORKSTATION_OUTDATED:{"reason":"","retryAfter":"","current":"0.0.9","required":"0.1.0"}',
      current: '0.0.9',
      required: '0.1.0',
    });
  });
});

describe('what a workstation’s status admits', () => {
  const ws = (status: KnownWorkstation['status'], reason: string | null = 'stolen'): KnownWorkstation => ({ id: 'ws-x', agencyId: 'a', status, reason });
  it('shows every workstation its status, and refuses a revoked or suspended one everything else, with the reason', () => {
    for (const status of ['active', 'restricted', 'suspended', 'revoked'] as const) expect(() => admit(ws(status), 'status')).not.toThrow();
    for (const access of ['account', 'read', 'write'] as const) {
      expect(() => admit(ws('revoked'), access)).toThrow(expect.objectContaining({ code: 'WORKSTATION_REVOKED', extra: { reason: 'stolen' } }));
      expect(() => admit(ws('suspended', null), access)).toThrow(expect.objectContaining({ code: 'WORKSTATION_SUSPENDED', extra: { reason: '' } }));
      expect(() => admit(ws('active'), access)).not.toThrow();
    }
  });
  it('lets a restricted workstation sign in and read, never write', () => {
    expect(() => admit(ws('restricted'), 'account')).not.toThrow();
    expect(() => admit(ws('restricted'), 'read')).not.toThrow();
    expect(() => admit(ws('restricted'), 'write')).toThrow(expect.objectContaining({ code: 'WORKSTATION_RESTRICTED', extra: { reason: 'stolen' } }));
  });
});

describe('the version gate set-up', () => {
  it('refuses to start with a minimum that is not a release', async () => {
    const { default: Fastify } = await import('fastify');
    expect(() => registerVersionGate(Fastify(), { minWorkstationVersion: 'soon', log: silentServerLogger })).toThrow('minWorkstationVersion is not a release version: soon');
  });
});

describeStorages('the server’s guards, in process', (storage) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(storage, {
      minWorkstationVersion: '0.1.0',
      beforeReady: (routes) => {
        routes.post('/v1/test/write', 'write', () => Promise.resolve({ written: true }));
        routes.post('/v1/test/small', 'write', () => Promise.resolve({ small: true }), { bodyLimit: 100 });
        routes.get('/v1/test/boom', 'status', () => Promise.reject(new Error('database gone')));
        routes.get('/v1/test/teapot', 'status', () => Promise.reject(Object.assign(new Error('client'), { statusCode: 400 })));
        routes.get('/v1/test/unavailable', 'status', () => Promise.reject(Object.assign(new Error('upstream'), { statusCode: 500 })));
      },
    });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  describe('version gate', () => {
    const status = (headers: Record<string, string>) => h.request(null, 'GET', serverRoutes.workstationStatus, undefined, headers);

    it('refuses a missing, garbled or older release before anything else, naming both versions', async () => {
      h.logLines.length = 0;
      for (const [version, shown] of [
        [undefined, '?'],
        ['0.0.9', '0.0.9'],
        ['not a version', '?'],
        ['0.1.0-rc.1', '0.1.0-rc.1'],
        ['', '?'],
        [`0.0.1-${'a'.repeat(35)}`, '?'],
      ] as const) {
        const answer =
          version === undefined
            ? await h.app.inject({ method: 'GET', url: serverRoutes.workstationStatus }).then((raw) => ({ status: raw.statusCode, json: raw.json<Record<string, unknown>>(), headers: raw.headers }))
            : await h.request(null, 'GET', serverRoutes.workstationStatus, undefined, { [versionHeader]: version });
        expect(answer.status, String(version)).toBe(403);
        expect(errorOf(answer), String(version)).toMatchObject({ code: 'WORKSTATION_OUTDATED', current: shown, required: '0.1.0' });
        expect(answer.headers[minWorkstationVersionHeader]).toBe('0.1.0');
      }
      expect(h.logLines).toContain('warn refused a workstation release 0.0.9 (the oldest served is 0.1.0)');
    });

    it('shows a version of exactly forty plain characters as sent', async () => {
      const short = `0.0.1-${'a'.repeat(34)}`;
      expect(errorOf(await status({ [versionHeader]: short }))).toMatchObject({ code: 'WORKSTATION_OUTDATED', current: short });
    });

    it('lets the minimum and newer releases through, with or without a protocol it speaks', async () => {
      for (const headers of [{ [versionHeader]: '0.1.0' }, { [versionHeader]: '0.2.0', [protocolHeader]: '1' }] as Record<string, string>[]) {
        // Past the gate: the certificate check answers.
        expect(codeOf(await status(headers))).toBe('WORKSTATION_UNKNOWN');
      }
      const bare = await h.app.inject({ method: 'GET', url: serverRoutes.workstationStatus, headers: { [versionHeader]: '0.1.0' } });
      expect(bare.json()).toMatchObject({ error: { code: 'WORKSTATION_UNKNOWN' } });
    });

    it('refuses a protocol it no longer speaks as outdated, and a garbled or newer one as invalid', async () => {
      h.logLines.length = 0;
      const zero = await status({ [protocolHeader]: '0' });
      expect(zero.status).toBe(403);
      expect(errorOf(zero)).toMatchObject({ code: 'WORKSTATION_OUTDATED', required: '0.1.0' });
      expect(h.logLines).toContain('warn refused a workstation speaking protocol 0 (this server speaks 1; lowest 1)');
      for (const protocol of ['2', '01', 'one', '1a', '10000', '9999', '']) {
        const answer = await status({ [protocolHeader]: protocol });
        expect(answer.status, protocol).toBe(400);
        expect(errorOf(answer).message, protocol).toBe('The request is not valid. (x-bala-protocol)');
      }
    });
  });

  describe('the app', () => {
    it('answers every request with no-store, nosniff and the minimum release', async () => {
      const answer = await h.request(null, 'GET', '/v1/no/such/route');
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such address on the server.' } });
      expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', [minWorkstationVersionHeader]: '0.1.0' });
    });

    it('logs one line per request: method, route, status and workstation, nothing of the body', async () => {
      const ws = await h.workstation();
      h.logLines.length = 0;
      await h.request(ws, 'POST', '/v1/test/write', { secret: 'Садыкова' });
      await h.request(null, 'GET', '/v1/no/such/route');
      expect(h.logLines[0]).toMatch(new RegExp(`^info POST /v1/test/write 200 ${ws.id} \\d+ms$`));
      expect(h.logLines[1]).toMatch(/^info GET unknown-route 404 - \d+ms$/);
      expect(h.logLines.join('\n')).not.toContain('Садыкова');
    });

    it('answers a client’s mistakes with INVALID_INPUT, an oversized body with 413, and its own failures with 500, logged', async () => {
      const ws = await h.workstation();
      const malformed = await h.request(ws, 'POST', '/v1/test/write', '{"a": ');
      expect([malformed.status, codeOf(malformed)]).toEqual([400, 'INVALID_INPUT']);
      const clientError = await h.request(ws, 'GET', '/v1/test/teapot');
      expect([clientError.status, codeOf(clientError)]).toEqual([400, 'INVALID_INPUT']);
      const limit = 64 * 1024;
      const padded = (size: number) => JSON.stringify({ pad: 'x'.repeat(size - 10) });
      expect(padded(limit)).toHaveLength(limit);
      expect((await h.request(ws, 'POST', '/v1/test/write', padded(limit))).status).toBe(200);
      const oversized = await h.request(ws, 'POST', '/v1/test/write', padded(limit + 1));
      expect([oversized.status, codeOf(oversized)]).toEqual([413, 'INVALID_INPUT']);
      const small = await h.request(ws, 'POST', '/v1/test/small', padded(101));
      expect([small.status, codeOf(small)]).toEqual([413, 'INVALID_INPUT']);
      expect((await h.request(ws, 'POST', '/v1/test/small', padded(100))).status).toBe(200);
      h.logLines.length = 0;
      for (const route of ['/v1/test/boom', '/v1/test/unavailable']) {
        const failed = await h.request(ws, 'GET', route);
        expect(failed.status, route).toBe(500);
        expect(failed.json, route).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the server.' } });
      }
      expect(h.logLines.filter((line) => line.startsWith('error'))).toEqual(['error GET /v1/test/boom failed', 'error GET /v1/test/unavailable failed']);
    });

    it('refuses a body nested too deep before any route reads it, naming the problem', async () => {
      const ws = await h.workstation();
      let deep: unknown = 'x';
      for (let n = 0; n < 200; n += 1) deep = [deep];
      const answer = await h.request(ws, 'POST', '/v1/test/write', { deep });
      expect(answer.status).toBe(400);
      expect(errorOf(answer).message).toMatch(/^The request is not valid\. \(.+\)$/);
    });
  });

  describe('the certificate and the data folder', () => {
    it('refuses a client the handshake did not authorise, or without a fingerprint, or one naming no workstation', async () => {
      const ws = await h.workstation();
      const unauthorised = await h.request(ws, 'GET', serverRoutes.workstationStatus, undefined, { [unauthorisedHeader]: '1' });
      expect([unauthorised.status, codeOf(unauthorised)]).toEqual([403, 'WORKSTATION_UNKNOWN']);
      expect(codeOf(await h.request(null, 'GET', serverRoutes.workstationStatus))).toBe('WORKSTATION_UNKNOWN');
      const stranger = await h.request({ fingerprint256: ws.fingerprint256.replace(/^../, ws.fingerprint256.startsWith('AA') ? 'BB' : 'AA') }, 'GET', serverRoutes.workstationStatus);
      expect(errorOf(stranger)).toEqual({ code: 'WORKSTATION_UNKNOWN', message: 'This workstation’s certificate is not registered on the server.' });
      const known = await h.request(ws, 'GET', serverRoutes.workstationStatus);
      expect(known.json).toEqual({ ok: true, value: { workstationId: ws.id, status: 'active', reason: null, serverTime: h.now.value.toISOString() } });
    });

    it('records the first data folder, lets it back in, and refuses and audits another', async () => {
      const ws = await h.workstation();
      const folder = 'folder_A-0123456789';
      const write = (install: string | string[] | undefined) => h.request(ws, 'POST', '/v1/test/write', {}, install === undefined ? {} : { [installHeader]: install });
      expect(codeOf(await write(undefined))).toBe('ok');
      expect(codeOf(await write(folder))).toBe('ok');
      const { rows } = await h.db.query<{ install_id: string; install_seen_at: Date }>('SELECT install_id, install_seen_at FROM workstations WHERE id = $1', [ws.id]);
      expect(rows[0]).toEqual({ install_id: folder, install_seen_at: h.now.value });
      expect(codeOf(await write(folder))).toBe('ok');
      // An old workstation sending no install id is let through.
      expect(codeOf(await write(undefined))).toBe('ok');
      const copy = await write('folder_B-0123456789');
      expect([copy.status, codeOf(copy)]).toEqual([403, 'WORKSTATION_COPIED']);
      const audit = await h.db.query<{ actor: string; action: string; details: unknown }>("SELECT actor, action, details FROM audit_log WHERE target = $1 AND action = 'workstation.copied'", [ws.id]);
      expect(audit.rows).toEqual([{ actor: `workstation:${ws.id}`, action: 'workstation.copied', details: { refused: 'WORKSTATION_COPIED' } }]);
    });

    it('refuses a request naming two data folders', async () => {
      const ws = await h.workstation();
      const twice = await h.request(ws, 'GET', serverRoutes.workstationStatus, undefined, { [installHeader]: ['folder_A-0123456789', 'folder_B-0123456789'] });
      expect([twice.status, errorOf(twice).message]).toEqual([400, 'The request is not valid. (x-bala-install)']);
      const { rows } = await h.db.query<{ install_id: string | null }>('SELECT install_id FROM workstations WHERE id = $1', [ws.id]);
      expect(rows[0]?.install_id).toBeNull();
    });

    it('refuses an install id that is not 16 to 64 plain characters', async () => {
      const ws = await h.workstation();
      for (const install of ['a'.repeat(15), 'a'.repeat(65), `${'a'.repeat(16)}!`, `x${'a'.repeat(16)}`.replace('x', ' ')]) {
        const answer = await h.request(ws, 'GET', serverRoutes.workstationStatus, undefined, { [installHeader]: install });
        expect([answer.status, errorOf(answer).message], install).toEqual([400, 'The request is not valid. (x-bala-install)']);
      }
      for (const install of ['a'.repeat(16), 'b'.repeat(64)]) {
        const other = await h.workstation();
        expect(codeOf(await h.request(other, 'GET', serverRoutes.workstationStatus, undefined, { [installHeader]: install })), install).toBe('ok');
      }
    });

    it('checks the folder another request recorded first against this one', async () => {
      const ws = await h.workstation();
      await h.db.query('UPDATE workstations SET install_id = $2 WHERE id = $1', [ws.id, 'recorded-by-other-1']);
      // This request read the workstation before the other one recorded its folder.
      const stale = (): KnownWorkstation => ({ id: ws.id, agencyId: ws.agencyId, status: 'active', reason: null, installId: null });
      await expect(checkInstall(h.db, stale(), 'recorded-by-other-1', h.now.value)).resolves.toBeUndefined();
      await expect(checkInstall(h.db, stale(), 'another-folder-22', h.now.value)).rejects.toMatchObject({ code: 'WORKSTATION_COPIED' });
      const { rows } = await h.db.query<{ install_id: string }>('SELECT install_id FROM workstations WHERE id = $1', [ws.id]);
      expect(rows[0]?.install_id).toBe('recorded-by-other-1');
    });
  });

  describe('the default throttles', () => {
    it('slow one account name guessed from ten workstations for five minutes, and one workstation after twenty failures for ten', async () => {
      const { app } = buildServerApp({ db: h.db, pki: h.setup.pki, t: translatorFor('en'), now: () => h.now.value });
      fakeCertificates(app);
      await app.ready();
      const base = new Date('2026-04-01T08:00:00.000Z');
      const signIn = async (ws: { fingerprint256: string }, username: string, atMs: number) => {
        h.now.value = new Date(base.getTime() + atMs);
        const answer = await app.inject({ method: 'POST', url: serverRoutes.signIn, headers: { [versionHeader]: appVersion, [certHeader]: ws.fingerprint256 }, payload: { username, password: 'Guess-password-1' } });
        return answer.json<{ error: { code: string; retryAfter?: string } }>().error;
      };
      try {
        for (let n = 0; n < 10; n += 1) expect((await signIn(await h.workstation(), 'guessed-name', n * 1000)).code).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
        expect(await signIn(await h.workstation(), 'guessed-name', 10_000)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfter: new Date(base.getTime() + 5 * minute).toISOString(), message: expect.any(String) as unknown });
        const ws = await h.workstation();
        for (let n = 0; n < 20; n += 1) expect((await signIn(ws, `other-name-${n}`, n * 1000)).code).toBe('USER_UNKNOWN_OR_WRONG_PASSWORD');
        expect(await signIn(ws, 'other-name-20', 20_000)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: new Date(base.getTime() + 10 * minute).toISOString() });
      } finally {
        h.now.value = new Date('2026-03-02T09:00:00.000Z');
        await app.close();
      }
    });
  });

  describe('the workstation’s status', () => {
    it('lets a suspended or revoked workstation see its status and nothing else; a restricted one reads but does not write', async () => {
      for (const status of ['suspended', 'revoked', 'restricted'] as const) {
        const ws = await h.workstation({ status, reason: `why ${status}` });
        const own = await h.request(ws, 'GET', serverRoutes.workstationStatus);
        expect(own.json, status).toMatchObject({ ok: true, value: { status, reason: `why ${status}` } });
        const write = await h.request(ws, 'POST', '/v1/test/write', {});
        expect([write.status, errorOf(write).code, errorOf(write).reason], status).toEqual([403, `WORKSTATION_${status.toUpperCase()}`, `why ${status}`]);
      }
    });
  });
});
