import type crypto from 'node:crypto';
import { deriveAccountKeys, credentialIdOf, type AccountKeys } from '../security/accountKeys';
import { unwrapWithAccount, wrapToAccount } from '../security/cacheWrap';
import { kekFromPasswordHash, unwrapKey } from '../security/keyWrap';
import { newScryptParams, scryptHash } from '../security/scrypt';
import type { AccountPublic } from '../../shared/serverApi/serverApi';
import type { AccountEntry, Keyring, WrapEntry } from '../store/keyring';

/** What a typed password opened: the data key, and the account keys (none for a legacy entry). */
export interface Unlocked {
  dataKey: Buffer;
  keys: AccountKeys | null;
}

/** Spends the same work as a real attempt: an unknown user name cannot be told apart by timing. */
export async function spendDecoy(password: string): Promise<void> {
  await deriveAccountKeys(password, newScryptParams());
}

/**
 * Tries a password on a keyring entry. Version-2 entries: the account keys derived from the
 * password must name the entry's credential, and their X25519 key must open the wrap. Legacy
 * entries (activated before version 2): the old derivation from the server's password hash.
 */
export async function unlockEntry(keyring: Keyring, entry: WrapEntry, password: string): Promise<Unlocked | null> {
  const aad = keyring.aadFor(entry.id);
  if (entry.kind === 'legacy') {
    const dataKey = unwrapKey(entry.wrappedKey, kekFromPasswordHash(await scryptHash(password, entry.kdf)), aad);
    return dataKey ? { dataKey, keys: null } : null;
  }
  const keys = await deriveAccountKeys(password, entry.kdf);
  if (credentialIdOf(keys.public) !== entry.credentialId) return null;
  const dataKey = unwrapWithAccount(entry.wrap, keys.wrapKey, aad);
  return dataKey ? { dataKey, keys } : null;
}

/** A version-2 entry wrapping the data key to an account's public key (counters cleared). */
export function accountEntry(keyring: Keyring, username: string, account: AccountPublic, dataKey: Buffer): AccountEntry {
  const id = keyring.idOf(username);
  return {
    kind: 'account',
    id,
    kdf: account.kdf,
    credentialId: credentialIdOf(account),
    wrap: wrapToAccount(dataKey, account.wrapPub, keyring.aadFor(id)),
    failedAttempts: 0,
    lockedUntil: null,
  };
}

/** The account keys of a password under the server's account parameters, if they are the ones the server holds. */
export async function keysMatching(password: string, account: AccountPublic): Promise<AccountKeys | null> {
  const keys = await deriveAccountKeys(password, account.kdf);
  return keys.public.signPub === account.signPub && keys.public.wrapPub === account.wrapPub ? keys : null;
}

export type SignKey = crypto.KeyObject;
