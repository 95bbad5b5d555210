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
 * `GET /print/<id>.pdf`: a paper copy the page asked for (print.open), served from memory to the
 * browser's PDF viewer, where the operator prints or saves it. The unguessable id is the
 * capability — a new tab cannot carry the API token — and the page's CSP is left off: its
 * `object-src 'none'` would stop the viewer.
 */
export function registerPrintDocumentRoute(app: FastifyInstance, spool: PrintSpool): void {
  app.get('/print/:file', (request, reply) => {
    const { file } = request.params as { file: string };
    const match = /^([0-9a-f]{32})\.pdf$/.exec(file);
    const found = match?.[1] ? spool.get(match[1]) : null;
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.removeHeader('content-security-policy');
    reply.removeHeader('x-frame-options');
    return reply.headers(printDocumentHeaders(found.fileName)).send(Buffer.from(found.pdf));
  });
}
