import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/backend';
import { silentLogger } from '../../../src-main/log/logger';
import { startBrowserServer, type BrowserServer } from '../../../src-main/transport/http/browserServer';
import { tempDir } from '../../support/tempDir';

/** A raw request, so the Host header and bodies can be anything a hostile caller sends. */
function request(
  server: BrowserServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser-mode HTTP transport', () => {
  const temp = tempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  let server: BrowserServer;
  const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });
  const call = (operation: string, body: string, headers: Record<string, string> = auth()) =>
    request(server, { method: 'POST', path: `/api/call/${operation}`, headers, body });

  beforeAll(async () => {
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bala</title>');
    const backend = createBackend({ dataDir: path.join(temp.dir, 'data'), mode: 'test', locales: ['en'] });
    server = await startBrowserServer({ backend, rendererDir, log: silentLogger });
  });
  afterAll(async () => {
    await server.close();
    temp.cleanup();
  });

  it('listens on the loopback address only, with a long random token in the URL fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  });

  it('answers a call that carries the token', async () => {
    const response = await call('app.info', '{}');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'Bala', mode: 'test' } });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { ...auth(), authorization: 'Bearer wrong' }, { ...auth(), authorization: `Basic ${server.token}` }]) {
      const response = await call('app.info', '{}', headers);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses the event stream without the token', async () => {
    const response = await request(server, { path: '/api/events' });
    expect(response.status).toBe(401);
  });

  it('refuses malformed and invalid input with stable codes, and keeps running', async () => {
    const cases: [string, string, number, string][] = [
      ['app.info', '{not json', 400, 'MALFORMED_REQUEST'],
      ['app.info', '[1,2]', 400, 'MALFORMED_REQUEST'],
      ['app.info', '"text"', 400, 'MALFORMED_REQUEST'],
      ['settings.update', '{"input":{"language":"xx"}}', 400, 'INVALID_INPUT'],
      ['settings.update', '{"input":{"idleLockMinutes":"ten"}}', 400, 'INVALID_INPUT'],
      ['nope.nothing', '{}', 404, 'UNKNOWN_OPERATION'],
      ['app.info', `{"input":"${'x'.repeat(2 * 1024 * 1024)}"}`, 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [operation, body, status, code] of cases) {
      const response = await call(operation, body);
      expect(response.status, `${operation} ${body.slice(0, 40)}`).toBe(status);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
    }
    const textBody = await call('app.info', 'hello', { ...auth(), 'content-type': 'text/plain' });
    expect(JSON.parse(textBody.body)).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } });
    expect((await call('app.info', '{}')).status).toBe(200);
  });

  it('refuses another Host name (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await request(server, { path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(rebinding.status).toBe(403);
    expect(JSON.parse(rebinding.body)).toMatchObject({ error: { code: 'FORBIDDEN_HOST' } });
    const foreign = await call('app.info', '{}', { ...auth(), origin: 'http://evil.example' });
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'FORBIDDEN_ORIGIN' } });
    const own = await call('app.info', '{}', { ...auth(), origin: server.origin });
    expect(own.status).toBe(200);
  });

  it('serves the UI with a strict content security policy', async () => {
    const page = await request(server, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Bala</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('pushes backend events to the stream', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { authorization: `Bearer ${server.token}` } },
        (res) => {
          let text = '';
          let changed = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (!changed && text.includes(': connected')) {
              changed = true;
              call('settings.update', '{"input":{"language":"kk"}}').catch(reject);
            }
            if (text.includes('settings.changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
    });
    const data = received.split('\n').find((line) => line.startsWith('data: '));
    expect(JSON.parse(data?.slice(6) ?? '{}')).toEqual({ name: 'settings.changed', payload: { language: 'kk', idleLockMinutes: 10 } });
  });
});
