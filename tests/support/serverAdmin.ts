import crypto from 'node:crypto';
import {
  normaliseActivationCode,
  profileBodySchema,
  profileFileSchema,
  profileSecretAad,
  profileSecretSchema,
  type ProfileBody,
  type ProfileSecret,
} from '../../shared/profile/profileFormat';
import type { AdminContext } from '../../src-server/admin/adminContext';
import { issueWorkstation } from '../../src-server/admin/workstations';
import { scryptHash } from '../../src-server/security/passwordHash';
import { rawRequest, type RawAnswer } from './serverHttp';
import { addAgency, type AgencyView } from '../../src-server/admin/agencies';
import { addUser, type IssuedPassword } from '../../src-server/admin/users';
import type { ServerConfig } from '../../src-server/config/serverConfig';
import type { Database } from '../../src-server/db/sql';
import { createServerPki, type ServerPki } from '../../src-server/pki/serverPki';
import { testKeyBits } from './serverPki';
import { tempDir } from './tempDir';

export interface TestServerSetup {
  admin: AdminContext;
  pki: ServerPki;
  dataDir: string;
  /** Moves the administrator's clock (expiry tests); null goes back to real time. */
  setNow(date: Date | null): void;
  cleanup(): void;
}

/** An administrator's context over a test database, with a CA made for it (small keys). */
export function testServerSetup(db: Database, options: { serverUrl?: string; hosts?: string[] } = {}): TestServerSetup {
  const temp = tempDir('bala-server-test-');
  const hosts = options.hosts ?? ['localhost', '127.0.0.1'];
  let now: Date | null = null;
  const pki = createServerPki(temp.dir, { hosts, caName: 'Bala test administrator CA', keyBits: testKeyBits, now: new Date() });
  const config: ServerConfig = {
    format: 'bala-server',
    version: 1,
    serverUrl: options.serverUrl ?? 'https://localhost:8443',
    tlsServerName: 'localhost',
    hosts,
    storage: db.kind,
    keyBits: testKeyBits,
    createdAt: new Date().toISOString(),
  };
  return {
    admin: { db, actor: 'test-admin', now: () => now ?? new Date(), config, ca: () => pki.ca, server: () => ({ certPem: pki.serverCertPem, keyPem: pki.serverKeyPem }) },
    pki,
    dataDir: temp.dir,
    setNow: (date) => {
      now = date;
    },
    cleanup: temp.cleanup,
  };
}

let tinCounter = 0;
/** A Kyrgyz agency with a fresh 14-digit TIN. */
export function testAgency(admin: AdminContext, name = 'Бишкек шаардык балдар үйү'): Promise<AgencyView> {
  tinCounter += 1;
  const tin = `0${String(Date.now() % 1e9).padStart(9, '0')}${String(tinCounter).padStart(4, '0')}`;
  return addAgency(admin, { name, kind: 'childrens_home', country: 'KG', territory: '41711', tin });
}

export function testUser(admin: AdminContext, username: string, agency: string, options: { validDays?: number; displayName?: string } = {}): Promise<IssuedPassword> {
  return addUser(admin, { username, agency, role: 'data_holder', validDays: options.validDays ?? 30, displayName: options.displayName ?? username });
}

/**
 * Opens an issued profile as a workstation would, without the workstation's code (the server's
 * tests stay independent of src-main): the CA signature over the body, then the secret part.
 */
export async function openIssuedProfile(profile: Buffer, activationCode: string): Promise<{ body: ProfileBody; secret: ProfileSecret }> {
  const file = profileFileSchema.parse(JSON.parse(profile.toString('utf8')));
  const bodyBytes = Buffer.from(file.body, 'base64');
  const body = profileBodySchema.parse(JSON.parse(bodyBytes.toString('utf8')));
  if (!crypto.verify('sha256', bodyBytes, new crypto.X509Certificate(body.caCertPem).publicKey, Buffer.from(file.signature, 'base64'))) throw new Error('profile signature');
  const key = await scryptHash(normaliseActivationCode(activationCode), body.secret.kdf);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(body.secret.iv, 'base64'));
  decipher.setAAD(Buffer.from(profileSecretAad(body), 'utf8'));
  decipher.setAuthTag(Buffer.from(body.secret.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(body.secret.ciphertext, 'base64')), decipher.final()]);
  return { body, secret: profileSecretSchema.parse(JSON.parse(plain.toString('utf8'))) };
}

export interface TestWorkstation {
  id: string;
  agencyId: string;
  passwords: Record<string, string>;
  body: ProfileBody;
  secret: ProfileSecret;
  tls: { caPem: string; keyPem: string; certPem: string };
  /** A JSON request with this workstation's certificate; GET without a body. */
  call(route: string, body?: unknown, headers?: Record<string, string>): Promise<RawAnswer>;
  /** Signs in online and answers the session token (throws on refusal). */
  session(username: string, password?: string): Promise<string>;
}

/** Users of an agency, a workstation issued for them, and its connection as the profile gives it. */
export async function testWorkstation(
  setup: TestServerSetup,
  server: { url: string },
  agencyId: string,
  users: readonly (string | { username: string; role: string })[],
): Promise<TestWorkstation> {
  const passwords: Record<string, string> = {};
  for (const entry of users) {
    const { username, role } = typeof entry === 'string' ? { username: entry, role: 'data_holder' } : entry;
    passwords[username] = (await addUser(setup.admin, { username, agency: agencyId, role, validDays: 30, displayName: username })).password;
  }
  const issued = await issueWorkstation(setup.admin, { agency: agencyId, users: users.map((entry) => (typeof entry === 'string' ? entry : entry.username)) });
  const { body, secret } = await openIssuedProfile(issued.profile, issued.activationCode);
  const tls = { caPem: body.caCertPem, keyPem: secret.clientKeyPem, certPem: secret.clientCertPem };
  const call = (route: string, payload?: unknown, headers: Record<string, string> = {}) =>
    rawRequest(server.url, route, { ...tls, ...(payload === undefined ? { method: 'GET' as const } : { body: JSON.stringify(payload) }), headers });
  return {
    id: issued.workstation.id,
    agencyId,
    passwords,
    body,
    secret,
    tls,
    call,
    session: async (username, password = passwords[username] ?? '') => {
      const answer = await call('/v1/session/sign-in', { username, password });
      const token = (answer.json as { value?: { session?: { token?: string } } } | null)?.value?.session?.token;
      if (!token) throw new Error(`sign-in of ${username} refused: ${answer.body}`);
      return token;
    },
  };
}
