import crypto from 'node:crypto';
import type { CacheDatabase } from '../store/cacheDatabase';
import type { ServerConnection } from '../serverLink/serverClient';

/** This data folder's install id, made once (at activation, or on the first contact of an older cache). */
function installId(db: CacheDatabase): string {
  const row = db.prepare("SELECT value FROM sync_state WHERE key = 'installId'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = crypto.randomUUID();
  db.prepare("INSERT INTO sync_state (key, value) VALUES ('installId', ?) ON CONFLICT (key) DO NOTHING").run(id);
  return (db.prepare("SELECT value FROM sync_state WHERE key = 'installId'").get() as { value: string }).value;
}

/** The connection secrets, read from the encrypted cache (so only while someone is signed in). */
export function serverConnectionFrom(db: CacheDatabase): ServerConnection {
  const row = db
    .prepare('SELECT server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem FROM workstation LIMIT 1')
    .get() as { server_url: string; tls_server_name: string; ca_cert_pem: string; client_key_pem: string; client_cert_pem: string } | undefined;
  if (!row) throw new Error('cache has no workstation row');
  return {
    url: row.server_url,
    tlsServerName: row.tls_server_name,
    caCertPem: row.ca_cert_pem,
    clientKeyPem: row.client_key_pem,
    clientCertPem: row.client_cert_pem,
    installId: installId(db),
  };
}
