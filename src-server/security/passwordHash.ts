import crypto from 'node:crypto';
import type { ScryptParams } from '../../shared/profile/profileFormat';

/*
 * The operators' password verifier, byte for byte the workstation's (src-main/security/scrypt.ts):
 * the profile hands the server's hash to the workstation, which unwraps its cache key with it.
 * src-server may not import src-main, so the primitive is repeated here; a test checks both agree.
 */

/** 32 MiB, ~100 ms: the same cost as the workstation's operator KDF. */
export const operatorKdfCost = { N: 2 ** 15, r: 8, p: 1 } as const;
export const passwordHashBytes = 32;

export const newScryptParams = (): ScryptParams => ({
  algorithm: 'scrypt',
  ...operatorKdfCost,
  salt: crypto.randomBytes(16).toString('base64'),
});

/** scrypt of a secret, NFKC-normalised so the same password typed on any keyboard matches. */
export function scryptHash(secret: string, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      secret.normalize('NFKC'),
      Buffer.from(params.salt, 'base64'),
      passwordHashBytes,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** A workstation may send a verifier it derived itself: never one cheaper than ours. */
export const strongEnough = (params: ScryptParams): boolean =>
  params.N >= operatorKdfCost.N && params.r >= operatorKdfCost.r && Buffer.from(params.salt, 'base64').length >= 16;

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export interface StoredPassword {
  hash: string;
  kdf: ScryptParams;
}

export async function hashPassword(password: string): Promise<StoredPassword> {
  const kdf = newScryptParams();
  return { hash: (await scryptHash(password, kdf)).toString('base64'), kdf };
}

export async function passwordMatches(password: string, stored: StoredPassword): Promise<boolean> {
  return sameHash(await scryptHash(password, stored.kdf), Buffer.from(stored.hash, 'base64'));
}

/** Spends the same time as a real check, so an unknown user name cannot be told apart by timing. */
const decoy: StoredPassword = { hash: Buffer.alloc(passwordHashBytes).toString('base64'), kdf: newScryptParams() };
export async function spendDecoyCheck(password: string): Promise<void> {
  await passwordMatches(password, decoy);
}
