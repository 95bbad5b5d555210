import fs from 'node:fs';
import os from 'node:os';
import { readServerConfig, type ServerConfig } from '../config/serverConfig';
import { SchemaTooNewError } from '../db/migrate';
import { openStorage } from '../db/openStorage';
import type { Database } from '../db/sql';
import { StorageBusyError } from '../db/storageLock';
import { loadServerPki } from '../pki/serverPki';
import type { AdminContext } from './adminContext';
import { AdminError } from './adminError';

export interface OpenOptions {
  dataDir: string;
  pgUrl?: string | undefined;
  now?: () => Date;
  actor?: string;
}

/** The administrator, as the audit log names them: the operating-system account. */
export function osActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function requireConfig(dataDir: string): ServerConfig {
  const config = fs.existsSync(dataDir) ? readServerConfig(dataDir) : null;
  if (!config) throw new AdminError('NOT_INITIALISED', { dir: dataDir });
  return config;
}

/** The database the data folder's server.json names, with storage failures as clear refusals. */
export async function openConfiguredStorage(dataDir: string, config: ServerConfig, pgUrl: string | undefined): Promise<Database> {
  if (config.storage === 'postgres' && !pgUrl) throw new AdminError('STORAGE_NEEDS_PG');
  if (config.storage === 'pglite' && pgUrl) throw new AdminError('STORAGE_IS_EMBEDDED');
  return openStorageOrRefuse(dataDir, pgUrl);
}

/** Opens (and migrates) the embedded or PostgreSQL database, its failures as clear refusals. */
export async function openStorageOrRefuse(dataDir: string, pgUrl: string | undefined): Promise<Database> {
  try {
    return await openStorage({ dataDir, pgUrl });
  } catch (error) {
    if (error instanceof StorageBusyError) throw new AdminError('STORAGE_BUSY', { pid: String(error.pid) });
    if (error instanceof SchemaTooNewError) throw new AdminError('SCHEMA_TOO_NEW', { version: String(error.version) });
    if (pgUrl) throw new AdminError('STORAGE_UNREACHABLE', { detail: storageFailure(error) });
    throw error;
  }
}

/** A connection failure's code, never the URL (it holds a password). */
function storageFailure(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

export async function openAdmin(options: OpenOptions): Promise<AdminContext> {
  const config = requireConfig(options.dataDir);
  const db = await openConfiguredStorage(options.dataDir, config, options.pgUrl);
  return {
    db,
    actor: options.actor ?? osActor(),
    now: options.now ?? (() => new Date()),
    config,
    ca: () => loadServerPki(options.dataDir).ca,
    server: () => {
      const pki = loadServerPki(options.dataDir);
      return { certPem: pki.serverCertPem, keyPem: pki.serverKeyPem };
    },
  };
}
