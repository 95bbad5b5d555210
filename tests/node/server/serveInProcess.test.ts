import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '../../../shared/i18n/translator';
import { serverRoutes } from '../../../shared/serverApi/serverApi';
import { initServer } from '../../../src-server/admin/initServer';
import { dataLayout } from '../../../src-server/config/dataLayout';
import { startServer, type ServeOptions } from '../../../src-server/http/startServer';
import type { ServerLogger } from '../../../src-server/log/serverLogger';
import { rawRequest } from '../../support/serverHttp';
import { clientCertificate, foreignCa, testKeyBits } from '../../support/serverPki';
import { tempDir } from '../../support/tempDir';

/*
 * Issue 22: `bala-server serve` in this process (src-server/http/startServer.ts) — where it listens
 * and what address it gives, the mutual-TLS handshake that refuses strangers, a busy port, and a
 * close that lets the data folder go.
 */

describe('serving a data folder over mutual TLS', () => {
  const temp = tempDir('bala-serve-');
  const dataDir = path.join(temp.dir, 'server');
  const lines: string[] = [];
  const log: ServerLogger = { info: (line) => lines.push(line), warn: (line) => lines.push(line), error: (line) => lines.push(line) };
  const serve = (options: Partial<ServeOptions> = {}) => startServer({ dataDir, port: 0, host: '127.0.0.1', t: translatorFor('en'), log, ...options });
  beforeAll(async () => {
    await initServer({ dataDir, keyBits: testKeyBits, actor: 'test-admin', now: new Date() });
  }, 120_000);
  afterAll(() => temp.cleanup());

  it('listens where asked, answers a certificate it did not issue by refusing the handshake, and closes once', async () => {
    const server = await serve();
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
      const caPem = fs.readFileSync(dataLayout(dataDir).caCert, 'utf8');
      const tlsRefusal = /certificate|alert|ECONNRESET|socket hang up/i;
      await expect(rawRequest(server.url, serverRoutes.workstationStatus, { caPem })).rejects.toThrow(tlsRefusal);
      const stranger = clientCertificate(foreignCa(), 'ws-stranger');
      await expect(rawRequest(server.url, serverRoutes.workstationStatus, { caPem, keyPem: stranger.keyPem, certPem: stranger.certPem })).rejects.toThrow(tlsRefusal);
      expect(lines.filter((line) => line.startsWith('TLS handshake refused')).length).toBeGreaterThanOrEqual(2);
    } finally {
      const closing = server.close();
      expect(server.close()).toBe(closing);
      await closing;
    }
    await expect(server.db.query('SELECT 1')).rejects.toThrow();
  });

  it('gives the certificate’s name as its address when it listens on every interface', async () => {
    const server = await serve({ host: '0.0.0.0' });
    try {
      expect(server.url).toBe(`https://localhost:${server.port}`);
    } finally {
      await server.close();
    }
  });

  it('refuses a port in use with LISTEN_FAILED, and lets the data folder go', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(serve({ port })).rejects.toMatchObject({ code: 'LISTEN_FAILED', params: { address: `127.0.0.1:${port}`, detail: 'EADDRINUSE' } });
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
    const again = await serve();
    await again.close();
  });
});
