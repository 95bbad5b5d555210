import { z } from 'zod';
import type { SequenceGap } from '../handover/handoverFormat';

/** A place a package can be written to: a removable drive the workstation found, or a folder. */
export interface DriveView {
  path: string;
  /** The volume's label, else the folder's name. */
  label: string;
  freeBytes: number | null;
  /** Found as a removable drive (USB stick, SD card); false for a folder the operator named. */
  removable: boolean;
}

/** A package written to a carrier whose receipt has not come back yet. */
export interface AwaitingPackage {
  sequence: number;
  packageId: string;
  createdAt: string;
  file: string;
  changes: number;
  /** Of its changes, how many are still undelivered (sync may have delivered some meanwhile). */
  stillPending: number;
}

/** The dashboard's view: what waits, what is on a carrier and since when, the last receipt. */
export interface HandoverStatus {
  pending: number;
  oldestPendingAt: string | null;
  awaiting: AwaitingPackage[];
  lastReceiptAt: string | null;
  /** False when the profile predates handover (no server certificate): export is refused. */
  canExport: boolean;
}

export interface HandoverExportResult {
  packageId: string;
  sequence: number;
  file: string;
  bytes: number;
  changes: number;
  createdAt: string;
}

export interface HandoverReceiptResult {
  packageId: string;
  sequence: number;
  delivered: number;
  conflicts: number;
  rejected: number;
  /** This receipt had been imported before. */
  repeat: boolean;
  gap: SequenceGap | null;
}

/** The export's progress bar: bytes written to the carrier, then read back. */
export interface HandoverProgress {
  phase: 'write' | 'verify';
  done: number;
  total: number;
}

export const handoverInputs = {
  export: z.object({ folder: z.string().min(1).max(4096) }).strict(),
  /** Browser mode uploads the file; the CLI and Electron may name a path. */
  importReceipt: z
    .object({
      source: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('file'), name: z.string().max(255), contentBase64: z.string().max(16_000_000) }),
        z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
      ]),
    })
    .strict(),
};
