/*
 * The verification code printed on a paper copy (and carried by its QR code): the record's id,
 * the printed revision and a hash of the printed values. It is read back by `bala verify` and
 * `bala-server verify`, so it is plain Crockford base32 (no I, L, O, U: nothing to misread)
 * grouped in fours, and the reader forgives case, spaces, dashes and the letters people confuse.
 */

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 128-bit record id → 26 characters; 50 bits of the content hash → 10 characters. */
const idChars = 26;
const hashChars = 10;
export const qrPrefix = 'BALA-VERIFY:';

export interface VerificationCode {
  recordId: string;
  revision: number;
  /** The first 10 base32 characters of the printed content's SHA-256. */
  hash: string;
}

function toBase32(bytes: Uint8Array, chars: number): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  const total = BigInt(bytes.length * 8);
  const padded = bits << (BigInt(chars * 5) - total);
  let out = '';
  for (let i = chars - 1; i >= 0; i -= 1) out += alphabet[Number((padded >> BigInt(i * 5)) & 31n)] ?? '';
  return out;
}

function fromBase32(text: string, byteCount: number): Uint8Array | null {
  let bits = 0n;
  for (const char of text) {
    const value = alphabet.indexOf(char);
    if (value < 0) return null;
    bits = (bits << 5n) | BigInt(value);
  }
  const extra = BigInt(text.length * 5 - byteCount * 8);
  if (extra < 0n || (bits & ((1n << extra) - 1n)) !== 0n) return null;
  bits >>= extra;
  const bytes = new Uint8Array(byteCount);
  for (let i = byteCount - 1; i >= 0; i -= 1) {
    bytes[i] = Number(bits & 255n);
    bits >>= 8n;
  }
  return bytes;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
const bytesHex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** The 10-character hash part from a hex SHA-256 digest. */
export const shortHash = (sha256Hex: string): string => toBase32(hexBytes(sha256Hex.slice(0, 14)), 12).slice(0, hashChars);

/** "7ZK3-M9XQ-…-4T7V-R3": groups of four, then the revision. */
export function formatVerificationCode(code: VerificationCode): string {
  if (!uuidPattern.test(code.recordId)) throw new Error('record ids are UUIDs');
  const body = toBase32(hexBytes(code.recordId.replace(/-/g, '')), idChars) + code.hash;
  return `${(body.match(/.{1,4}/g) ?? []).join('-')}-R${code.revision}`;
}

/** Reads a typed or scanned code; null when it is not one (wrong length, letters outside the alphabet). */
export function parseVerificationCode(input: string): VerificationCode | null {
  const text = input.trim().toUpperCase().replace(qrPrefix, '');
  const match = /^([0-9A-Z\s-]+?)[\s-]*R\s*(\d{1,9})$/.exec(text);
  if (!match) return null;
  // Crockford base32: O reads as 0, I and L as 1.
  const body = (match[1] ?? '').replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (body.length !== idChars + hashChars) return null;
  const id = fromBase32(body.slice(0, idChars), 16);
  const revision = Number(match[2]);
  if (!id || revision < 1) return null;
  const hash = body.slice(idChars);
  if ([...hash].some((char) => !alphabet.includes(char))) return null;
  const hex = bytesHex(id);
  return { recordId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, revision, hash };
}
