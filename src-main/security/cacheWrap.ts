import crypto from 'node:crypto';
import { cacheEscrowLabel } from '../../shared/serverApi/accountProofs';
import { publicFromRaw } from './accountKeys';

/*
 * The cache's data key, wrapped to an operator's X25519 account key (an ephemeral X25519 key
 * agreement, HKDF-SHA256, AES-256-GCM), and escrowed to the central server's RSA key. Wrapping
 * needs only the public key, so a workstation activated from a profile can wrap for operators
 * whose passwords it never saw; unwrapping needs the password (docs/security.md).
 */

export interface AccountWrap {
  ephemeralPub: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

const spkiRaw = (key: crypto.KeyObject): Buffer => (key.type === 'public' ? key : crypto.createPublicKey(key)).export({ format: 'der', type: 'spki' }).subarray(-32);

function wrapKeyFrom(shared: Buffer, ephemeralPub: Buffer, recipientPub: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([ephemeralPub, recipientPub]), 'bala-cache-wrap-v1', 32));
}

export function wrapToAccount(dataKey: Buffer, wrapPub: string, aad: string): AccountWrap {
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const recipient = publicFromRaw('x25519', wrapPub);
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const ephemeralPub = spkiRaw(ephemeral.publicKey);
  const kek = wrapKeyFrom(shared, ephemeralPub, Buffer.from(wrapPub, 'base64'));
  shared.fill(0);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return { ephemeralPub: ephemeralPub.toString('base64'), iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The data key, or null when the account key is not the one wrapped to (a wrong password) or the wrap was altered. */
export function unwrapWithAccount(wrap: AccountWrap, wrapKey: crypto.KeyObject, aad: string): Buffer | null {
  try {
    const ephemeralPub = Buffer.from(wrap.ephemeralPub, 'base64');
    const shared = crypto.diffieHellman({ privateKey: wrapKey, publicKey: publicFromRaw('x25519', wrap.ephemeralPub) });
    const kek = wrapKeyFrom(shared, ephemeralPub, spkiRaw(wrapKey));
    shared.fill(0);
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
    kek.fill(0);
    return key;
  } catch {
    return null;
  }
}

/**
 * RSA-OAEP (SHA-256) to the server's certificate, labelled with the workstation: only the server
 * gives the key back, to a live session of an operator of that same workstation.
 */
export const escrowToServer = (dataKey: Buffer, serverCertPem: string, workstationId: string): string =>
  crypto
    .publicEncrypt(
      {
        key: new crypto.X509Certificate(serverCertPem).publicKey,
        padding: crypto.constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: 'sha256',
        oaepLabel: Buffer.from(cacheEscrowLabel(workstationId), 'utf8'),
      },
      dataKey,
    )
    .toString('base64');
