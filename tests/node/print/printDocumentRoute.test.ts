import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { silentLogger } from '../../../src-main/log/logger';
import { startBrowserServer, type BrowserServer } from '../../../src-main/transport/http/browserServer';
import { tempDir } from '../../support/tempDir';

function get(server: BrowserServer, pathname: string, host = `127.0.0.1:${server.port}`): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode serves a printed copy to the browser viewer', () => {
  const temp = tempDir('bala-print-route-');
  let backend: Backend;
  let server: BrowserServer;
  beforeAll(async () => {
    const rendererDir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bala</title>');
    backend = createBackend({ dataDir: path.join(temp.dir, 'data'), mode: 'test', locales: ['en'] });
    server = await startBrowserServer({ backend, rendererDir, log: silentLogger });
  });
  afterAll(async () => {
    await server.close();
    await backend.close();
    temp.cleanup();
  });

  it('from memory, by its unguessable id only, never cached, without the page CSP that would stop the viewer', async () => {
    const id = backend.ctx.printSpool.put(new Uint8Array(Buffer.from('%PDF-1.7 card')), 'bala-958ca226.pdf');
    const answer = await get(server, `/print/${id}.pdf`);
    expect(answer.status).toBe(200);
    expect(answer.body.toString('latin1')).toBe('%PDF-1.7 card');
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-disposition']).toBe('inline; filename="bala-958ca226.pdf"');
    expect(answer.headers['content-security-policy']).toBeUndefined();
    expect(answer.headers['x-content-type-options']).toBe('nosniff');

    expect((await get(server, `/print/${'0'.repeat(32)}.pdf`)).status).toBe(404);
    expect((await get(server, `/print/${id}`)).status).toBe(404);
    // Another host name (DNS rebinding) is refused before anything is looked up.
    expect((await get(server, `/print/${id}.pdf`, 'evil.example:80')).status).toBe(403);
    backend.ctx.printSpool.release(id);
    expect((await get(server, `/print/${id}.pdf`)).status).toBe(404);
  });
});
