import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  magicOf,
  maxSealedBytes,
  packageMagic,
  payloadAad,
  receiptMagic,
  signedPart,
  splitSealed,
  withSignature,
  type SealedFormat,
  type SealedHeader,
} from '../../../shared/handover/handoverFormat';

/*
 * Issue 22: the sealed file's layout, read by both sides (shared/handover/handoverFormat.ts).
 * A carrier pulled out mid-copy, a file of the other kind, a length field pointing past the end:
 * each is told apart by the answer the import turns into RECEIPT_UNREADABLE / HANDOVER_TRUNCATED…
 */

const header = (format: SealedFormat = 'bala-handover', extra: Partial<SealedHeader> = {}): SealedHeader => ({
  format,
  version: 1,
  packageId: '0b7f3f1e-6a55-4c5e-9d0a-1f2e3d4c5b6a',
  workstationId: 'ws-naryn-1',
  sequence: 3,
  createdAt: '2026-11-30T09:15:00.000Z',
  counts: { changes: 2 },
  recipientFingerprint: 'ab'.repeat(32),
  signerCertPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  encryption: { keyWrap: 'rsa-oaep-sha256', cipher: 'aes-256-gcm', wrappedKey: 'AAAA', iv: 'AAAA', tag: 'AAAA' },
  payloadBytes: 5,
  ...extra,
});

const u32 = (value: number): Buffer => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};

/** A file laid out by hand: magic | u32 | header text | ciphertext | u32 | signature. */
const laidOut = (magic: string, headerText: string, ciphertext: Buffer, signature: Buffer, signatureLength = signature.length): Buffer =>
  Buffer.concat([Buffer.from(magic, 'latin1'), u32(Buffer.byteLength(headerText)), Buffer.from(headerText, 'utf8'), ciphertext, u32(signatureLength), signature]);

const ciphertext = Buffer.from([1, 2, 3, 4, 5]);
const signature = Buffer.from('signature-bytes');
const sealed = (format: SealedFormat = 'bala-handover'): Buffer => Buffer.from(withSignature(signedPart(header(format), ciphertext), signature));

describe('the sealed file layout', () => {
  it('cuts a whole package into its header, the signed part, the ciphertext and the signature', () => {
    const bytes = sealed();
    const split = splitSealed(bytes, 'bala-handover');
    if (typeof split === 'string') throw new Error(split);
    expect(split.header).toEqual(header());
    const headerText = JSON.stringify(header());
    expect(Buffer.from(split.signed).equals(Buffer.concat([Buffer.from('BALAHOV1'), u32(Buffer.byteLength(headerText)), Buffer.from(headerText), ciphertext]))).toBe(true);
    expect(Buffer.from(split.ciphertext).equals(ciphertext)).toBe(true);
    expect(Buffer.from(split.signature).equals(signature)).toBe(true);
    expect(bytes.length).toBe(split.signed.length + 4 + signature.length);
  });

  it('starts a package with BALAHOV1 and a receipt with BALARCP1', () => {
    expect([packageMagic, receiptMagic]).toEqual(['BALAHOV1', 'BALARCP1']);
    expect(magicOf('bala-handover')).toBe('BALAHOV1');
    expect(magicOf('bala-handover-receipt')).toBe('BALARCP1');
    expect(sealed('bala-handover-receipt').subarray(0, 8).toString('latin1')).toBe('BALARCP1');
    const receipt = splitSealed(sealed('bala-handover-receipt'), 'bala-handover-receipt');
    expect(typeof receipt === 'string' ? receipt : receipt.header.format).toBe('bala-handover-receipt');
  });

  it('binds the payload to its format, package, workstation and number', () => {
    expect(payloadAad(header())).toBe('bala-handover:v1:0b7f3f1e-6a55-4c5e-9d0a-1f2e3d4c5b6a:ws-naryn-1:3');
  });

  it('answers truncated for every cut of a package short of its last byte, and unreadable for an empty file', () => {
    const bytes = sealed();
    expect(splitSealed(bytes.subarray(0, 0), 'bala-handover')).toBe('unreadable');
    for (let length = 1; length < bytes.length; length += 1) {
      expect([length, splitSealed(bytes.subarray(0, length), 'bala-handover')]).toEqual([length, 'truncated']);
    }
  });

  it('answers truncated for a receipt cut inside its magic, but unreadable for the start of the other kind', () => {
    expect(splitSealed(Buffer.from('BALARC'), 'bala-handover-receipt')).toBe('truncated');
    expect(splitSealed(Buffer.from('BALA'), 'bala-handover')).toBe('truncated');
    expect(splitSealed(Buffer.from('BALAR'), 'bala-handover')).toBe('unreadable');
    expect(splitSealed(Buffer.from('PK'), 'bala-handover')).toBe('unreadable');
  });

  it('refuses bytes after the signature as unreadable, never as a smaller valid file', () => {
    expect(splitSealed(Buffer.concat([sealed(), Buffer.from([0])]), 'bala-handover')).toBe('unreadable');
  });

  it('answers wrongKind for a receipt where a package was expected, and the other way round', () => {
    expect(splitSealed(sealed('bala-handover-receipt'), 'bala-handover')).toBe('wrongKind');
    expect(splitSealed(sealed('bala-handover'), 'bala-handover-receipt')).toBe('wrongKind');
    // A package's header behind a receipt's magic: the header decides as well.
    const relabelled = sealed('bala-handover');
    relabelled.write('BALARCP1', 0, 'latin1');
    expect(splitSealed(relabelled, 'bala-handover-receipt')).toBe('wrongKind');
  });

  it('answers unreadable for another file type, a header that is not JSON, not UTF-8 or not a handover header', () => {
    expect(splitSealed(Buffer.from('%PDF-1.7 a report, not a package at all'), 'bala-handover')).toBe('unreadable');
    const otherMagic = sealed();
    otherMagic.write('BALAXXX1', 0, 'latin1');
    expect(splitSealed(otherMagic, 'bala-handover')).toBe('unreadable');
    expect(splitSealed(laidOut('BALAHOV1', '{"format":', ciphertext, signature), 'bala-handover')).toBe('unreadable');
    const notUtf8 = Buffer.concat([Buffer.from('BALAHOV1'), u32(3), Buffer.from([0x22, 0xff, 0x22]), u32(0)]);
    expect(splitSealed(notUtf8, 'bala-handover')).toBe('unreadable');
    const wrongVersion = JSON.stringify({ ...header(), version: 2 });
    expect(splitSealed(laidOut('BALAHOV1', wrongVersion, ciphertext, signature), 'bala-handover')).toBe('unreadable');
  });

  it('takes a header of 64 KiB but refuses a longer one as unreadable', () => {
    const text = JSON.stringify(header());
    const padded = (length: number) => text + ' '.repeat(length - Buffer.byteLength(text));
    expect(typeof splitSealed(laidOut('BALAHOV1', padded(64 * 1024), ciphertext, signature), 'bala-handover')).toBe('object');
    expect(splitSealed(laidOut('BALAHOV1', padded(64 * 1024 + 1), ciphertext, signature), 'bala-handover')).toBe('unreadable');
    // Refused from the length field alone, before the bytes it promises are there.
    expect(splitSealed(Buffer.concat([Buffer.from('BALAHOV1'), u32(64 * 1024 + 1), Buffer.from('{}')]), 'bala-handover')).toBe('unreadable');
  });

  it('takes a signature of 2048 bytes but refuses a longer one as unreadable', () => {
    const text = JSON.stringify(header());
    expect(typeof splitSealed(laidOut('BALAHOV1', text, ciphertext, Buffer.alloc(2048, 1)), 'bala-handover')).toBe('object');
    expect(splitSealed(laidOut('BALAHOV1', text, ciphertext, Buffer.alloc(2049, 1)), 'bala-handover')).toBe('unreadable');
    expect(splitSealed(laidOut('BALAHOV1', text, ciphertext, Buffer.alloc(4, 1), 2049), 'bala-handover')).toBe('unreadable');
  });

  it('answers wrongKind for a receipt cut short where a package was expected, and unreadable for a header cut short by its length field', () => {
    const receipt = sealed('bala-handover-receipt');
    expect(splitSealed(receipt.subarray(0, 8), 'bala-handover')).toBe('wrongKind');
    expect(splitSealed(receipt.subarray(0, 20), 'bala-handover')).toBe('wrongKind');
    expect(splitSealed(Buffer.concat([Buffer.from('BALAHOV1'), u32(64 * 1024 + 1)]), 'bala-handover')).toBe('unreadable');
    // The header's bytes all there, but not a header: unreadable, not truncated.
    expect(splitSealed(Buffer.concat([Buffer.from('BALAHOV1'), u32(8), Buffer.from('not json')]), 'bala-handover')).toBe('unreadable');
  });

  it('refuses a header whose text is not valid UTF-8, even where it would still read as JSON', () => {
    const text = JSON.stringify(header('bala-handover', { workstationId: 'ws-naryn-#' }));
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.indexOf('#')] = 0xff;
    const file = Buffer.concat([Buffer.from('BALAHOV1'), u32(bytes.length), bytes, ciphertext, u32(signature.length), signature]);
    expect(splitSealed(file, 'bala-handover')).toBe('unreadable');
  });

  it('cuts a file with an empty signature (the signature check then refuses it), not taking it as cut short', () => {
    const split = splitSealed(laidOut('BALAHOV1', JSON.stringify(header()), ciphertext, Buffer.alloc(0)), 'bala-handover');
    expect(typeof split === 'string' ? split : split.signature.length).toBe(0);
  });

  it('refuses a file larger than any package as unreadable', () => {
    const huge = sealed();
    Object.defineProperty(huge, 'length', { value: maxSealedBytes + 1 });
    expect(splitSealed(huge, 'bala-handover')).toBe('unreadable');
  });

  it('reads a file that sits inside a larger buffer (as a Node Buffer from the pool does)', () => {
    const bytes = sealed();
    const pool = Buffer.concat([crypto.randomBytes(13), bytes, crypto.randomBytes(7)]);
    const split = splitSealed(pool.subarray(13, 13 + bytes.length), 'bala-handover');
    expect(typeof split === 'string' ? split : split.header.sequence).toBe(3);
  });
});
