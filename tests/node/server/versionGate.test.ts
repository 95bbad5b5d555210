import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translatorFor } from '../../../shared/i18n/translator';
import { compareRelease, isAtLeast, parseRelease } from '../../../shared/serverApi/releaseVersion';
import { minWorkstationVersionHeader, protocolHeader, serverRoutes, versionHeader } from '../../../shared/serverApi/serverApi';
import { syncRoutes } from '../../../shared/sync/syncProtocol';
import { appVersion } from '../../../src-main/appVersion';
import { serverRequest } from '../../../src-main/serverLink/serverClient';
import { serverConfigSchema } from '../../../src-server/config/serverConfig';
import { buildServerApp } from '../../../src-server/http/serverApp';
import { defaultMinWorkstationVersion } from '../../../src-server/http/versionGate';
import { testAgency, testServerSetup, testWorkstation, type TestServerSetup, type TestWorkstation } from '../../support/serverAdmin';
import { rawRequest, startTestHttpServer, type RawAnswer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';

describe('release versions', () => {
  const release = (text: string) => {
    const parsed = parseRelease(text);
    if (!parsed) throw new Error(`not a release: ${text}`);
    return parsed;
  };
  it('orders releases as semver does, a pre-release before its release', () => {
    const ordered = ['0.1.0', '0.1.1', '0.2.0-alpha', '0.2.0-alpha.1', '0.2.0-alpha.beta', '0.2.0-beta.2', '0.2.0-beta.11', '0.2.0-rc.1', '0.2.0', '0.10.0', '1.0.0'];
    for (let i = 1; i < ordered.length; i += 1) {
      expect(compareRelease(release(ordered[i - 1] ?? ''), release(ordered[i] ?? '')), `${ordered[i - 1]} < ${ordered[i]}`).toBe(-1);
      expect(compareRelease(release(ordered[i] ?? ''), release(ordered[i - 1] ?? ''))).toBe(1);
    }
    expect(compareRelease(release('0.2.0+build.7'), release('0.2.0'))).toBe(0);
  });
  it('parses no garbage, and garbage is never at least anything', () => {
    for (const text of ['', 'abc', '1', '1.2', '1.2.3.4', 'v1.2.3', ' 1.2.3', '1.2.3 ', '999999999999.1.1', '1.2.3-', '1.2.3-a..b', '01.2.3', '1.2.3,1.2.3', '1.2.3\n']) {
      expect(parseRelease(text), JSON.stringify(text)).toBeNull();
      expect(isAtLeast(text, release('0.0.0'))).toBe(false);
    }
    expect(parseRelease(appVersion)).not.toBeNull();
    expect(isAtLeast(undefined, release('0.0.0'))).toBe(false);
  });
  it('lets server.json raise the minimum, and only to a release version', () => {
    const base = { format: 'bala-server', version: 1, serverUrl: 'https://localhost:8443', tlsServerName: 'localhost', hosts: ['localhost'], storage: 'pglite', keyBits: 2048, createdAt: '2026-12-01T00:00:00.000Z' };
    expect(serverConfigSchema.parse(base).minWorkstationVersion).toBeUndefined();
    expect(serverConfigSchema.parse({ ...base, minWorkstationVersion: '0.2.0' }).minWorkstationVersion).toBe('0.2.0');
    expect(serverConfigSchema.safeParse({ ...base, minWorkstationVersion: 'latest' }).success).toBe(false);
    expect(parseRelease(defaultMinWorkstationVersion)).not.toBeNull();
    // This release serves itself.
    expect(isAtLeast(appVersion, release(defaultMinWorkstationVersion))).toBe(true);
  });
});

describeStorages('the server refuses workstations older than it serves', (storage) => {
  let setup: TestServerSetup;
  let lenient: TestHttpServer;
  let strict: TestHttpServer;
  let agencyId: string;
  const required = '99.0.0';

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    lenient = await startTestHttpServer(setup.admin.db, setup.pki);
    strict = await startTestHttpServer(setup.admin.db, setup.pki, { minWorkstationVersion: required });
    agencyId = (await testAgency(setup.admin)).id;
  });
  afterAll(async () => {
    await lenient.close();
    await strict.close();
    setup.cleanup();
  });

  const call = (ws: TestWorkstation, server: TestHttpServer, route: string, options: { body?: unknown; headers?: Record<string, string>; bare?: boolean; method?: 'GET' | 'POST'; raw?: string } = {}): Promise<RawAnswer> =>
    rawRequest(server.url, route, {
      ...ws.tls,
      ...(options.raw !== undefined ? { body: options.raw } : options.body === undefined ? { method: options.method ?? 'GET' } : { body: JSON.stringify(options.body) }),
      ...(options.method ? { method: options.method } : {}),
      headers: options.headers ?? {},
      ...(options.bare ? { bare: true } : {}),
    });

  const expectOutdated = (answer: RawAnswer, current: string) => {
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      ok: false,
      error: { code: 'WORKSTATION_OUTDATED', current, required, message: `This workstation runs Bala ${current}; the server serves ${required} and later. Install the new release on it.` },
    });
  };

  it('serves this release by default, and names its minimum on every answer', async () => {
    const ws = await testWorkstation(setup, lenient, agencyId, ['ainura']);
    const status = await call(ws, lenient, serverRoutes.workstationStatus);
    expect(status.status).toBe(200);
    const signIn = await call(ws, lenient, serverRoutes.signIn, { body: { username: 'ainura', password: ws.passwords.ainura } });
    expect(signIn.json).toMatchObject({ ok: true });
    const headerOf = (server: TestHttpServer, version?: string) =>
      new Promise<string | string[] | undefined>((resolve, reject) => {
        const request = https.request(
          new URL(serverRoutes.workstationStatus, server.url),
          { ca: ws.tls.caPem, key: ws.tls.keyPem, cert: ws.tls.certPem, servername: 'localhost', agent: false, headers: version ? { [versionHeader]: version } : {} },
          (response) => {
            response.resume();
            resolve(response.headers[minWorkstationVersionHeader]);
          },
        );
        request.on('error', reject);
        request.end();
      });
    expect(await headerOf(lenient, appVersion)).toBe(defaultMinWorkstationVersion);
    // On a refusal too: a workstation that cannot read the refusal still learns the minimum.
    expect(await headerOf(lenient)).toBe(defaultMinWorkstationVersion);
    expect(await headerOf(strict, appVersion)).toBe(required);
  });

  it('refuses an older release on every workstation route before it reads or writes anything', async () => {
    const ws = await testWorkstation(setup, strict, agencyId, ['bakyt']);
    const routes = [...Object.values(serverRoutes), ...Object.values(syncRoutes)];
    for (const route of routes) {
      // A body the route would refuse as malformed, an install id it would record: the gate answers first.
      const answer = await call(ws, strict, route, { raw: '{"not json', headers: { 'x-bala-install': 'install-aaaaaaaaaaaaaaaa', 'x-bala-session': 'x'.repeat(43) } });
      expectOutdated(answer, appVersion);
      expectOutdated(await call(ws, strict, route, { method: 'GET' }), appVersion);
    }
    expectOutdated(await call(ws, strict, '/v1/no/such/route'), appVersion);
    const { rows } = await setup.admin.db.query<{ install_id: string | null }>('SELECT install_id FROM workstations WHERE id = $1', [ws.id]);
    expect(rows[0]?.install_id).toBeNull();
    const audits = await setup.admin.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE actor = $1', [`workstation:${ws.id}`]);
    expect(Number(audits.rows[0]?.n)).toBe(0);
  });

  it('refuses no version, a garbage version and a pre-release of the minimum; never a 500', async () => {
    const ws = await testWorkstation(setup, strict, agencyId, ['cholpon']);
    expectOutdated(await call(ws, strict, serverRoutes.signIn, { body: { username: 'cholpon', password: 'x' }, bare: true }), '?');
    for (const garbage of ['', 'abc', '999999999999.1.1', '99.0.0-rc.1', '98.9.9', '99.0', '99.0.0.1', '99.0.0;drop table workstations']) {
      const answer = await call(ws, strict, serverRoutes.signIn, { body: { username: 'cholpon', password: 'x' }, headers: { [versionHeader]: garbage } });
      expect(answer.status, garbage).toBe(403);
      expect(answer.json, garbage).toMatchObject({ ok: false, error: { code: 'WORKSTATION_OUTDATED', required } });
    }
    // What is echoed is short and plain, never the raw header.
    const long = await call(ws, strict, serverRoutes.workstationStatus, { headers: { [versionHeader]: `1.0.0-${'x'.repeat(5000)}` } });
    expect(long.json).toMatchObject({ error: { code: 'WORKSTATION_OUTDATED', current: '?' } });
    expect(strict.logLines.some((line) => line.includes(' 500 '))).toBe(false);
  });

  it('lets the minimum and any newer release in, with or without a protocol it speaks', async () => {
    const ws = await testWorkstation(setup, strict, agencyId, ['dinara']);
    for (const version of [required, '99.0.1', '99.1.0', '100.0.0', '99.0.0+build.5']) {
      const answer = await call(ws, strict, serverRoutes.workstationStatus, { headers: { [versionHeader]: version } });
      expect(answer.status, version).toBe(200);
      const noProtocol = await call(ws, strict, serverRoutes.workstationStatus, { bare: true, headers: { [versionHeader]: version } });
      expect(noProtocol.status, version).toBe(200);
    }
  });

  it('refuses a protocol it no longer speaks as outdated, and a garbage or future one as invalid', async () => {
    const ws = await testWorkstation(setup, lenient, agencyId, ['emil']);
    expect((await call(ws, lenient, serverRoutes.workstationStatus, { headers: { [protocolHeader]: '1' } })).status).toBe(200);
    const old = await call(ws, lenient, serverRoutes.workstationStatus, { headers: { [protocolHeader]: '0' } });
    expect(old.json).toMatchObject({ ok: false, error: { code: 'WORKSTATION_OUTDATED', current: appVersion, required: defaultMinWorkstationVersion } });
    for (const protocol of ['2', 'abc', '', '1.0', '99999']) {
      const answer = await call(ws, lenient, serverRoutes.workstationStatus, { headers: { [protocolHeader]: protocol } });
      expect(answer.status, protocol).toBe(400);
      expect(answer.json, protocol).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('x-bala-protocol') as unknown } });
    }
  });

  it('a workstation reads the minimum from the answer even when it cannot read the refusal (a later server’s new code)', async () => {
    const ws = await testWorkstation(setup, lenient, agencyId, ['farida']);
    let header: string | null = null;
    const future = https.createServer({ key: setup.pki.serverKeyPem, cert: setup.pki.serverCertPem }, (_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json', ...(header ? { [minWorkstationVersionHeader]: header } : {}) });
      response.end(JSON.stringify({ ok: false, error: { code: 'SOMETHING_NEWER', message: 'a refusal of a later release' } }));
    });
    await new Promise<void>((resolve) => future.listen(0, '127.0.0.1', resolve));
    try {
      const address = future.address();
      const connection = { url: `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, tlsServerName: 'localhost', caCertPem: ws.tls.caPem, clientKeyPem: ws.tls.keyPem, clientCertPem: ws.tls.certPem };
      const ask = () => serverRequest(connection, 'GET', serverRoutes.workstationStatus, undefined, z.unknown());
      header = required;
      expect(await ask()).toMatchObject({ kind: 'refused', error: { code: 'WORKSTATION_OUTDATED', current: appVersion, required } });
      header = appVersion;
      expect(await ask()).toMatchObject({ kind: 'unreachable', detail: 'HTTP 403' });
      header = null;
      expect(await ask()).toMatchObject({ kind: 'unreachable', detail: 'HTTP 403' });
    } finally {
      await new Promise((resolve) => future.close(resolve));
    }
  });

  it('will not start with a minimum that is not a release', () => {
    expect(() => buildServerApp({ db: setup.admin.db, pki: setup.pki, t: translatorFor('en'), minWorkstationVersion: 'newest' })).toThrow(/minWorkstationVersion/);
  });
});
