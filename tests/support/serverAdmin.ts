import type { AdminContext } from '../../src-server/admin/adminContext';
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
