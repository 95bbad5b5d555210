import type { FastifyInstance } from 'fastify';
import type { PrintSpool } from '../../print/printSpool';

/** Headers for a PDF the browser's own viewer shows: never cached (it is personal data), never sniffed. */
export function printDocumentHeaders(fileName: string): Record<string, string> {
  return {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/**
 * `GET /print/<id>.pdf?ticket=…`: a paper copy the page asked for (print.open, print.link), served
 * from memory to the browser's PDF viewer, where the operator prints or saves it. A new tab cannot
 * carry the API token, so the page asks the API — token required — for a single-use ticket that
 * expires within a minute; without a live ticket for that document the answer is 404, the same as
 * for an unknown id (no oracle). The spool is emptied on sign-out and lock, so nothing printed
 * survives the session. The page's CSP is left off: its `object-src 'none'` would stop the viewer.
 */
export function registerPrintDocumentRoute(app: FastifyInstance, spool: PrintSpool): void {
  app.get('/print/:file', (request, reply) => {
    const { file } = request.params as { file: string };
    const { ticket } = request.query as { ticket?: unknown };
    const match = /^([0-9a-f]{32})\.pdf$/.exec(file);
    const found = match?.[1] && typeof ticket === 'string' && /^[A-Za-z0-9_-]{43}$/.test(ticket) ? spool.redeem(match[1], ticket) : null;
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.removeHeader('content-security-policy');
    reply.removeHeader('x-frame-options');
    return reply.headers(printDocumentHeaders(found.fileName)).send(Buffer.from(found.pdf));
  });
}
