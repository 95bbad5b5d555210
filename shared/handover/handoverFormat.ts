import { z } from 'zod';
import { changeOutcomeSchema, syncChangeSchema } from '../sync/syncProtocol';

/*
 * Handover on removable media (Pack 3 §3.5, docs/handover.md). Two sealed files travel on a
 * carrier: the package (workstation → central server) and its receipt (server → workstation).
 * Both share one layout:
 *
 *   magic (8 ASCII bytes) | u32 header length | header JSON | ciphertext | u32 signature length | signature
 *
 * The header is readable (ids, counts, the keys involved — never personal data); the payload is
 * AES-256-GCM under a random key wrapped with RSA-OAEP for the recipient; the signature
 * (RSA-PSS, SHA-256) covers every byte before it, so a byte changed anywhere is caught.
 */

export const packageMagic = 'BALAHOV1';
export const receiptMagic = 'BALARCP1';
export const packageExtension = '.balahandover';
export const receiptExtension = '.balareceipt';
/** A package is built in memory: a registry's pending changes, photos included, stay far below. */
export const maxSealedBytes = 512 * 1024 * 1024;
const maxHeaderBytes = 64 * 1024;
const maxSignatureBytes = 2048;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/);

export const sealedHeaderSchema = z.object({
  format: z.enum(['bala-handover', 'bala-handover-receipt']),
  version: z.literal(1),
  packageId: z.uuid(),
  workstationId: z.string().min(1).max(64),
  /** The workstation's export number, 1, 2, 3…: the server reports a gap. */
  sequence: z.number().int().min(1).max(1_000_000_000),
  createdAt: z.iso.datetime({ offset: true }),
  counts: z.record(z.string().max(40), z.number().int().min(0)),
  /** SHA-256 of the certificate whose key can open the payload (lower-case hex). */
  recipientFingerprint: fingerprint,
  /** The certificate whose key made the signature. */
  signerCertPem: z.string().includes('BEGIN CERTIFICATE').max(16_000),
  encryption: z.object({
    keyWrap: z.literal('rsa-oaep-sha256'),
    cipher: z.literal('aes-256-gcm'),
    wrappedKey: base64,
    iv: base64,
    tag: base64,
  }),
  payloadBytes: z.number().int().min(0).max(maxSealedBytes),
});
export type SealedHeader = z.infer<typeof sealedHeaderSchema>;
export type SealedFormat = SealedHeader['format'];

export const magicOf = (format: SealedFormat): string => (format === 'bala-handover' ? packageMagic : receiptMagic);

/** What the package's payload holds: the same changes a sync push sends. */
export const packagePayloadSchema = z.object({
  packageId: z.uuid(),
  workstationId: z.string().min(1).max(64),
  /** Changes waiting on the workstation when it exported (the administrator sees it). */
  pendingCount: z.number().int().min(0),
  changes: z.array(syncChangeSchema).max(1_000_000),
});
export type PackagePayload = z.infer<typeof packagePayloadSchema>;

export const sequenceGapSchema = z.object({ expected: z.number().int(), received: z.number().int() });
export type SequenceGap = z.infer<typeof sequenceGapSchema>;

/** The receipt's payload: the server's answer to every change of the package. */
export const receiptPayloadSchema = z.object({
  packageId: z.uuid(),
  workstationId: z.string().min(1).max(64),
  importedAt: z.iso.datetime({ offset: true }),
  /** The package had been imported before: nothing was applied this time. */
  repeat: z.boolean(),
  gap: sequenceGapSchema.nullable(),
  outcomes: z.array(changeOutcomeSchema),
});
export type ReceiptPayload = z.infer<typeof receiptPayloadSchema>;

/** AAD of the payload: binds the ciphertext to its package (a payload moved into another header fails). */
export const payloadAad = (header: Pick<SealedHeader, 'format' | 'packageId' | 'workstationId' | 'sequence'>): string =>
  `${header.format}:v1:${header.packageId}:${header.workstationId}:${header.sequence}`;

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The bytes the signature covers: magic, header, ciphertext. */
export function signedPart(header: SealedHeader, ciphertext: Uint8Array): Uint8Array {
  const headerBytes = ascii(JSON.stringify(header));
  return concat([ascii(magicOf(header.format)), u32(headerBytes.length), headerBytes, ciphertext]);
}

export const withSignature = (signed: Uint8Array, signature: Uint8Array): Uint8Array => concat([signed, u32(signature.length), signature]);

export type SealedProblem = 'unreadable' | 'truncated' | 'wrongKind';

export interface SplitSealed {
  header: SealedHeader;
  signed: Uint8Array;
  ciphertext: Uint8Array;
  signature: Uint8Array;
}

/**
 * Cuts a sealed file into its parts, checking every length against the bytes present: a file
 * cut short on a pulled drive is `truncated`, never read as a smaller valid one.
 */
export function splitSealed(bytes: Uint8Array, expected: SealedFormat): SplitSealed | SealedProblem {
  if (bytes.length > maxSealedBytes) return 'unreadable';
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (bytes.length < 8) return magic.length > 0 && magicOf(expected).startsWith(magic) ? 'truncated' : 'unreadable';
  if (magic !== packageMagic && magic !== receiptMagic) return 'unreadable';
  if (magic !== magicOf(expected)) return 'wrongKind';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) return 'truncated';
  const headerLength = view.getUint32(8);
  if (headerLength > maxHeaderBytes) return 'unreadable';
  if (bytes.length < 12 + headerLength) return 'truncated';
  let header: SealedHeader;
  try {
    const parsed = sealedHeaderSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength))));
    if (!parsed.success) return 'unreadable';
    header = parsed.data;
  } catch {
    return 'unreadable';
  }
  if (header.format !== expected) return 'wrongKind';
  const cipherEnd = 12 + headerLength + header.payloadBytes;
  if (bytes.length < cipherEnd + 4) return 'truncated';
  const signatureLength = view.getUint32(cipherEnd);
  if (signatureLength > maxSignatureBytes) return 'unreadable';
  if (bytes.length < cipherEnd + 4 + signatureLength) return 'truncated';
  if (bytes.length > cipherEnd + 4 + signatureLength) return 'unreadable';
  return {
    header,
    signed: bytes.subarray(0, cipherEnd),
    ciphertext: bytes.subarray(12 + headerLength, cipherEnd),
    signature: bytes.subarray(cipherEnd + 4),
  };
}
