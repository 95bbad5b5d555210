import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { maxSealedBytes, splitSealed, type ReceiptPayload, type SequenceGap } from '../../shared/handover/handoverFormat';
import type { PackDef } from '../../shared/forms/packTypes';
import { registryPacks } from '../../shared/packs';
import type { AdminContext } from '../admin/adminContext';
import { AdminError, parseInput } from '../admin/adminError';
import { appendAudit } from '../admin/auditLog';
import { applyBatch, tallyOutcomes } from '../sync/applyBatch';
import { checkPackage, type CheckedPackage } from './packageCheck';
import { seal } from './sealedFile';

export const importHandoverInput = z.object({
  /** Absolute paths: the verb may run inside the server process (admin channel). */
  packageFile: z.string().min(1).max(4096).refine((file) => path.isAbsolute(file), 'absolute path'),
  receiptFile: z.string().min(1).max(4096).refine((file) => path.isAbsolute(file), 'absolute path'),
});

export interface HandoverImportResult {
  packageId: string;
  workstationId: string;
  sequence: number;
  createdAt: string;
  changes: number;
  accepted: number;
  alreadyApplied: number;
  conflicts: number;
  rejected: number;
  /** The same package had been imported before: nothing new was applied. */
  repeat: boolean;
  gap: SequenceGap | null;
  receiptFile: string;
}

function readPackage(file: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AdminError('HANDOVER_FILE_MISSING', { file });
  }
  if (size > maxSealedBytes) throw new AdminError('HANDOVER_UNREADABLE');
  return fs.readFileSync(file);
}

/** Whether this package was imported before, and which export number the workstation's next package should carry. */
async function history(ctx: AdminContext, checked: CheckedPackage): Promise<{ repeat: boolean; gap: SequenceGap | null }> {
  const { rows } = await ctx.db.query<{ seen: boolean; last: number | null }>(
    'SELECT bool_or(package_id = $2) AS seen, max(sequence) AS last FROM handover_imports WHERE workstation_id = $1',
    [checked.workstation.id, checked.header.packageId],
  );
  const repeat = rows[0]?.seen === true;
  const expected = (rows[0]?.last ?? 0) + 1;
  const gap = !repeat && checked.header.sequence > expected ? { expected, received: checked.header.sequence } : null;
  return { repeat, gap };
}

/** A refused package is a security event too (a forgery, a revoked laptop): audited with its reason, nothing applied. */
async function checkedOrAudited(ctx: AdminContext, packageFile: string): Promise<CheckedPackage> {
  const bytes = readPackage(packageFile);
  try {
    return await checkPackage(ctx, bytes);
  } catch (error) {
    if (!(error instanceof AdminError)) throw error;
    const claimed = splitSealed(bytes, 'bala-handover');
    await appendAudit(
      ctx.db,
      { actor: ctx.actor, action: 'handover.refused', target: typeof claimed === 'string' ? null : claimed.header.workstationId, details: { code: error.code, file: path.basename(packageFile), bytes: bytes.length } },
      ctx.now(),
    );
    throw error;
  }
}

/** Writes the receipt so that a crash leaves no half-file that looks like one. */
function writeReceipt(file: string, bytes: Buffer): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
    throw new AdminError('HANDOVER_RECEIPT_UNWRITABLE', { file });
  }
}

/**
 * `bala-server import FILE --receipt OUT`: checks the package (packageCheck.ts), applies its
 * changes through the push path (applyBatch: validation, scope, idempotency, conflicts), records
 * the import, and writes the receipt: per change id the outcome, signed by this server and
 * encrypted to the workstation (a conflict's answer carries the server's values).
 */
export async function importHandover(ctx: AdminContext, input: unknown, packs: readonly PackDef[] = registryPacks): Promise<HandoverImportResult> {
  const request = parseInput(importHandoverInput, input);
  if (fs.existsSync(request.receiptFile)) throw new AdminError('HANDOVER_RECEIPT_EXISTS', { file: request.receiptFile });
  const checked = await checkedOrAudited(ctx, request.packageFile);
  const { header, payload, workstation } = checked;
  const now = ctx.now();
  const { repeat, gap } = await history(ctx, checked);

  // No operator's session on a USB drive: the pusher is the handover itself; authors are checked as for a push.
  const outcomes = await applyBatch(ctx.db, workstation, packs, now, payload.changes, 'handover');
  const counts = {
    changes: payload.changes.length,
    accepted: tallyOutcomes(outcomes, 'accepted'),
    alreadyApplied: tallyOutcomes(outcomes, 'alreadyApplied'),
    conflicts: tallyOutcomes(outcomes, 'conflict'),
    rejected: tallyOutcomes(outcomes, 'rejected'),
  };
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO handover_imports (package_id, workstation_id, sequence, created_at, imported_at, imported_by, changes, accepted, already_applied, conflicts, rejected, gap_expected)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (package_id) DO NOTHING`,
      [header.packageId, workstation.id, header.sequence, new Date(header.createdAt), now, ctx.actor, counts.changes, counts.accepted, counts.alreadyApplied, counts.conflicts, counts.rejected, gap?.expected ?? null],
    );
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: 'handover.import',
        target: workstation.id,
        details: { packageId: header.packageId, sequence: header.sequence, createdAt: header.createdAt, ...counts, repeat, gap, pushedBy: 'handover', authors: [...new Set(payload.changes.map((change) => change.author))].sort(), records: new Set(payload.changes.map((change) => change.recordId)).size },
      },
      now,
    );
  });

  const receipt: ReceiptPayload = { packageId: header.packageId, workstationId: workstation.id, importedAt: now.toISOString(), repeat, gap, outcomes };
  const server = ctx.server();
  const bytes = seal(
    { format: 'bala-handover-receipt', version: 1, packageId: header.packageId, workstationId: workstation.id, sequence: header.sequence, createdAt: now.toISOString(), counts },
    receipt,
    { recipientCertPem: checked.signerCertPem, signerKeyPem: server.keyPem, signerCertPem: server.certPem },
  );
  writeReceipt(request.receiptFile, bytes);
  return { packageId: header.packageId, workstationId: workstation.id, sequence: header.sequence, createdAt: header.createdAt, ...counts, repeat, gap, receiptFile: request.receiptFile };
}
