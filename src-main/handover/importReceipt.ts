import crypto from 'node:crypto';
import type { HandoverReceiptResult } from '../../shared/api/handover';
import { receiptPayloadSchema, splitSealed } from '../../shared/handover/handoverFormat';
import { BalaError } from '../api/balaError';
import { RecordStore } from '../records/recordStore';
import type { CacheDatabase } from '../store/cacheDatabase';
import { Outbox } from '../sync/outbox';
import { handoverKeys, trustedServerCert, type HandoverKeys } from './handoverKeys';
import { certFingerprint, openPayload, signatureValid } from './sealedFile';

interface PackageRow {
  sequence: number;
  change_ids_json: string;
  receipt_at: string | null;
}

/** Signed by the server this workstation's profile names (or, lacking it, a server certificate of its CA). */
function fromOurServer(signerCertPem: string, keys: HandoverKeys): boolean {
  const known = trustedServerCert(keys);
  if (known) return certFingerprint(signerCertPem) === certFingerprint(known);
  try {
    const signer = new crypto.X509Certificate(signerCertPem);
    return signer.verify(new crypto.X509Certificate(keys.caCertPem).publicKey) && (signer.keyUsage ?? []).includes('1.3.6.1.5.5.7.3.1');
  } catch {
    return false;
  }
}

/**
 * Reads a receipt the administrator brought back: it must be whole, unaltered, signed by this
 * workstation's central server, for this workstation and for a package it wrote. Then each
 * outcome is stored as a push's answer would be: delivered changes leave the outbox (and the
 * 3-day warning), conflicts and rejections wait for the operator. Nothing changes on a refusal.
 */
export function importHandoverReceipt(db: CacheDatabase, bytes: Uint8Array, operator: string, now: Date): HandoverReceiptResult {
  try {
    return applyReceipt(db, bytes, operator, now);
  } catch (error) {
    // A refused receipt is kept in the local audit log with its reason; nothing else changes.
    if (error instanceof BalaError) {
      db.prepare("INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, 'handover.receiptRefused', ?)").run(now.toISOString(), operator, JSON.stringify({ code: error.code, bytes: bytes.length }));
    }
    throw error;
  }
}

function applyReceipt(db: CacheDatabase, bytes: Uint8Array, operator: string, now: Date): HandoverReceiptResult {
  const split = splitSealed(bytes, 'bala-handover-receipt');
  if (typeof split === 'string') throw new BalaError('RECEIPT_UNREADABLE');
  const { header } = split;
  if (!signatureValid(split)) throw new BalaError('RECEIPT_TAMPERED');
  const keys = handoverKeys(db);
  if (!fromOurServer(header.signerCertPem, keys)) throw new BalaError('RECEIPT_NOT_FROM_SERVER');
  if (header.workstationId !== keys.workstationId || header.recipientFingerprint !== certFingerprint(keys.clientCertPem)) {
    throw new BalaError('RECEIPT_OTHER_WORKSTATION', { id: header.workstationId });
  }
  const written = db.prepare('SELECT sequence, change_ids_json, receipt_at FROM handover_packages WHERE package_id = ?').get(header.packageId) as PackageRow | undefined;
  if (!written) throw new BalaError('RECEIPT_UNKNOWN_PACKAGE');
  const parsed = receiptPayloadSchema.safeParse(openPayload(split, keys.clientKeyPem));
  if (!parsed.success || parsed.data.packageId !== header.packageId || parsed.data.workstationId !== keys.workstationId) throw new BalaError('RECEIPT_UNREADABLE');
  const receipt = parsed.data;

  const carried = new Set(JSON.parse(written.change_ids_json) as string[]);
  const outbox = new Outbox(db);
  const store = new RecordStore(db);
  const tally = { delivered: 0, conflicts: 0, rejected: 0 };
  db.transaction(() => {
    for (const outcome of receipt.outcomes) {
      // Only answers to changes this package carried; one sync delivered meanwhile is gone already.
      const entry = carried.has(outcome.changeId) ? outbox.find(outcome.changeId) : null;
      if (!entry) continue;
      outbox.answer(outcome);
      if (outcome.outcome === 'accepted') {
        tally.delivered += 1;
        if (!outcome.merged) store.confirm(entry.recordId, outcome.revision);
      } else if (outcome.outcome === 'alreadyApplied') tally.delivered += 1;
      else if (outcome.outcome === 'conflict') tally.conflicts += 1;
      else tally.rejected += 1;
    }
    const summary = { ...tally, importedAt: receipt.importedAt, repeat: receipt.repeat, gap: receipt.gap };
    db.prepare('UPDATE handover_packages SET receipt_at = coalesce(receipt_at, ?), receipt_json = ? WHERE package_id = ?').run(now.toISOString(), JSON.stringify(summary), header.packageId);
    db.prepare("INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, 'handover.receipt', ?)").run(
      now.toISOString(),
      operator,
      JSON.stringify({ packageId: header.packageId, sequence: written.sequence, ...summary, outcomes: receipt.outcomes.length, before: written.receipt_at !== null }),
    );
  })();
  return { packageId: header.packageId, sequence: written.sequence, ...tally, repeat: written.receipt_at !== null, gap: receipt.gap };
}
