import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { installHeader, sessionHeader } from '../../shared/serverApi/serverApi';
import type { SqlRunner } from '../db/sql';
import { requireSession, type SessionOperator } from './operatorSessions';
import { admit, checkInstall, identifyWorkstation, type Access, type KnownWorkstation } from './workstationGuard';

/**
 * Routes for workstations: each names what it does (its Access), and runs only after the
 * client certificate named a known workstation allowed to do that, from the data folder it was
 * activated in (x-bala-install). Routes `as` an operator also need the x-bala-session header to
 * name a live session of that workstation: the handler gets the operator from it, never from
 * the body (docs/security.md). Answers { ok: true, value }.
 */
export interface GuardedRoutes {
  get(path: string, access: Access, handler: (workstation: KnownWorkstation) => Promise<unknown>): void;
  post(path: string, access: Access, handler: (workstation: KnownWorkstation, body: unknown, request: RequestFacts) => Promise<unknown>, options?: { bodyLimit?: number }): void;
  /** A route only a signed-in operator's session may use. */
  postAs(path: string, access: Access, handler: (workstation: KnownWorkstation, operator: SessionOperator, body: unknown) => Promise<unknown>, options?: { bodyLimit?: number }): void;
}

/** What a handler may read of the request besides its body. */
export interface RequestFacts {
  sessionToken: string | undefined;
}

/** Which workstation made a request, for the one-line request log. */
export const requestWorkstation = new WeakMap<FastifyRequest, string>();

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export function guardedRoutes(app: FastifyInstance, db: SqlRunner, now: () => Date): GuardedRoutes {
  const guard = async (request: FastifyRequest, access: Access): Promise<KnownWorkstation> => {
    const workstation = await identifyWorkstation(db, request.raw.socket as TLSSocket);
    requestWorkstation.set(request, workstation.id);
    await checkInstall(db, workstation, header(request, installHeader), now());
    admit(workstation, access);
    return workstation;
  };
  const facts = (request: FastifyRequest): RequestFacts => ({ sessionToken: header(request, sessionHeader) });
  return {
    get: (path, access, handler) => {
      app.get(path, async (request) => ({ ok: true, value: await handler(await guard(request, access)) }));
    },
    post: (path, access, handler, options = {}) => {
      app.post(path, options, async (request) => ({ ok: true, value: await handler(await guard(request, access), request.body, facts(request)) }));
    },
    postAs: (path, access, handler, options = {}) => {
      app.post(path, options, async (request) => {
        const workstation = await guard(request, access);
        const operator = await requireSession(db, workstation, header(request, sessionHeader), now());
        return { ok: true, value: await handler(workstation, operator, request.body) };
      });
    },
  };
}
