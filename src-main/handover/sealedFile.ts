import crypto from 'node:crypto';
import { payloadAad, signedPart, withSignature, type SealedHeader, type SplitSealed } from '../../shared/handover/handoverFormat';

/*
 * The crypto of a sealed handover file (shared/handover/handoverFormat.ts). The server has its
 * own copy of these few lines (src-server/handover/sealedFile.ts): the import boundaries keep the
 * workstation's and the server's code apart, and node:crypto cannot live in shared/.
 */

export type HeaderFacts = Omit<SealedHeader, 'encryption' | 'payloadBytes' | 'recipientFingerprint' | 'signerCertPem'>;

export const certFingerprint = (certPem: string): string => new crypto.X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();

const pss = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST };

/** Encrypts the payload to the recipient's certificate and signs the whole file with the signer's key. */
export function seal(facts: HeaderFacts, payload: unknown, keys: { recipientCertPem: string; signerKeyPem: string; signerCertPem: string }): Buffer {
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  try {
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(payloadAad(facts), 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(Buffer.from(JSON.stringify(payload), 'utf8')), cipher.final()]);
    const recipient = new crypto.X509Certificate(keys.recipientCertPem);
    const wrappedKey = crypto.publicEncrypt({ key: recipient.publicKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key);
    const header: SealedHeader = {
      ...facts,
      recipientFingerprint: certFingerprint(keys.recipientCertPem),
      signerCertPem: keys.signerCertPem,
      encryption: {
        keyWrap: 'rsa-oaep-sha256',
        cipher: 'aes-256-gcm',
        wrappedKey: wrappedKey.toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
      payloadBytes: ciphertext.length,
    };
    const signed = signedPart(header, ciphertext);
    const signature = crypto.sign('sha256', signed, { key: keys.signerKeyPem, ...pss });
    return Buffer.from(withSignature(signed, signature));
  } finally {
    key.fill(0);
  }
}

/** Whether the file's signature was made by the key of the certificate it names. */
export function signatureValid(split: SplitSealed): boolean {
  try {
    const signer = new crypto.X509Certificate(split.header.signerCertPem);
    return crypto.verify('sha256', split.signed, { key: signer.publicKey, ...pss }, split.signature);
  } catch {
    return false;
  }
}

/** Decrypts the payload with the recipient's key; null when it is not for this key or was altered. */
export function openPayload(split: SplitSealed, recipientKeyPem: string): unknown {
  const { encryption } = split.header;
  let key: Buffer | null = null;
  try {
    key = crypto.privateDecrypt({ key: recipientKeyPem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(encryption.wrappedKey, 'base64'));
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(encryption.iv, 'base64'));
    decipher.setAAD(Buffer.from(payloadAad(split.header), 'utf8'));
    decipher.setAuthTag(Buffer.from(encryption.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(split.ciphertext), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    return null;
  } finally {
    key?.fill(0);
  }
}
