import net from 'node:net';
import type { TFunction } from 'i18next';
import { openAdminChannel, type AdminChannel } from '../admin/adminChannel';
import { AdminError } from '../admin/adminError';
import { openConfiguredStorage, requireConfig } from '../admin/openAdmin';
import type { Database } from '../db/sql';
import { silentServerLogger, type ServerLogger } from '../log/serverLogger';
import { loadServerPki } from '../pki/serverPki';
import { buildServerApp } from './serverApp';

export interface ServeOptions {
  dataDir: string;
  pgUrl?: string | undefined;
  port: number;
  /** Listening address: every interface by default (the workstations are elsewhere). */
  host?: string | undefined;
  t: TFunction;
  log?: ServerLogger;
}

export interface RunningServer {
  /** Where it listens, e.g. https://127.0.0.1:8443. */
  url: string;
  port: number;
  db: Database;
  /** Stops taking connections, lets requests in flight finish, closes the database. */
  close(): Promise<void>;
}

/** `bala-server serve`: the HTTPS API over the data folder's CA, certificate and database. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const config = requireConfig(options.dataDir);
  const db = await openConfiguredStorage(options.dataDir, config, options.pgUrl);
  const log = options.log ?? silentServerLogger;
  let channel: AdminChannel | null = null;
  try {
    const pki = loadServerPki(options.dataDir);
    const { app } = buildServerApp({ db, pki, t: options.t, log, minWorkstationVersion: config.minWorkstationVersion });
    // The embedded database is this process's alone: administration reaches it through the server.
    if (db.kind === 'pglite') {
      channel = await openAdminChannel(options.dataDir, (actor) => ({ db, actor, now: () => new Date(), config, ca: () => pki.ca, server: () => ({ certPem: pki.serverCertPem, keyPem: pki.serverKeyPem }) }), log);
    }
    const host = options.host ?? '0.0.0.0';
    try {
      await app.listen({ port: options.port, host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new AdminError('LISTEN_FAILED', { address: `${host}:${options.port}`, detail: code });
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const shownHost = host === '0.0.0.0' || host === '::' ? config.tlsServerName : host;
    let closing: Promise<void> | null = null;
    return {
      url: `https://${net.isIPv6(shownHost) ? `[${shownHost}]` : shownHost}:${port}`,
      port,
      db,
      close: () =>
        (closing ??= (async () => {
          try {
            await channel?.close();
            await app.close();
          } finally {
            await db.close();
          }
        })()),
    };
  } catch (error) {
    await channel?.close();
    await db.close();
    throw error;
  }
}
