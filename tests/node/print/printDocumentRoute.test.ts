import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { silentLogger } from '../../../src-main/log/logger';
import { ticketLifetimeMs } from '../../../src-main/print/printSpool';
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

  const call = async <T>(operation: string, input: unknown, token = server.token): Promise<{ status: number; body: { ok: boolean; value: T; error?: { code: string } } }> => {
    const answer = await fetch(`${server.origin}/api/call/${operation}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });
    return { status: answer.status, body: (await answer.json()) as { ok: boolean; value: T; error?: { code: string } } };
  };

  it('from memory, with a single-use ticket, never cached, without the page CSP that would stop the viewer', async () => {
    const id = backend.ctx.printSpool.put(new Uint8Array(Buffer.from('%PDF-1.7 card')), 'bala-958ca226.pdf');
    const ticket = backend.ctx.printSpool.ticket(id);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const answer = await get(server, `/print/${id}.pdf?ticket=${ticket}`);
    expect(answer.status).toBe(200);
    expect(answer.body.toString('latin1')).toBe('%PDF-1.7 card');
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-disposition']).toBe('inline; filename="bala-958ca226.pdf"');
    expect(answer.headers['content-security-policy']).toBeUndefined();
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');

    // The same address again (the browser's history) opens nothing: the ticket was used up.
    expect((await get(server, `/print/${id}.pdf?ticket=${ticket}`)).status).toBe(404);
    expect((await get(server, `/print/${'0'.repeat(32)}.pdf?ticket=${backend.ctx.printSpool.ticket(id)}`)).status).toBe(404);
    expect((await get(server, `/print/${id}`)).status).toBe(404);
    // Another host name (DNS rebinding) is refused before anything is looked up.
    expect((await get(server, `/print/${id}.pdf?ticket=${backend.ctx.printSpool.ticket(id)}`, 'evil.example:80')).status).toBe(403);
    const last = backend.ctx.printSpool.ticket(id);
    backend.ctx.printSpool.release(id);
    expect((await get(server, `/print/${id}.pdf?ticket=${last}`)).status).toBe(404);
  });

  it('not by its id alone, nor with the API token in the address, nor with a ticket of another document or one that expired', async () => {
    const id = backend.ctx.printSpool.put(new Uint8Array(Buffer.from('%PDF-1.7 a')), 'a.pdf');
    const other = backend.ctx.printSpool.put(new Uint8Array(Buffer.from('%PDF-1.7 b')), 'b.pdf');
    expect((await get(server, `/print/${id}.pdf`)).status).toBe(404);
    expect((await get(server, `/print/${id}.pdf?ticket=`)).status).toBe(404);
    expect((await get(server, `/print/${id}.pdf?token=${server.token}`)).status).toBe(404);
    expect((await get(server, `/print/${id}.pdf?ticket=${server.token}`)).status).toBe(404);
    const ticketOfOther = backend.ctx.printSpool.ticket(other);
    expect((await get(server, `/print/${id}.pdf?ticket=${ticketOfOther}`)).status).toBe(404);
    expect((await get(server, `/print/${other}.pdf?ticket=${ticketOfOther}`)).status).toBe(200);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const stale = backend.ctx.printSpool.ticket(id);
      vi.setSystemTime(Date.now() + ticketLifetimeMs + 1);
      expect((await get(server, `/print/${id}.pdf?ticket=${stale}`)).status).toBe(404);
    } finally {
      vi.useRealTimers();
    }
    backend.ctx.printSpool.clear();
  });

  it('print.link mints a ticket only for the run token and a signed-in operator, and sign-out, lock or another operator empty the spool (zeroed)', async () => {
    const signedIn = { state: 'signedIn', workstationName: 'ws', agencyName: 'a', user: { username: 'aigul', displayName: 'A', role: 'data_holder', validUntil: '2099-01-01' }, mustChangePassword: true, verifiedOnline: true, serverNotice: null } as const;
    backend.events.emit('session.changed', signedIn);
    const bytes = new Uint8Array(Buffer.from('%PDF-1.7 secret'));
    const id = backend.ctx.printSpool.put(bytes, 'c.pdf');
    expect((await call('print.link', { documentId: id }, 'x'.repeat(43))).status).toBe(401);
    // The session service has nobody signed in here (not even activated): no ticket.
    expect((await call('print.link', { documentId: id })).body.ok).toBe(false);

    // The same operator's session changing (the forced password change) keeps the documents.
    backend.events.emit('session.changed', { ...signedIn, mustChangePassword: false });
    expect(backend.ctx.printSpool.get(id)).not.toBeNull();
    backend.events.emit('session.changed', { state: 'locked', workstationName: 'ws', agencyName: 'a', username: 'aigul' });
    expect(backend.ctx.printSpool.size).toBe(0);
    expect(bytes.every((byte) => byte === 0)).toBe(true);

    backend.events.emit('session.changed', signedIn);
    const again = backend.ctx.printSpool.put(new Uint8Array([1, 2, 3]), 'd.pdf');
    expect(backend.ctx.printSpool.size).toBe(1);
    backend.events.emit('session.changed', { state: 'signedOut', workstationName: 'ws', agencyName: 'a' });
    expect(backend.ctx.printSpool.get(again)).toBeNull();

    backend.events.emit('session.changed', signedIn);
    backend.ctx.printSpool.put(new Uint8Array([4]), 'e.pdf');
    backend.events.emit('session.changed', { ...signedIn, user: { ...signedIn.user, username: 'bakyt' } });
    expect(backend.ctx.printSpool.size).toBe(0);
  });
});
