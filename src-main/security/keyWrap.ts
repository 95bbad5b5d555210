import crypto from 'node:crypto';

export interface WrappedKey {
  iv: string;
  ciphertext: string;
  tag: string;
}

/** The key-encryption key for one operator, derived from their password hash. */
export const kekFromPasswordHash = (passwordHash: Buffer): Buffer =>
  Buffer.from(crypto.hkdfSync('sha256', passwordHash, Buffer.alloc(0), 'bala-cache-kek-v1', 32));

/** AES-256-GCM; the AAD binds the wrap to its keyring entry so entries cannot be swapped. */
export function wrapKey(dataKey: Buffer, kek: Buffer, aad: string): WrappedKey {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The data key, or null when the KEK is wrong (the password was wrong) or the wrap was altered. */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, aad: string): Buffer | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
