import crypto from 'node:crypto';
import { packagePayloadSchema, splitSealed, type PackagePayload, type SealedHeader } from '../../shared/handover/handoverFormat';
import type { AdminContext } from '../admin/adminContext';
import { AdminError } from '../admin/adminError';
import type { WorkstationState } from '../admin/workstations';
import type { KnownWorkstation } from '../http/workstationGuard';
import { certFingerprint, openPayload, signatureValid } from './sealedFile';

export interface CheckedPackage {
  header: SealedHeader;
  payload: PackagePayload;
  workstation: KnownWorkstation;
  /** The workstation's certificate: the receipt is encrypted to it. */
  signerCertPem: string;
}

const commonName = (cert: crypto.X509Certificate): string | null =>
  cert.subject.split('\n').find((part) => part.startsWith('CN='))?.slice(3) ?? null;

/** Issued by this server's CA to the workstation the header names. */
function issuedTo(signerCertPem: string, caCertPem: string, workstationId: string): boolean {
  try {
    const signer = new crypto.X509Certificate(signerCertPem);
    const ca = new crypto.X509Certificate(caCertPem);
    return signer.checkIssued(ca) && signer.verify(ca.publicKey) && commonName(signer) === workstationId;
  } catch {
    return false;
  }
}

/**
 * Every check a package must pass before anything of it is applied, each failure its own
 * refusal (docs/handover.md): whole and well-formed, meant for this server, not altered by a
 * byte, signed by the key of a certificate this CA issued to the workstation it names (the one
 * registered for it, not revoked, suspended or restricted), and decryptable with this server's key.
 */
export async function checkPackage(ctx: AdminContext, bytes: Uint8Array): Promise<CheckedPackage> {
  const split = splitSealed(bytes, 'bala-handover');
  if (split === 'truncated') throw new AdminError('HANDOVER_TRUNCATED');
  if (split === 'unreadable' || split === 'wrongKind') throw new AdminError('HANDOVER_UNREADABLE');
  const { header } = split;
  const server = ctx.server();
  if (header.recipientFingerprint !== certFingerprint(server.certPem)) throw new AdminError('HANDOVER_OTHER_SERVER');
  if (!signatureValid(split)) throw new AdminError('HANDOVER_SIGNATURE_INVALID');
  if (!issuedTo(header.signerCertPem, ctx.ca().certPem, header.workstationId)) throw new AdminError('HANDOVER_WRONG_SIGNER', { id: header.workstationId });

  const { rows } = await ctx.db.query<{ id: string; agency_id: string; status: WorkstationState; reason: string | null; cert_fingerprint: string }>(
    'SELECT id, agency_id, status, reason, cert_fingerprint FROM workstations WHERE id = $1',
    [header.workstationId],
  );
  const row = rows[0];
  if (!row) throw new AdminError('WORKSTATION_NOT_FOUND', { id: header.workstationId });
  // A certificate of the CA, but not the one registered: an older or another issue of that id.
  if (row.cert_fingerprint !== certFingerprint(header.signerCertPem)) throw new AdminError('HANDOVER_WRONG_SIGNER', { id: header.workstationId });
  if (row.status === 'revoked') throw new AdminError('WORKSTATION_REVOKED', { id: row.id });
  if (row.status !== 'active') throw new AdminError('HANDOVER_WORKSTATION_BLOCKED', { id: row.id, status: row.status, reason: row.reason ?? '' });

  const parsed = packagePayloadSchema.safeParse(openPayload(split, server.keyPem));
  if (!parsed.success) throw new AdminError('HANDOVER_UNREADABLE');
  const payload = parsed.data;
  // The signed header and the encrypted payload must tell the same story.
  if (payload.packageId !== header.packageId || payload.workstationId !== header.workstationId || payload.changes.length !== header.counts.changes) {
    throw new AdminError('HANDOVER_UNREADABLE');
  }
  return {
    header,
    payload,
    workstation: { id: row.id, agencyId: row.agency_id, status: row.status, reason: row.reason },
    signerCertPem: header.signerCertPem,
  };
}
