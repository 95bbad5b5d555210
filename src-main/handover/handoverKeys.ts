import crypto from 'node:crypto';
import type { CacheDatabase } from '../store/cacheDatabase';

/** What handover needs of the connection profile, read from the encrypted cache. */
export interface HandoverKeys {
  workstationId: string;
  clientKeyPem: string;
  clientCertPem: string;
  caCertPem: string;
  /** Absent in a profile issued before handover existed. */
  serverCertPem: string | null;
}

export function handoverKeys(db: CacheDatabase): HandoverKeys {
  const row = db.prepare('SELECT id, client_key_pem, client_cert_pem, ca_cert_pem, server_cert_pem FROM workstation LIMIT 1').get() as
    | { id: string; client_key_pem: string; client_cert_pem: string; ca_cert_pem: string; server_cert_pem: string | null }
    | undefined;
  if (!row) throw new Error('cache has no workstation row');
  return { workstationId: row.id, clientKeyPem: row.client_key_pem, clientCertPem: row.client_cert_pem, caCertPem: row.ca_cert_pem, serverCertPem: row.server_cert_pem };
}

/** The server's certificate as the profile gave it, and still one this workstation's CA issued. */
export function trustedServerCert(keys: HandoverKeys): string | null {
  if (!keys.serverCertPem) return null;
  try {
    const server = new crypto.X509Certificate(keys.serverCertPem);
    return server.verify(new crypto.X509Certificate(keys.caCertPem).publicKey) ? keys.serverCertPem : null;
  } catch {
    return null;
  }
}
