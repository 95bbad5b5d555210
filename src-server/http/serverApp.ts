import Fastify from 'fastify';
import type { TFunction } from 'i18next';
import type { Database } from '../db/sql';
import { silentServerLogger, type ServerLogger } from '../log/serverLogger';
import type { ServerPki } from '../pki/serverPki';
import { FailureThrottle } from './failureThrottle';
import { guardedRoutes, requestWorkstation, type GuardedRoutes } from './guardedRoutes';
import { Refusal, refusalBody, refusalStatus, type Describe } from './refusal';
import { registerSessionRoutes } from './sessionRoutes';
import { registerVersionGate } from './versionGate';
import { registerSyncRoutes } from '../sync/syncRoutes';
import { registryPacks } from '../../shared/packs';
import { jsonShapeProblem, requestLimits } from '../../shared/sync/jsonShape';
import type { PackDef } from '../../shared/forms/packTypes';

export interface ServerAppOptions {
  db: Database;
  pki: ServerPki;
  /** Messages of refusals, in the server's language (the workstation shows its own, by code). */
  t: TFunction;
  now?: () => Date;
  log?: ServerLogger;
  throttle?: FailureThrottle;
  /** Failed sign-ins per account name across workstations (default: 10 in 5 minutes). */
  accountThrottle?: FailureThrottle;
  /** Registry packs whose forms the server accepts (default: every pack Bala ships). */
  packs?: readonly PackDef[];
  /** The oldest workstation release served (server.json; default in versionGate.ts). */
  minWorkstationVersion?: string | undefined;
}

/** Request bodies are a user name and passwords: 64 KiB is generous. */
const bodyLimit = 64 * 1024;

/**
 * The workstations' HTTPS API with mutual TLS: the handshake itself fails for a client without
 * a certificate issued by the administrator's CA (requestCert + rejectUnauthorized, this CA only).
 */
export function buildServerApp(options: ServerAppOptions) {
  const log = options.log ?? silentServerLogger;
  const now = options.now ?? (() => new Date());
  const describe: Describe = (code, params) => options.t(`server.refusals.${code}`, params);
  const app = Fastify({
    https: {
      key: options.pki.serverKeyPem,
      cert: options.pki.serverCertPem,
      ca: [options.pki.ca.certPem],
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    bodyLimit,
    logger: false,
    requestTimeout: 30_000,
  });

  app.server.on('tlsClientError', () => log.warn('TLS handshake refused (no certificate from this CA, or a broken connection)'));

  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    done(null, payload);
  });
  registerVersionGate(app, { minWorkstationVersion: options.minWorkstationVersion, log });
  app.addHook('onResponse', (request, reply, done) => {
    const workstation = requestWorkstation.get(request) ?? '-';
    log.info(`${request.method} ${request.routeOptions.url ?? 'unknown-route'} ${reply.statusCode} ${workstation} ${Math.round(reply.elapsedTime)}ms`);
    done();
  });

  // Before any route reads it: a body nested too deep, too wide, or with text the database cannot hold.
  app.addHook('preValidation', (request, _reply, done) => {
    const problem = request.body === undefined ? null : jsonShapeProblem(request.body, requestLimits);
    done(problem ? new Refusal('INVALID_INPUT', { params: { detail: problem } }) : undefined);
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof Refusal) return reply.status(refusalStatus[error.code]).send(refusalBody(error, describe));
    const status = typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    // Malformed JSON, a wrong content type, an oversized body: the client's fault, never a 500.
    if (status >= 400 && status < 500) return reply.status(status === 413 ? 413 : 400).send(refusalBody(new Refusal('INVALID_INPUT'), describe));
    log.error(`${request.method} ${request.routeOptions.url ?? 'unknown-route'} failed`, error);
    return reply.status(500).send(refusalBody(new Refusal('INTERNAL'), describe));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(refusalBody(new Refusal('NOT_FOUND'), describe)));

  const routes: GuardedRoutes = guardedRoutes(app, options.db, now);
  registerSessionRoutes(routes, {
    db: options.db,
    now,
    serverKeyPem: options.pki.serverKeyPem,
    throttle: options.throttle ?? new FailureThrottle(),
    accountThrottle: options.accountThrottle ?? new FailureThrottle(10, 5 * 60_000),
  });
  registerSyncRoutes(routes, { db: options.db, now, packs: options.packs ?? registryPacks });
  return { app, routes };
}
