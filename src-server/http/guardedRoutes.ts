import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SqlRunner } from '../db/sql';
import { admit, identifyWorkstation, type Access, type KnownWorkstation } from './workstationGuard';

/**
 * Routes for workstations: each names what it does (its Access), and runs only after the
 * client certificate named a known workstation allowed to do that. Answers { ok: true, value }.
 */
export interface GuardedRoutes {
  get(path: string, access: Access, handler: (workstation: KnownWorkstation) => Promise<unknown>): void;
  post(path: string, access: Access, handler: (workstation: KnownWorkstation, body: unknown) => Promise<unknown>, options?: { bodyLimit?: number }): void;
}

/** Which workstation made a request, for the one-line request log. */
export const requestWorkstation = new WeakMap<FastifyRequest, string>();

export function guardedRoutes(app: FastifyInstance, db: SqlRunner): GuardedRoutes {
  const guard = async (request: FastifyRequest, access: Access): Promise<KnownWorkstation> => {
    const workstation = await identifyWorkstation(db, request.raw.socket as TLSSocket);
    requestWorkstation.set(request, workstation.id);
    admit(workstation, access);
    return workstation;
  };
  return {
    get: (path, access, handler) => {
      app.get(path, async (request) => ({ ok: true, value: await handler(await guard(request, access)) }));
    },
    post: (path, access, handler, options = {}) => {
      app.post(path, options, async (request) => ({ ok: true, value: await handler(await guard(request, access), request.body) }));
    },
  };
}
