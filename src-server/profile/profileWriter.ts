import crypto from 'node:crypto';
import {
  PROFILE_FORMAT,
  PROFILE_VERSION,
  normaliseActivationCode,
  profileBodySchema,
  profileSecretAad,
  profileSecretSchema,
  type ProfileBody,
  type ProfileFile,
  type ProfileSecret,
} from '../../shared/profile/profileFormat';
import { newScryptParams, scryptHash } from '../security/passwordHash';

export type ProfileBodyWithoutSecret = Omit<ProfileBody, 'secret'>;

/**
 * Writes a `.balaprofile` as shared/profile/profileFormat.ts defines it: the secret part sealed
 * with AES-256-GCM under scrypt(activation code), bound to the profile by its AAD; the body
 * signed by the CA with RSA-SHA256 over the exact bytes stored.
 */
export async function writeProfile(parts: ProfileBodyWithoutSecret, secret: ProfileSecret, activationCode: string, caKeyPem: string): Promise<Buffer> {
  const kdf = newScryptParams();
  const key = await scryptHash(normaliseActivationCode(activationCode), kdf);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(profileSecretAad(parts), 'utf8'));
  const plaintext = Buffer.from(JSON.stringify(profileSecretSchema.parse(secret)), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  key.fill(0);

  const body: ProfileBody = profileBodySchema.parse({
    ...parts,
    secret: {
      kdf,
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
  });
  const bodyBytes = Buffer.from(JSON.stringify(body), 'utf8');
  const envelope: ProfileFile = {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    body: bodyBytes.toString('base64'),
    signature: crypto.sign('sha256', bodyBytes, caKeyPem).toString('base64'),
  };
  return Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8');
}
