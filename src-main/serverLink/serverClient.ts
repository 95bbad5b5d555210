import https from 'node:https';
import type { z } from 'zod';
import {
  installHeader,
  minWorkstationVersionHeader,
  protocolHeader,
  protocolVersion,
  serverErrorSchema,
  sessionHeader,
  versionHeader,
  type ServerError,
} from '../../shared/serverApi/serverApi';
import { compareRelease, parseRelease } from '../../shared/serverApi/releaseVersion';
import { appVersion } from '../appVersion';

/** What the workstation needs to reach its server: from the profile, kept in the encrypted cache. */
export interface ServerConnection {
  url: string;
  tlsServerName: string;
  caCertPem: string;
  clientKeyPem: string;
  clientCertPem: string;
  /** This data folder's random id: the server admits one activation per issued profile. */
  installId?: string;
  /** The signed-in operator's server session (pull, photos and push need one). */
  session?: string;
}

export type ServerAnswer<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'refused'; error: ServerError }
  | { kind: 'unreachable'; detail: string };

/** The server's minimum release (a header on each of its answers), when this workstation is older. */
function outdatedBy(header: string | string[] | undefined): { current: string; required: string } | null {
  const required = typeof header === 'string' ? parseRelease(header) : null;
  const current = parseRelease(appVersion);
  if (!required || !current || compareRelease(current, required) >= 0) return null;
  return { current: appVersion, required: header as string };
}

/**
 * One JSON request to the central server over mutual TLS: the workstation's certificate proves
 * which workstation asks, the profile's CA is the only one trusted for the server. Every request
 * names this release and its protocol; the server refuses a release older than it serves.
 */
export function serverRequest<T>(
  connection: ServerConnection,
  method: 'GET' | 'POST',
  route: string,
  body: unknown,
  valueSchema: z.ZodType<T>,
  timeoutMs = 10_000,
): Promise<ServerAnswer<T>> {
  return new Promise((resolve) => {
    const url = new URL(route, connection.url);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const request = https.request(
      url,
      {
        method,
        ca: connection.caCertPem,
        key: connection.clientKeyPem,
        cert: connection.clientCertPem,
        servername: connection.tlsServerName,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          [versionHeader]: appVersion,
          [protocolHeader]: String(protocolVersion),
          ...(connection.installId ? { [installHeader]: connection.installId } : {}),
          ...(connection.session ? { [sessionHeader]: connection.session } : {}),
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok?: unknown; value?: unknown; error?: unknown };
            if (json.ok === true) {
              const value = valueSchema.safeParse(json.value);
              resolve(value.success ? { kind: 'ok', value: value.data } : { kind: 'unreachable', detail: 'unexpected answer' });
              return;
            }
            const error = serverErrorSchema.safeParse(json.error);
            const outdated = outdatedBy(response.headers[minWorkstationVersionHeader]);
            if (error.success) resolve({ kind: 'refused', error: error.data.code === 'WORKSTATION_OUTDATED' ? { current: appVersion, ...outdated, ...error.data } : error.data });
            // A refusal this release cannot read (a later server's new code): if the server
            // serves only newer workstations, that is what it said.
            else if (outdated) resolve({ kind: 'refused', error: { code: 'WORKSTATION_OUTDATED', message: `HTTP ${response.statusCode ?? '?'}`, ...outdated } });
            else resolve({ kind: 'unreachable', detail: `HTTP ${response.statusCode ?? '?'}` });
          } catch {
            resolve({ kind: 'unreachable', detail: `HTTP ${response.statusCode ?? '?'}: not JSON` });
          }
        });
        response.on('error', (error) => resolve({ kind: 'unreachable', detail: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => resolve({ kind: 'unreachable', detail: error.message }));
    request.end(payload);
  });
}
