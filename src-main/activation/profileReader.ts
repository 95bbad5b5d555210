import crypto from 'node:crypto';
import { formatDate } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/languages';
import {
  activationCodePattern,
  normaliseActivationCode,
  profileBodySchema,
  profileFileSchema,
  profileSecretAad,
  profileSecretSchema,
  type ProfileBody,
  type ProfileSecret,
} from '../../shared/profile/profileFormat';
import { BalaError } from '../api/balaError';
import { scryptHash } from '../security/scrypt';

export interface OpenedProfile {
  body: ProfileBody;
  secret: ProfileSecret;
}

/** Largest profile accepted: a few certificates and operators, never megabytes. */
export const maxProfileBytes = 256 * 1024;

/**
 * Reads a `.balaprofile`: checks its shape, the issuing CA's signature over the body
 * (tamper-evidence), its validity period, then decrypts the secret part with the activation
 * code. Each failure is a distinct refusal; nothing is written here.
 */
export async function openProfile(
  file: Buffer,
  typedCode: string,
  now: Date,
  language: Language,
  options: { /** SHA-256 fingerprints of the CAs this installation trusts (empty: no pin). */ pinnedCa?: readonly string[] } = {},
): Promise<OpenedProfile> {
  if (file.length > maxProfileBytes) throw new BalaError('PROFILE_UNREADABLE');
  const code = normaliseActivationCode(typedCode);
  if (!activationCodePattern.test(code)) throw new BalaError('ACTIVATION_CODE_FORMAT');

  const { body } = checkProfileCa(file, options.pinnedCa ?? []);

  if (now.getTime() > Date.parse(body.expiresAt)) {
    throw new BalaError('PROFILE_EXPIRED', { date: formatDate(new Date(body.expiresAt), language) });
  }

  const key = await scryptHash(code, body.secret.kdf);
  let plaintext: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(body.secret.iv, 'base64'));
    decipher.setAAD(Buffer.from(profileSecretAad(body), 'utf8'));
    decipher.setAuthTag(Buffer.from(body.secret.tag, 'base64'));
    plaintext = Buffer.concat([decipher.update(Buffer.from(body.secret.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new BalaError('ACTIVATION_CODE_WRONG');
  }
  try {
    return { body, secret: profileSecretSchema.parse(JSON.parse(plaintext.toString('utf8'))) };
  } catch {
    throw new BalaError('PROFILE_UNREADABLE');
  } finally {
    plaintext.fill(0);
  }
}

/**
 * The signed body of a profile, after its signature is checked against the CA certificate it
 * carries and that CA against the pin: a profile signed by its own CA proves only that it was not
 * altered after signing — whose CA it is, the pin (or the operator comparing the fingerprint
 * the administrator read out) decides. Answers the CA's SHA-256 fingerprint.
 */
export function checkProfileCa(file: Buffer, pinnedCa: readonly string[]): { body: ProfileBody; caFingerprint: string } {
  if (file.length > maxProfileBytes) throw new BalaError('PROFILE_UNREADABLE');
  let envelope;
  let bodyBytes: Buffer;
  let body: ProfileBody;
  let json: unknown;
  try {
    json = JSON.parse(file.toString('utf8'));
  } catch {
    throw new BalaError('PROFILE_UNREADABLE');
  }
  // A version-1 profile carries the server's password hashes (docs/security.md): not accepted any more.
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'bala-profile' && (json as { version?: unknown }).version === 1) {
    throw new BalaError('PROFILE_OUTDATED');
  }
  try {
    envelope = profileFileSchema.parse(json);
    bodyBytes = Buffer.from(envelope.body, 'base64');
    body = profileBodySchema.parse(JSON.parse(bodyBytes.toString('utf8')));
  } catch {
    throw new BalaError('PROFILE_UNREADABLE');
  }
  if (!signedByItsCa(bodyBytes, body.caCertPem, envelope.signature)) throw new BalaError('PROFILE_TAMPERED');
  const fingerprint = caFingerprint(body.caCertPem);
  if (pinnedCa.length > 0 && !pinnedCa.some((pin) => normaliseFingerprint(pin) === fingerprint)) {
    throw new BalaError('PROFILE_UNTRUSTED_CA', { fingerprint: groupFingerprint(fingerprint) });
  }
  return { body, caFingerprint: fingerprint };
}

/** SHA-256 over the certificate's DER, 64 upper-case hex digits (what `openssl x509 -fingerprint -sha256` prints, without the colons). */
export const caFingerprint = (certPem: string): string => new crypto.X509Certificate(certPem).fingerprint256.replace(/:/g, '').toUpperCase();

/** For reading out by phone: groups of four, `3F2A 9C01 …`. */
export const groupFingerprint = (fingerprint: string): string => normaliseFingerprint(fingerprint).replace(/(.{4})(?=.)/g, '$1 ');

/** Accepts what an administrator may paste: colons, spaces, lower case. */
export const normaliseFingerprint = (text: string): string => text.replace(/[\s:]/g, '').toUpperCase();

function signedByItsCa(bodyBytes: Buffer, caCertPem: string, signature: string): boolean {
  try {
    const ca = new crypto.X509Certificate(caCertPem);
    return crypto.verify('sha256', bodyBytes, ca.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
