import https from 'node:https';
import type { PackDef } from '../../shared/forms/packTypes';
import { translatorFor } from '../../shared/i18n/translator';
import { protocolHeader, protocolVersion, versionHeader } from '../../shared/serverApi/serverApi';
import { appVersion } from '../../src-main/appVersion';
import type { Database } from '../../src-server/db/sql';
import { FailureThrottle } from '../../src-server/http/failureThrottle';
import { buildServerApp } from '../../src-server/http/serverApp';
import type { ServerLogger } from '../../src-server/log/serverLogger';
import type { ServerPki } from '../../src-server/pki/serverPki';

export interface TestHttpServer {
  url: string;
  port: number;
  routes: ReturnType<typeof buildServerApp>['routes'];
  /** Every line the server logged. */
  logLines: string[];
  setNow(date: Date | null): void;
  close(): Promise<void>;
}

/** The real HTTPS app with mutual TLS on 127.0.0.1, a random port, and a clock tests can move. */
export async function startTestHttpServer(
  db: Database,
  pki: ServerPki,
  options: {
    throttle?: FailureThrottle;
    accountThrottle?: FailureThrottle;
    beforeListen?: (routes: TestHttpServer['routes']) => void;
    /** The oldest workstation release served (server.json's minWorkstationVersion). */
    minWorkstationVersion?: string;
    /** A fixed port (a server restarted where its workstations expect it); random otherwise. */
    port?: number;
    /** The packs whose forms the server accepts (default: every pack Bala ships). */
    packs?: readonly PackDef[];
  } = {},
): Promise<TestHttpServer> {
  let now: Date | null = null;
  const logLines: string[] = [];
  const log: ServerLogger = {
    info: (line) => logLines.push(line),
    warn: (line) => logLines.push(line),
    error: (line, error) => logLines.push(`${line} ${String(error)}`),
  };
  const { app, routes } = buildServerApp({ db, pki, t: translatorFor('en'), now: () => now ?? new Date(), log, throttle: options.throttle ?? new FailureThrottle(), ...(options.accountThrottle ? { accountThrottle: options.accountThrottle } : {}),
    minWorkstationVersion: options.minWorkstationVersion,
    ...(options.packs ? { packs: options.packs } : {}),
  });
  options.beforeListen?.(routes);
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    routes,
    logLines,
    setNow: (date) => {
      now = date;
    },
    close: () => app.close(),
  };
}

export interface RawAnswer {
  status: number;
  body: string;
  json: unknown;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * A request with full control over the TLS identity and the bytes sent; rejects when the
 * connection fails. It names this release and protocol as a workstation does, unless bare.
 */
export function rawRequest(
  url: string,
  route: string,
  options: { caPem: string; keyPem?: string; certPem?: string; method?: 'GET' | 'POST'; body?: string; contentType?: string; headers?: Record<string, string>; servername?: string; bare?: boolean },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const request = https.request(
      new URL(route, url),
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        ca: options.caPem,
        ...(options.keyPem ? { key: options.keyPem } : {}),
        ...(options.certPem ? { cert: options.certPem } : {}),
        servername: options.servername ?? 'localhost',
        agent: false,
        headers: {
          ...(body ? { 'content-type': options.contentType ?? 'application/json', 'content-length': body.length } : {}),
          ...(options.bare ? {} : { [versionHeader]: appVersion, [protocolHeader]: String(protocolVersion) }),
          ...options.headers,
        },
        timeout: 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text, json: parseJson(text) });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
    request.end(body);
  });
}
