import type { TLSSocket } from 'node:tls';
import { appendAudit } from '../admin/auditLog';
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
  /** The data folder its profile was first seen from (x-bala-install), null until then. */
  installId?: string | null;
}

/**
 * The TLS handshake already proved the client holds a certificate this CA issued; here its
 * fingerprint must also name a workstation the administrator issued and has not revoked.
 */
export async function identifyWorkstation(db: SqlRunner, socket: TLSSocket): Promise<KnownWorkstation> {
  const cert = socket.getPeerCertificate();
  if (!socket.authorized || !cert.fingerprint256) throw new Refusal('WORKSTATION_UNKNOWN');
  const { rows } = await db.query<{ id: string; agency_id: string; status: WorkstationState; reason: string | null; install_id: string | null }>(
    'SELECT id, agency_id, status, reason, install_id FROM workstations WHERE cert_fingerprint = $1',
    [fingerprintOf(cert.fingerprint256)],
  );
  const row = rows[0];
  if (!row) throw new Refusal('WORKSTATION_UNKNOWN');
  return { id: row.id, agencyId: row.agency_id, status: row.status, reason: row.reason, installId: row.install_id };
}

const installPattern = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * One data folder per issued profile: the first install id a workstation sends is recorded; a
 * request from another folder (a copied profile and key) is refused and audited. A workstation
 * that sends no install id (one older than this check) is let through.
 */
export async function checkInstall(db: SqlRunner, workstation: KnownWorkstation, installId: string | undefined, now: Date): Promise<void> {
  if (installId === undefined) return;
  if (!installPattern.test(installId)) throw new Refusal('INVALID_INPUT', { params: { detail: 'x-bala-install' } });
  if (workstation.installId === installId) return;
  if ((workstation.installId ?? null) === null) {
    await db.query('UPDATE workstations SET install_id = $2, install_seen_at = $3 WHERE id = $1 AND install_id IS NULL', [workstation.id, installId, now]);
    const { rows } = await db.query<{ install_id: string | null }>('SELECT install_id FROM workstations WHERE id = $1', [workstation.id]);
    workstation.installId = rows[0]?.install_id ?? null;
    if (workstation.installId === installId) return;
  }
  await appendAudit(db, { actor: `workstation:${workstation.id}`, action: 'workstation.copied', target: workstation.id, details: { refused: 'WORKSTATION_COPIED' } }, now);
  throw new Refusal('WORKSTATION_COPIED');
}

/** Suspended and revoked workstations see only their status; a restricted one may not write. */
export function admit(workstation: KnownWorkstation, access: Access): void {
  if (access === 'status') return;
  const reason = workstation.reason ?? '';
  if (workstation.status === 'revoked') throw new Refusal('WORKSTATION_REVOKED', { reason });
  if (workstation.status === 'suspended') throw new Refusal('WORKSTATION_SUSPENDED', { reason });
  if (workstation.status === 'restricted' && access === 'write') throw new Refusal('WORKSTATION_RESTRICTED', { reason });
}
