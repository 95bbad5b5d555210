import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { issueCaCertificate, issueServerCertificate, issueWorkstationCertificate, newKeyPair } from '../src-server/pki/certificates';
import { printFigure } from './measure';

const requests = 2000;
const body = JSON.stringify({ username: 'aigul', password: 'x'.repeat(16) });

function listen(options: https.ServerOptions): Promise<{ server: https.Server; port: number }> {
  const server = https.createServer(options, (request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end('{"ok":true,"value":{"state":"active"}}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

function post(agent: https.Agent, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = https.request({ host: '127.0.0.1', port, path: '/v1/session/sign-in', method: 'POST', agent, servername: 'localhost', headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve());
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function timeRun(agent: https.Agent, port: number, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await post(agent, port);
  return (performance.now() - started) / count;
}

/** Both sides in alternating rounds after a warm-up, so neither pays the JIT's first runs alone; median round. */
async function compare(a: [https.Agent, number], b: [https.Agent, number], count: number): Promise<[number, number]> {
  await timeRun(...a, 50);
  await timeRun(...b, 50);
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < 5; round += 1) {
    times[0].push(await timeRun(...a, count / 5));
    times[1].push(await timeRun(...b, count / 5));
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[2] ?? Number.NaN;
  return [median(times[0]), median(times[1])];
}

/**
 * The workstation's mutual-TLS link against plain HTTPS to the same kind of server (same
 * certificates, same handler): on keep-alive, and with a new connection (full handshake) each time.
 */
export async function benchTls(): Promise<void> {
  const now = new Date();
  const caKey = newKeyPair(3072);
  const ca = { certPem: issueCaCertificate(caKey, 'Bala bench CA', now), keyPem: caKey.privateKeyPem };
  const serverKey = newKeyPair(3072);
  const serverCert = issueServerCertificate(ca, serverKey.publicKeyPem, ['localhost', '127.0.0.1'], now);
  const clientKey = newKeyPair(3072);
  const clientCert = issueWorkstationCertificate(ca, clientKey.publicKeyPem, 'ws-bench', now, 30);

  const serverOptions = { key: serverKey.privateKeyPem, cert: serverCert, minVersion: 'TLSv1.2' as const };
  const mutual = await listen({ ...serverOptions, ca: [ca.certPem], requestCert: true, rejectUnauthorized: true });
  const plain = await listen(serverOptions);
  const clientTls = { ca: [ca.certPem] };
  try {
    const keepAlive = (withCert: boolean) => new https.Agent({ keepAlive: true, maxSockets: 1, ...clientTls, ...(withCert ? { key: clientKey.privateKeyPem, cert: clientCert } : {}) });
    const fresh = (withCert: boolean) => new https.Agent({ keepAlive: false, ...clientTls, ...(withCert ? { key: clientKey.privateKeyPem, cert: clientCert } : {}) });
    const mutualKeep = keepAlive(true);
    const plainKeep = keepAlive(false);
    const [keptMutual, keptPlain] = await compare([mutualKeep, mutual.port], [plainKeep, plain.port], requests);
    printFigure({ name: `mTLS round trip on keep-alive (${requests} requests, RSA 3072)`, value: keptMutual, baselineName: 'plain HTTPS, keep-alive', baseline: keptPlain, unit: 'ms' });
    mutualKeep.destroy();
    plainKeep.destroy();
    const [newMutual, newPlain] = await compare([fresh(true), mutual.port], [fresh(false), plain.port], 200);
    printFigure({ name: 'mTLS round trip with a new connection each time (full handshake)', value: newMutual, baselineName: 'plain HTTPS, new connection', baseline: newPlain, unit: 'ms' });
  } finally {
    mutual.server.close();
    plain.server.close();
  }
}
