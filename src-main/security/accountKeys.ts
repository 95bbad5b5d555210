import crypto from 'node:crypto';
import type { ScryptParams } from '../../shared/profile/profileFormat';
import type { AccountPublic } from '../../shared/serverApi/serverApi';
import { scryptHash } from './scrypt';

/*
 * An operator's account keys (shared/serverApi/serverApi.ts, accountPublicSchema): a seed from
 * scrypt(password) with the account's own salt; by HKDF an Ed25519 signing key and an X25519
 * key the cache key is wrapped to. src-server/security/accountKeys.ts is the same code (the
 * import boundaries keep the two apart); tests/node/security/accountKeys.test.ts checks they agree.
 */

const pkcs8Prefix = { ed25519: Buffer.from('302e020100300506032b657004220420', 'hex'), x25519: Buffer.from('302e020100300506032b656e04220420', 'hex') };
const spkiPrefix = { ed25519: Buffer.from('302a300506032b6570032100', 'hex'), x25519: Buffer.from('302a300506032b656e032100', 'hex') };

export interface AccountKeys {
  public: AccountPublic;
  signKey: crypto.KeyObject;
  wrapKey: crypto.KeyObject;
}

const rawPublic = (key: crypto.KeyObject): string => crypto.createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');

const privateFromSeed = (kind: 'ed25519' | 'x25519', seed: Buffer): crypto.KeyObject =>
  crypto.createPrivateKey({ key: Buffer.concat([pkcs8Prefix[kind], seed]), format: 'der', type: 'pkcs8' });

export const publicFromRaw = (kind: 'ed25519' | 'x25519', base64: string): crypto.KeyObject =>
  crypto.createPublicKey({ key: Buffer.concat([spkiPrefix[kind], Buffer.from(base64, 'base64')]), format: 'der', type: 'spki' });

export async function deriveAccountKeys(password: string, kdf: ScryptParams): Promise<AccountKeys> {
  const seed = await scryptHash(password, kdf);
  const part = (info: string): Buffer => Buffer.from(crypto.hkdfSync('sha256', seed, Buffer.alloc(0), info, 32));
  const signSeed = part('bala-account-sign-v1');
  const wrapSeed = part('bala-account-wrap-v1');
  seed.fill(0);
  const signKey = privateFromSeed('ed25519', signSeed);
  const wrapKey = privateFromSeed('x25519', wrapSeed);
  signSeed.fill(0);
  wrapSeed.fill(0);
  return { public: { kdf, signPub: rawPublic(signKey), wrapPub: rawPublic(wrapKey) }, signKey, wrapKey };
}

/** Names one password of one account: changes with every change or reset of the password. */
export const credentialIdOf = (account: Pick<AccountPublic, 'signPub' | 'wrapPub'>): string =>
  crypto.createHash('sha256').update(`bala-credential:v1:${account.signPub}:${account.wrapPub}`).digest('hex').slice(0, 32);

export const signMessage = (key: crypto.KeyObject, message: string): string => crypto.sign(null, Buffer.from(message, 'utf8'), key).toString('base64');

export function verifyMessage(signPub: string, message: string, signature: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(message, 'utf8'), publicFromRaw('ed25519', signPub), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
