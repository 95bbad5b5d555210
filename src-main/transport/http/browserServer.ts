import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../shared/api/errorCodes';
import type { Result } from '../../../shared/api/result';
import type { Backend } from '../../backend';
import type { Logger } from '../../log/logger';
import { httpStatusOf } from './httpStatus';
import { registerPrintDocumentRoute } from './printDocumentRoute';
import { securityHeaders } from './securityHeaders';
import { bearerMatches, newSessionToken } from './sessionToken';

export interface BrowserServerOptions {
  backend: Backend;
  /** The built UI (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  log: Logger;
  /** Largest request body; the API carries forms, not files. */
  bodyLimit?: number;
}

export interface BrowserServer {
  /** The address to open, with the token in the fragment. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * Browser mode: the typed API over HTTP and the built UI, on 127.0.0.1 only. Every API call
 * needs the run's token; a request for another host name (DNS rebinding) is refused.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { backend, log } = options;
  const token = options.token ?? newSessionToken();
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 1024 * 1024, return503OnClosing: true });
  let allowedHosts = new Set<string>();
  const sseClients = new Set<() => void>();

  const refusal = (code: ErrorCode, params: Record<string, string> = {}): Result<never> => ({
    ok: false,
    error: { code, message: backend.ctx.t()(`errors.${code}`, params) },
  });
  const refuse = (reply: FastifyReply, code: ErrorCode, params: Record<string, string> = {}) =>
    reply.code(httpStatusOf[code]).send(refusal(code, params));

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(securityHeaders)) void reply.header(name, value);
    if (!allowedHosts.has(request.headers.host ?? '')) return refuse(reply, 'FORBIDDEN_HOST');
    if (!request.url.startsWith('/api/')) return undefined;
    void reply.header('cache-control', 'no-store');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return refuse(reply, 'FORBIDDEN_ORIGIN');
    }
    if (!bearerMatches(request.headers.authorization, token)) return refuse(reply, 'UNAUTHORIZED');
    return undefined;
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(reply, 'MALFORMED_REQUEST', { reason: error.code ?? 'bad request' });
    }
    log.error('browser server: unexpected error', error);
    return refuse(reply, 'INTERNAL');
  });

  app.post('/api/call/:operation', async (request: FastifyRequest<{ Params: { operation: string } }>, reply) => {
    const body: unknown = request.body;
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      return refuse(reply, 'MALFORMED_REQUEST', { reason: 'body must be a JSON object {"input": …}' });
    }
    const input = body === undefined ? undefined : (body as { input?: unknown }).input;
    const result = await backend.call(request.params.operation, input);
    return reply.code(result.ok ? 200 : httpStatusOf[result.error.code]).send(result);
  });

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, {
      ...securityHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    const unsubscribe = backend.events.subscribe((event) => reply.raw.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      sseClients.delete(end);
      reply.raw.end();
    };
    sseClients.add(end);
    request.raw.on('close', end);
  });

  app.all('/api/*', (_request, reply) => refuse(reply, 'NOT_FOUND'));
  registerPrintDocumentRoute(app, backend.ctx.printSpool);

  const indexFile = path.join(options.rendererDir, 'index.html');
  if (fs.existsSync(indexFile)) {
    await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'], cacheControl: false });
  } else {
    app.get('/', (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send(`The user interface is not built: ${indexFile} is missing. Run "npm run build:renderer".`),
    );
  }

  await app.listen({ host: LOOPBACK, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      for (const end of [...sseClients]) end();
      await app.close();
    },
  };
}
