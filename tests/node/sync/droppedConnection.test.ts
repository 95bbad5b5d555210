import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RecordStore } from '../../../src-main/records/recordStore';
import { pupilForm, pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { signedInSyncWorkstation, type SyncWorkstation } from '../../support/syncWorkstation';

/**
 * A TCP relay between workstation and server that can cut a connection in the middle of the
 * server's answer to a big request (a push batch): the server has applied the batch, the
 * workstation never hears it. TLS passes through untouched; the relay only counts bytes.
 */
class CuttingRelay {
  private cutsLeft = 0;
  /** Answers cut so far, and how many bytes of each had been let through. */
  readonly cuts: number[] = [];
  private readonly server: net.Server;

  constructor(private readonly target: number) {
    this.server = net.createServer((client) => this.relay(client));
  }

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as net.AddressInfo).port)));
  }

  cutNext(count: number): void {
    this.cutsLeft = count;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.target, '127.0.0.1');
    let sent = 0;
    client.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      // Past the handshake, a request of more than 32 KB is a push batch: cut its answer halfway.
      if (this.cutsLeft > 0 && sent > 32_768) {
        this.cutsLeft -= 1;
        const half = Math.floor(chunk.length / 2);
        this.cuts.push(half);
        client.end(chunk.subarray(0, half), () => client.destroy());
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

describeStorages('sync when the connection drops in the middle of the answer', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let relay: CuttingRelay;
  let workstation: SyncWorkstation;
  const pupils = 600;

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    relay = new CuttingRelay(server.port);
    const relayPort = await relay.listen();
    const agency = await testAgency(setup.admin, 'Талас балдар үйү');
    workstation = await signedInSyncWorkstation(setup, `https://127.0.0.1:${relayPort}`, agency.id);
    const { db, username } = workstation.backend.ctx.session.work('write');
    const store = new RecordStore(db);
    const { form } = pupilForm();
    db.transaction(() => {
      for (let i = 0; i < pupils; i += 1) store.create(form, samplePupil(2_000 + i), username);
    })();
  });
  afterAll(async () => {
    await workstation.close();
    await relay.close();
    await server.close();
    setup.cleanup();
  });

  const onServer = async () =>
    (await setup.admin.db.query<{ records: number; revisions: number; newest: number }>(
      `SELECT (SELECT count(*)::integer FROM records WHERE form_id = $1) AS records,
              (SELECT count(*)::integer FROM record_revisions) AS revisions,
              (SELECT coalesce(max(revision), 0)::integer FROM records) AS newest`,
      [pupilFormId],
    )).rows[0];

  it('holds every change exactly once after two answers were cut and the workstation tried again', async () => {
    relay.cutNext(2);
    const first = await workstation.client.call('sync.now', undefined);
    expect(first).toMatchObject({ ok: true, value: { state: 'offline', problem: { code: 'SERVER_UNREACHABLE' } } });
    // The server applied the batch whose answer was lost; the workstation still counts it pending.
    const afterCut = await onServer();
    expect(afterCut?.records).toBeGreaterThan(0);
    expect(first.ok && first.value.pending).toBe(pupils);

    const second = await workstation.client.call('sync.now', undefined);
    expect(second).toMatchObject({ ok: true, value: { state: 'offline' } });
    expect(relay.cuts).toHaveLength(2);

    const third = await workstation.client.call('sync.now', undefined);
    expect(third).toMatchObject({ ok: true, value: { state: 'idle', pending: 0, conflicts: 0, rejected: 0, problem: null } });
    expect(await onServer()).toEqual({ records: pupils, revisions: pupils, newest: 1 });
    const { db } = workstation.backend.ctx.session.work('read');
    expect(db.prepare('SELECT server_revision AS revision, count(*) AS n FROM records GROUP BY server_revision').all()).toEqual([{ revision: 1, n: pupils }]);
  }, 180_000);
});
