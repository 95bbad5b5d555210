import crypto from 'node:crypto';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { registryPacks } from '../shared/packs';
import { protocolHeader, protocolVersion, sessionHeader, versionHeader } from '../shared/serverApi/serverApi';
import { pickSections } from '../shared/sync/sections';
import { syncRoutes, type SyncChange } from '../shared/sync/syncProtocol';
import type { StorageKind } from '../src-server/db/sql';
import { appVersion } from '../src-main/appVersion';
import { RecordStore } from '../src-main/records/recordStore';
import { serverRequest } from '../src-main/serverLink/serverClient';
import { Outbox } from '../src-main/sync/outbox';
import { changeFor, pushOutbox } from '../src-main/sync/pushOutbox';
import { pupilForm, samplePupil } from '../tests/support/pupilSamples';
import { testAgency, testWorkstation } from '../tests/support/serverAdmin';
import { signedInSyncWorkstation } from '../tests/support/syncWorkstation';
import { printFigure } from './measure';
import { benchStorages, echoRoute, percentile, startBenchServer, type BenchServer } from './syncServer';

const pushChanges = Number(process.env.BALA_BENCH_SYNC_CHANGES ?? 10_000);
const crowdSize = Number(process.env.BALA_BENCH_WORKSTATIONS ?? 100);
const crowdSeconds = Number(process.env.BALA_BENCH_SYNC_SECONDS ?? 60);
const batchSize = 200;

/**
 * One workstation pushes PUSH_CHANGES pupils through its real outbox and sync client; the
 * baseline is a plain mTLS POST of the very same batch bodies to a route of the same server
 * that parses them and stores nothing (the transport's limit).
 */
async function benchPush(kind: StorageKind): Promise<void> {
  const server = await startBenchServer(kind);
  try {
    const agency = await testAgency(server.setup.admin, 'Бишкек шаардык балдар үйү');
    const workstation = await signedInSyncWorkstation(server.setup, server.http.url, agency.id);
    const { db, username } = workstation.backend.ctx.session.work('write');
    const store = new RecordStore(db);
    const { form } = pupilForm();
    db.transaction(() => {
      for (let i = 0; i < pushChanges; i += 1) store.create(form, samplePupil(i), username);
    })();
    // The operator's server session rides on the connection (issue 12: no session, no sync).
    const live = await workstation.backend.ctx.session.liveConnection();
    if (live.kind !== 'ok') throw new Error(`no server session: ${JSON.stringify(live)}`);
    const { connection } = live;
    const changes = new Outbox(db).pending(pushChanges).map((entry) => changeFor(entry, registryPacks, db)).filter((change): change is SyncChange => change !== null);
    const bodies: string[] = [];
    for (let i = 0; i < changes.length; i += batchSize) bodies.push(JSON.stringify({ pendingCount: changes.length - i, changes: changes.slice(i, i + batchSize) }));

    const plainStarted = performance.now();
    for (const body of bodies) {
      const answer = await serverRequest(connection, 'POST', echoRoute, JSON.parse(body) as unknown, z.unknown(), 120_000);
      if (answer.kind !== 'ok') throw new Error(`echo: ${JSON.stringify(answer)}`);
    }
    const plainMs = performance.now() - plainStarted;

    const pushStarted = performance.now();
    const tally = await pushOutbox(db, connection, registryPacks, () => undefined);
    const pushMs = performance.now() - pushStarted;
    const stored = (await server.setup.admin.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM records')).rows[0]?.n ?? 0;
    if (tally.delivered !== pushChanges || stored !== pushChanges) throw new Error(`push delivered ${tally.delivered}, server holds ${stored}`);
    const megabytes = bodies.reduce((sum, body) => sum + body.length, 0) / 1e6;
    printFigure({ name: `push ${pushChanges} pupil changes [${kind}] (${megabytes.toFixed(1)} MB in ${bodies.length} batches)`, value: pushMs, baselineName: 'plain mTLS POST of the same bytes', baseline: plainMs, unit: 'ms' });
    console.log(`  ${Math.round(pushChanges / (pushMs / 1000))} changes/s pushed [${kind}]; transport alone ${Math.round(pushChanges / (plainMs / 1000))} changes/s`);
    await workstation.close();
  } finally {
    await server.close();
  }
}

interface SimulatedWorkstation {
  username: string;
  agent: https.Agent;
  cursor: number;
  /** The operator's server session, from an online sign-in. */
  session: string;
}

interface CrowdTally {
  requests: number;
  sent: number;
  accepted: number;
  errors: number;
  pulled: number;
  pushLatency: number[];
  pullLatency: number[];
}

function post(server: BenchServer, ws: SimulatedWorkstation, route: string, body: unknown): Promise<{ status: number; json: unknown; ms: number }> {
  const started = performance.now();
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const request = https.request(new URL(route, server.http.url), { method: 'POST', agent: ws.agent, servername: 'localhost', headers: { 'content-type': 'application/json', 'content-length': payload.length, [versionHeader]: appVersion, [protocolHeader]: String(protocolVersion), [sessionHeader]: ws.session }, timeout: 60_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const ms = performance.now() - started;
        try {
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown, ms });
        } catch {
          resolve({ status: response.statusCode ?? 0, json: null, ms });
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', () => resolve({ status: 0, json: null, ms: performance.now() - started }));
    request.end(payload);
  });
}

let pupilNumber = 100_000;
function newPupilChange(author: string): SyncChange {
  const { form } = pupilForm();
  pupilNumber += 1;
  return {
    changeId: crypto.randomUUID(),
    recordId: crypto.randomUUID(),
    formId: form.id,
    formVersion: form.version,
    subjectId: null,
    baseRevision: 0,
    sections: pickSections(form, samplePupil(pupilNumber), null),
    author,
    at: new Date().toISOString(),
    reason: null,
    blobs: [],
  };
}

/** A workstation's loop: push five new pupils, pull its scope to the end, again until the deadline. */
async function workstationLoop(server: BenchServer, ws: SimulatedWorkstation, deadline: number, tally: CrowdTally): Promise<void> {
  while (performance.now() < deadline) {
    const changes = Array.from({ length: 5 }, () => newPupilChange(ws.username));
    tally.sent += changes.length;
    const pushed = await post(server, ws, syncRoutes.push, { pendingCount: changes.length, changes });
    tally.requests += 1;
    tally.pushLatency.push(pushed.ms);
    const outcomes = (pushed.json as { value?: { outcomes?: { outcome: string }[] } } | null)?.value?.outcomes ?? [];
    const accepted = outcomes.filter((outcome) => outcome.outcome === 'accepted').length;
    tally.accepted += accepted;
    if (pushed.status !== 200 || accepted !== changes.length) tally.errors += 1;
    for (let more = true; more && performance.now() < deadline; ) {
      const pulled = await post(server, ws, syncRoutes.pull, { cursor: ws.cursor, limit: 200 });
      tally.requests += 1;
      tally.pullLatency.push(pulled.ms);
      const page = (pulled.json as { value?: { cursor: number; more: boolean; records: unknown[] } } | null)?.value;
      if (pulled.status !== 200 || !page) {
        tally.errors += 1;
        break;
      }
      ws.cursor = page.cursor;
      tally.pulled += page.records.length;
      more = page.more;
    }
  }
}

async function simulatedWorkstations(server: BenchServer, count: number): Promise<SimulatedWorkstation[]> {
  const agencies = await Promise.all(Array.from({ length: Math.max(1, Math.ceil(count / 10)) }, (_, i) => testAgency(server.setup.admin, `Балдар үйү №${i + 1}`)));
  const made: SimulatedWorkstation[] = [];
  for (let i = 0; i < count; i += 1) {
    const agency = agencies[i % agencies.length];
    if (!agency) throw new Error('no agency');
    const username = `crowd${i}x${crypto.randomBytes(2).toString('hex')}`;
    const ws = await testWorkstation(server.setup, server.http, agency.id, [username]);
    made.push({ username, cursor: 0, session: await ws.session(username), agent: new https.Agent({ keepAlive: true, maxSockets: 1, ca: ws.body.caCertPem, key: ws.secret.clientKeyPem, cert: ws.secret.clientCertPem }) });
  }
  return made;
}

async function crowd(server: BenchServer, workstations: SimulatedWorkstation[], seconds: number): Promise<CrowdTally & { seconds: number; lost: number }> {
  const before = (await server.setup.admin.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM records')).rows[0]?.n ?? 0;
  const tally: CrowdTally = { requests: 0, sent: 0, accepted: 0, errors: 0, pulled: 0, pushLatency: [], pullLatency: [] };
  const started = performance.now();
  await Promise.all(workstations.map((ws) => workstationLoop(server, ws, started + seconds * 1000, tally)));
  const elapsed = (performance.now() - started) / 1000;
  const after = (await server.setup.admin.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM records')).rows[0]?.n ?? 0;
  tally.pushLatency.sort((a, b) => a - b);
  tally.pullLatency.sort((a, b) => a - b);
  // Every change sent and accepted must be on the server; an accepted change missing from it is lost.
  return { ...tally, seconds: elapsed, lost: tally.accepted - (after - before) };
}

/** CROWD_SIZE simulated workstations push and pull at once; baseline: one workstation alone on the same server. */
async function benchCrowd(kind: StorageKind): Promise<void> {
  const server = await startBenchServer(kind);
  try {
    const workstations = await simulatedWorkstations(server, crowdSize);
    const [first] = workstations;
    if (!first) return;
    const alone = await crowd(server, [first], Math.max(5, crowdSeconds / 6));
    const all = await crowd(server, workstations, crowdSeconds);
    const rate = (result: typeof all) => result.sent / result.seconds;
    printFigure({ name: `${crowdSize} workstations, ${crowdSeconds} s [${kind}]: changes accepted per second`, value: rate(all), baselineName: 'one workstation alone', baseline: rate(alone), unit: 'changes/s' });
    printFigure({ name: `  push latency p50 [${kind}]`, value: percentile(all.pushLatency, 50), baselineName: 'one alone', baseline: percentile(alone.pushLatency, 50), unit: 'ms' });
    printFigure({ name: `  push latency p99 [${kind}]`, value: percentile(all.pushLatency, 99), baselineName: 'one alone', baseline: percentile(alone.pushLatency, 99), unit: 'ms' });
    printFigure({ name: `  pull latency p50 [${kind}]`, value: percentile(all.pullLatency, 50), baselineName: 'one alone', baseline: percentile(alone.pullLatency, 50), unit: 'ms' });
    printFigure({ name: `  pull latency p99 [${kind}]`, value: percentile(all.pullLatency, 99), baselineName: 'one alone', baseline: percentile(alone.pullLatency, 99), unit: 'ms' });
    console.log(`  ${all.requests} requests (${Math.round(all.requests / all.seconds)}/s), ${all.sent} changes sent, ${all.pulled} records pulled; errors ${all.errors + alone.errors} (must be 0), changes lost ${all.lost + alone.lost} (must be 0)`);
    for (const ws of workstations) ws.agent.destroy();
  } finally {
    await server.close();
  }
}

/** Issue 5's sync figures, for each storage the server can use. */
export async function benchSync(): Promise<void> {
  for (const kind of benchStorages()) await benchPush(kind);
  for (const kind of benchStorages()) await benchCrowd(kind);
}
