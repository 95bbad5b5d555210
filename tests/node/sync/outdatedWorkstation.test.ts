import https from 'node:https';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { signedInSyncWorkstation } from '../../support/syncWorkstation';
import { appVersion } from '../../../src-main/appVersion';

/*
 * Versions in the field (docs/sync.md): the administrator raised the server's minimum above
 * this workstation's release. Its sync is refused with the reason in its own words, its outbox
 * keeps every change, it still signs in (offline), and once the server serves it again (the
 * update installed; here: the minimum lowered back), everything goes up. Each test starts from
 * the same point, whatever ran before it: everything delivered, then the minimum raised and
 * `changes` new pupils saved.
 */
describeStorages('a workstation older than the server serves', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let port = 0;
  let ws: Awaited<ReturnType<typeof signedInSyncWorkstation>>;
  const changes = 3;
  let saved = 0;
  /** Pupils the server held when the test began. */
  let delivered = 0;
  const required = '99.0.0';

  /** The same server, restarted where the workstation expects it, serving from `minimum` on. */
  const restart = async (minimum?: string) => {
    await server.close();
    // Connections kept alive to the stopped server would fail the next request once ("socket hang up").
    https.globalAgent.destroy();
    server = await startTestHttpServer(setup.admin.db, setup.pki, { port, ...(minimum ? { minWorkstationVersion: minimum } : {}) });
  };

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    port = server.port;
    const agency = await testAgency(setup.admin, 'Токмок балдар үйү');
    ws = await signedInSyncWorkstation(setup, server.url, agency.id);
  });
  beforeEach(async () => {
    await restart();
    expect(await ws.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { pending: 0 } });
    delivered = await onServer();
    await restart(required);
    for (let i = 0; i < changes; i += 1) {
      const created = await ws.client.call('records.create', { formId: pupilFormId, values: samplePupil(4_000 + saved) });
      if (!created.ok) throw new Error(created.error.code);
      saved += 1;
    }
  });
  afterAll(async () => {
    await ws.close();
    await server.close();
    setup.cleanup();
  });

  const onServer = async () => Number((await setup.admin.db.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE form_id = $1', [pupilFormId])).rows[0]?.n);
  const outboxRows = () => (ws.backend.ctx.session.work('read').db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

  it('is told to install the new release, and its outbox keeps every change', async () => {
    const before = outboxRows();
    expect(before).toBeGreaterThanOrEqual(changes);
    const refused = await ws.client.call('sync.now', undefined);
    const problem = {
      code: 'WORKSTATION_OUTDATED',
      message: `This workstation’s Bala (${appVersion}) is older than the central server accepts (${required}). Ask the administrator for the new installer; your unsent changes stay on this computer and will be sent after the update.`,
    };
    expect(refused).toMatchObject({ ok: true, value: { state: 'refused', pending: changes, problem } });
    // What the home screen and `bala sync` show.
    expect(await ws.client.call('sync.status', undefined)).toMatchObject({ ok: true, value: { state: 'refused', pending: changes, problem } });
    expect(outboxRows()).toBe(before);
    expect(await onServer()).toBe(delivered);
    // Again (the background retry): still nothing lost, nothing sent.
    await ws.client.call('sync.now', undefined);
    expect(outboxRows()).toBe(before);
    expect(await onServer()).toBe(delivered);
  });

  it('still signs in, offline, and says why', async () => {
    expect(await ws.client.call('session.signOut', undefined)).toMatchObject({ ok: true, value: { state: 'signedOut' } });
    const signedIn = await ws.client.call('session.signIn', { username: ws.username, password: ws.password });
    expect(signedIn).toMatchObject({
      ok: true,
      value: { state: 'signedIn', verifiedOnline: false, serverNotice: { code: 'WORKSTATION_OUTDATED', message: expect.stringContaining(required) as unknown } },
    });
    expect(await ws.client.call('sync.status', undefined)).toMatchObject({ ok: true, value: { pending: changes } });
  });

  it('delivers every change once the server serves it again', async () => {
    await restart();
    const synced = await ws.client.call('sync.now', undefined);
    expect(synced).toMatchObject({ ok: true, value: { state: 'idle', pending: 0, conflicts: 0, rejected: 0, problem: null } });
    expect(await onServer()).toBe(delivered + changes);
  });
});
