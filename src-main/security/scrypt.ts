import crypto from 'node:crypto';
import type { ScryptParams } from '../../shared/profile/profileFormat';

/** Operators' password KDF cost: 32 MiB, ~100 ms here (the unlock budget is 400 ms). */
export const operatorKdfCost = { N: 2 ** 15, r: 8, p: 1 } as const;

export const newScryptParams = (): ScryptParams => ({
  algorithm: 'scrypt',
  ...operatorKdfCost,
  salt: crypto.randomBytes(16).toString('base64'),
});

/** scrypt of a secret (NFKC-normalised, so the same password typed on any keyboard matches). */
export function scryptHash(secret: string, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      secret.normalize('NFKC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
