import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { translatorFor } from '../../../shared/i18n/translator';
import type { ScryptParams } from '../../../shared/profile/profileFormat';
import { protocolHeader, protocolVersion, serverRoutes, versionHeader } from '../../../shared/serverApi/serverApi';
import { appVersion } from '../../../src-main/appVersion';
import type { Database } from '../../../src-server/db/sql';
import { FailureThrottle } from '../../../src-server/http/failureThrottle';
import { buildServerApp } from '../../../src-server/http/serverApp';
import type { KnownWorkstation } from '../../../src-server/http/workstationGuard';
import type { ServerLogger } from '../../../src-server/log/serverLogger';
import { deriveAccountKeys, type AccountKeys } from '../../../src-server/security/accountKeys';
import { scryptHash } from '../../../src-server/security/passwordHash';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import type { TestStorage } from '../../support/serverStorage';

/*
 * The server's app run in this process through Fastify's inject (no TLS socket, no port): a test
 * header stands in for the client certificate the TLS handshake would have checked. Operators
 * and workstations are written straight into the database, with a cheap scrypt for speed (the
 * server checks a password with the parameters stored beside its hash).
 */

/** Which certificate fingerprint the fake socket shows (colon-separated, upper case, as Node gives it). */
export const certHeader = 'x-test-certificate';
/** Present: the fake socket says the handshake did not authorise the client. */
export const unauthorisedHeader = 'x-test-unauthorised';

export const cheapKdf = (): ScryptParams => ({ algorithm: 'scrypt', N: 1024, r: 8, p: 1, salt: crypto.randomBytes(16).toString('base64') });

export interface Operator {
  username: string;
  password: string;
  keys: AccountKeys;
}

export interface Harness {
  setup: TestServerSetup;
  db: Database;
  app: FastifyInstance;
  routes: ReturnType<typeof buildServerApp>['routes'];
  agencyId: string;
  logLines: string[];
  /** The server's clock (fixed: tests move it explicitly). */
  now: { value: Date };
  throttle: FailureThrottle;
  accountThrottle: FailureThrottle;
  workstation(options?: { status?: KnownWorkstation['status']; reason?: string | null; agencyId?: string }): Promise<KnownWorkstation & { fingerprint256: string }>;
  operator(username: string, options?: { workstations?: string[]; agencyId?: string; validUntil?: Date; disabled?: boolean; keys?: boolean; role?: string }): Promise<Operator>;
  request(workstation: { fingerprint256: string } | null, method: 'GET' | 'POST', url: string, body?: unknown, headers?: Record<string, string | string[]>): Promise<{ status: number; json: Record<string, unknown>; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Lets the test headers stand in for the client certificate the TLS handshake checked. */
export function fakeCertificates(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const fingerprint = request.headers[certHeader];
    Object.assign(request.raw.socket, {
      authorized: request.headers[unauthorisedHeader] === undefined,
      getPeerCertificate: () => (typeof fingerprint === 'string' ? { fingerprint256: fingerprint } : {}),
    });
    done();
  });
}

let counter = 0;
const hex = (bytes: number) => crypto.randomBytes(bytes).toString('hex');

/** Node's fingerprint256 format: AB:CD:… */
const colonFingerprint = (fingerprint: string) => (fingerprint.toUpperCase().match(/../g) ?? []).join(':');

export async function startHarness(storage: TestStorage, options: { throttle?: FailureThrottle; accountThrottle?: FailureThrottle; minWorkstationVersion?: string; beforeReady?: (routes: Harness['routes']) => void } = {}): Promise<Harness> {
  // PGlite starts from the empty cluster tests/support/serverStorage.ts keeps per machine.
  const db = await storage.fresh();
  const setup = testServerSetup(db);
  const agencyId = (await testAgency(setup.admin)).id;
  const logLines: string[] = [];
  const log: ServerLogger = {
    info: (line) => logLines.push(`info ${line}`),
    warn: (line) => logLines.push(`warn ${line}`),
    error: (line) => logLines.push(`error ${line}`),
  };
  const now = { value: new Date('2026-03-02T09:00:00.000Z') };
  const throttle = options.throttle ?? new FailureThrottle(1000, 60_000);
  const accountThrottle = options.accountThrottle ?? new FailureThrottle(1000, 60_000);
  const { app, routes } = buildServerApp({ db, pki: setup.pki, t: translatorFor('en'), now: () => now.value, log, throttle, accountThrottle, minWorkstationVersion: options.minWorkstationVersion });
  fakeCertificates(app);
  options.beforeReady?.(routes);
  await app.ready();

  return {
    setup,
    db,
    app,
    routes,
    agencyId,
    logLines,
    now,
    throttle,
    accountThrottle,
    workstation: async ({ status = 'active', reason = status === 'active' ? null : 'administrator’s reason', agencyId: agency = agencyId } = {}) => {
      counter += 1;
      const id = `ws-mut${counter}${hex(4)}`;
      const fingerprint = hex(32);
      await db.query(
        `INSERT INTO workstations (id, name, agency_id, status, reason, cert_serial, cert_fingerprint, cert_expires_at, profile_id, profile_expires_at)
         VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $7)`,
        [id, agency, status, reason, hex(8), fingerprint, new Date('2030-01-01T00:00:00Z'), crypto.randomUUID()],
      );
      return { id, agencyId: agency, status, reason, installId: null, fingerprint256: colonFingerprint(fingerprint) };
    },
    operator: async (username, { workstations = [], agencyId: agency = agencyId, validUntil = new Date('2026-06-01T00:00:00Z'), disabled = false, keys: withKeys = true, role = 'data_holder' } = {}) => {
      const password = `Pw-${username}-Secret-42`;
      const kdf = cheapKdf();
      const hash = (await scryptHash(password, kdf)).toString('base64');
      const keys = await deriveAccountKeys(password, cheapKdf());
      await db.query(
        `INSERT INTO users (username, display_name, agency_id, role, password_hash, kdf, valid_until, disabled, must_change_password, account_kdf, sign_pub, wrap_pub)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, true, $9::jsonb, $10, $11)`,
        [username, `Display ${username}`, agency, role, hash, JSON.stringify(kdf), validUntil, disabled, withKeys ? JSON.stringify(keys.public.kdf) : null, withKeys ? keys.public.signPub : null, withKeys ? keys.public.wrapPub : null],
      );
      for (const workstation of workstations) await db.query('INSERT INTO workstation_users (workstation_id, username) VALUES ($1, $2)', [workstation, username]);
      return { username, password, keys };
    },
    request: async (workstation, method, url, body, headers = {}) => {
      const answer = await app.inject({
        method,
        url,
        headers: {
          [versionHeader]: appVersion,
          [protocolHeader]: String(protocolVersion),
          ...(workstation ? { [certHeader]: workstation.fingerprint256 } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(answer.body) as Record<string, unknown>;
      } catch {
        json = { unparsed: answer.body };
      }
      return { status: answer.statusCode, json, headers: answer.headers };
    },
    close: async () => {
      await app.close();
      setup.cleanup();
    },
  };
}

/** The refusal code of an answer, or 'ok'. */
export const codeOf = (answer: { json: Record<string, unknown> }): string => (answer.json.ok === true ? 'ok' : ((answer.json.error as { code?: string } | undefined)?.code ?? 'none'));
export const valueOf = <T>(answer: { json: Record<string, unknown> }): T => answer.json.value as T;
export const errorOf = (answer: { json: Record<string, unknown> }) => answer.json.error as { code: string; message: string; reason?: string; retryAfter?: string; current?: string; required?: string };

/**
 * One harness for a describe block: started before its tests, closed after them, its clock put
 * back to `base` before each test. `name` gives each test fresh usernames; `signIn` posts one.
 */
export function harnessForSuite(storage: TestStorage, base: Date, options: Parameters<typeof startHarness>[1] = {}) {
  const suite = { h: undefined as unknown as Harness };
  let seq = 0;
  beforeAll(async () => {
    suite.h = await startHarness(storage, options);
  }, 120_000);
  afterAll(async () => {
    await suite.h.close();
  });
  beforeEach(() => {
    suite.h.now.value = base;
  });
  return {
    get h(): Harness {
      return suite.h;
    },
    name: (stem: string) => {
      seq += 1;
      return `${stem}-${seq}`;
    },
    signIn: (ws: { fingerprint256: string }, username: string, password: string) => suite.h.request(ws, 'POST', serverRoutes.signIn, { username, password }),
  };
}
