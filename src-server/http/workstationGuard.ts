import type { TLSSocket } from 'node:tls';
import type { SqlRunner } from '../db/sql';
import { fingerprintOf } from '../pki/certificates';
import type { WorkstationState } from '../admin/workstations';
import { Refusal } from './refusal';

/** What a route may do: see its own status, manage an operator's account, read, or write registry data. */
export type Access = 'status' | 'account' | 'read' | 'write';

export interface KnownWorkstation {
  id: string;
  agencyId: string;
  status: WorkstationState;
  reason: string | null;
}

/**
 * The TLS handshake already proved the client holds a certificate this CA issued; here its
 * fingerprint must also name a workstation the administrator issued and has not revoked.
 */
export async function identifyWorkstation(db: SqlRunner, socket: TLSSocket): Promise<KnownWorkstation> {
  const cert = socket.getPeerCertificate();
  if (!socket.authorized || !cert.fingerprint256) throw new Refusal('WORKSTATION_UNKNOWN');
  const { rows } = await db.query<{ id: string; agency_id: string; status: WorkstationState; reason: string | null }>(
    'SELECT id, agency_id, status, reason FROM workstations WHERE cert_fingerprint = $1',
    [fingerprintOf(cert.fingerprint256)],
  );
  const row = rows[0];
  if (!row) throw new Refusal('WORKSTATION_UNKNOWN');
  return { id: row.id, agencyId: row.agency_id, status: row.status, reason: row.reason };
}

/** Suspended and revoked workstations see only their status; a restricted one may not write. */
export function admit(workstation: KnownWorkstation, access: Access): void {
  if (access === 'status') return;
  const reason = workstation.reason ?? '';
  if (workstation.status === 'revoked') throw new Refusal('WORKSTATION_REVOKED', { reason });
  if (workstation.status === 'suspended') throw new Refusal('WORKSTATION_SUSPENDED', { reason });
  if (workstation.status === 'restricted' && access === 'write') throw new Refusal('WORKSTATION_RESTRICTED', { reason });
}
