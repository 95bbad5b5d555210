import fs from 'node:fs';
import net from 'node:net';
import { dataLayout } from '../config/dataLayout';
import { readServerConfig, writeServerConfig, type ServerConfig } from '../config/serverConfig';
import type { Database } from '../db/sql';
import { certificateFacts, defaultKeyBits } from '../pki/certificates';
import { createServerPki } from '../pki/serverPki';
import { AdminError } from './adminError';
import { appendAudit } from './auditLog';
import { openStorageOrRefuse } from './openAdmin';

export interface InitOptions {
  dataDir: string;
  pgUrl?: string | undefined;
  hosts?: readonly string[] | undefined;
  serverUrl?: string | undefined;
  caName?: string | undefined;
  keyBits?: number | undefined;
  actor: string;
  now: Date;
}

export interface InitResult {
  dataDir: string;
  serverUrl: string;
  /** The port the server URL names (443 when it names none): where `serve` should listen. */
  port: number;
  tlsServerName: string;
  hosts: string[];
  storage: ServerConfig['storage'];
  caFingerprint: string;
  caCertFile: string;
}

export const defaultHosts = ['localhost', '127.0.0.1'];
export const defaultPort = 8443;

/** Workstations check the server's certificate against a name; an IP address only when no DNS name is in it. */
function tlsServerNameFor(url: URL, hosts: readonly string[]): string {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!net.isIP(host)) return host;
  return hosts.find((name) => !net.isIP(name)) ?? host;
}

/** The port a URL names, or its scheme's default (an https URL without one: 443). */
export const urlPort = (url: URL): number => (url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443);

/**
 * `bala-server init`: the administrator's CA, the server's TLS key and certificate, the
 * database with its schema, and server.json (written last: its presence means "initialised").
 */
export async function initServer(options: InitOptions): Promise<InitResult> {
  const layout = dataLayout(options.dataDir);
  if (readServerConfig(options.dataDir) || (fs.existsSync(layout.pki) && fs.readdirSync(layout.pki).length > 0)) {
    throw new AdminError('ALREADY_INITIALISED', { dir: options.dataDir });
  }
  const hosts = [...new Set((options.hosts?.length ? options.hosts : defaultHosts).map((host) => host.trim().toLowerCase()).filter(Boolean))];
  let url: URL;
  try {
    url = new URL(options.serverUrl ?? `https://${net.isIPv6(hosts[0] ?? '') ? `[${hosts[0]}]` : hosts[0]}:${defaultPort}`);
  } catch {
    throw new AdminError('INVALID_INPUT');
  }
  // Port 0 means "any free port" to a listening socket, never an address a workstation can dial.
  if (url.protocol !== 'https:' || url.port === '0') throw new AdminError('INVALID_INPUT');
  const tlsServerName = tlsServerNameFor(url, hosts);
  if (!hosts.includes(tlsServerName)) hosts.push(tlsServerName);

  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // Also a folder the administrator made beforehand: the keys, the database and the admin socket live in it.
  fs.chmodSync(options.dataDir, 0o700);
  // The database first: an unreachable PostgreSQL must not leave a half-initialised folder behind.
  const db = await openStorageOrRefuse(options.dataDir, options.pgUrl);
  try {
    const { rows } = await db.query("SELECT 1 FROM audit_log WHERE action = 'server.init' LIMIT 1");
    // Another CA already issued this database's workstations: a second one would lock them all out.
    if (rows.length > 0) throw new AdminError('ALREADY_INITIALISED', { dir: options.pgUrl ? 'PostgreSQL' : options.dataDir });
    const result = await initialise(options, hosts, url, tlsServerName, db);
    if (!options.pgUrl) fs.chmodSync(layout.db, 0o700);
    return result;
  } finally {
    await db.close();
  }
}

async function initialise(options: InitOptions, hosts: string[], url: URL, tlsServerName: string, db: Database): Promise<InitResult> {
  const layout = dataLayout(options.dataDir);
  const keyBits = options.keyBits ?? defaultKeyBits;
  const pki = createServerPki(options.dataDir, { hosts, caName: options.caName ?? 'Bala administrator CA', keyBits, now: options.now });
  const config: ServerConfig = {
    format: 'bala-server',
    version: 1,
    serverUrl: url.toString().replace(/\/$/, ''),
    tlsServerName,
    hosts,
    storage: options.pgUrl ? 'postgres' : 'pglite',
    keyBits,
    createdAt: options.now.toISOString(),
  };
  const caFingerprint = certificateFacts(pki.ca.certPem).fingerprint;
  await appendAudit(db, { actor: options.actor, action: 'server.init', target: null, details: { hosts, serverUrl: config.serverUrl, storage: config.storage, caFingerprint } }, options.now);
  writeServerConfig(options.dataDir, config);
  return { dataDir: options.dataDir, serverUrl: config.serverUrl, port: urlPort(url), tlsServerName, hosts, storage: config.storage, caFingerprint, caCertFile: layout.caCert };
}
