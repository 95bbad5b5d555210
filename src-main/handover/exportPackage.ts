import crypto from 'node:crypto';
import path from 'node:path';
import type { HandoverExportResult, HandoverProgress } from '../../shared/api/handover';
import type { PackDef } from '../../shared/forms/packTypes';
import { packageExtension, type PackagePayload } from '../../shared/handover/handoverFormat';
import type { SyncChange } from '../../shared/sync/syncProtocol';
import { BalaError } from '../api/balaError';
import type { CacheDatabase } from '../store/cacheDatabase';
import { Outbox } from '../sync/outbox';
import { changeFor } from '../sync/pushOutbox';
import { freeName, writeToCarrier } from './carrierWrite';
import { handoverKeys, trustedServerCert } from './handoverKeys';
import { seal } from './sealedFile';

/** Every change the outbox holds for the server: the same set a push would send. */
const everyPending = 100_000_000;

/**
 * Writes one handover package to `folder` (a removable drive): every change not yet delivered,
 * exactly as a sync push would send it, encrypted to the central server's certificate and signed
 * with this workstation's key. The package is numbered (the server reports a gap), and kept in
 * the cache with the change ids it carried until its receipt comes back.
 */
export function exportHandoverPackage(
  db: CacheDatabase,
  packs: readonly PackDef[],
  operator: string,
  folder: string,
  now: Date,
  onProgress: (progress: HandoverProgress) => void,
): HandoverExportResult {
  const keys = handoverKeys(db);
  const serverCertPem = trustedServerCert(keys);
  if (!serverCertPem) throw new BalaError('HANDOVER_NO_SERVER_KEY');
  const outbox = new Outbox(db);
  const changes = outbox
    .pending(everyPending)
    .map((entry) => changeFor(entry, packs, db))
    .filter((change): change is SyncChange => change !== null);
  if (changes.length === 0) throw new BalaError('HANDOVER_NOTHING_PENDING');

  const sequence = ((db.prepare('SELECT max(sequence) AS last FROM handover_packages').get() as { last: number | null }).last ?? 0) + 1;
  const packageId = crypto.randomUUID();
  const createdAt = now.toISOString();
  const payload: PackagePayload = { packageId, workstationId: keys.workstationId, pendingCount: outbox.counts().pending, changes };
  const counts = {
    changes: changes.length,
    records: new Set(changes.map((change) => change.recordId)).size,
    photos: changes.reduce((sum, change) => sum + change.blobs.length, 0),
  };
  const bytes = seal({ format: 'bala-handover', version: 1, packageId, workstationId: keys.workstationId, sequence, createdAt, counts }, payload, {
    recipientCertPem: serverCertPem,
    signerKeyPem: keys.clientKeyPem,
    signerCertPem: keys.clientCertPem,
  });

  const name = freeName(folder, `bala-${keys.workstationId}-${String(sequence).padStart(4, '0')}`, packageExtension);
  const file = writeToCarrier(folder, name, bytes, onProgress);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO handover_packages (sequence, package_id, created_at, created_by, file_path, bytes, change_ids_json, change_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(sequence, packageId, createdAt, operator, file, bytes.length, JSON.stringify(changes.map((change) => change.changeId)), changes.length);
    db.prepare("INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, 'handover.export', ?)").run(
      createdAt,
      operator,
      JSON.stringify({ packageId, sequence, ...counts, bytes: bytes.length, file: path.basename(file) }),
    );
  })();
  return { packageId, sequence, file, bytes: bytes.length, changes: changes.length, createdAt };
}
