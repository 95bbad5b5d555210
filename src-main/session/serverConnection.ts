import type { CacheDatabase } from '../store/cacheDatabase';
import type { ServerConnection } from '../serverLink/serverClient';

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
  };
}
