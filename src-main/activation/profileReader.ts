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
export async function openProfile(file: Buffer, typedCode: string, now: Date, language: Language): Promise<OpenedProfile> {
  if (file.length > maxProfileBytes) throw new BalaError('PROFILE_UNREADABLE');
  const code = normaliseActivationCode(typedCode);
  if (!activationCodePattern.test(code)) throw new BalaError('ACTIVATION_CODE_FORMAT');

  let envelope;
  let bodyBytes: Buffer;
  let body: ProfileBody;
  try {
    envelope = profileFileSchema.parse(JSON.parse(file.toString('utf8')));
    bodyBytes = Buffer.from(envelope.body, 'base64');
    body = profileBodySchema.parse(JSON.parse(bodyBytes.toString('utf8')));
  } catch {
    throw new BalaError('PROFILE_UNREADABLE');
  }

  if (!signedByItsCa(bodyBytes, body.caCertPem, envelope.signature)) throw new BalaError('PROFILE_TAMPERED');

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

function signedByItsCa(bodyBytes: Buffer, caCertPem: string, signature: string): boolean {
  try {
    const ca = new crypto.X509Certificate(caCertPem);
    return crypto.verify('sha256', bodyBytes, ca.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
