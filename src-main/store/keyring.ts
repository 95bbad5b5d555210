import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { scryptParamsSchema } from '../../shared/profile/profileFormat';
import { BalaError } from '../api/balaError';
import { writeFileAtomic } from '../fsx/atomicWrite';

/*
 * keyring.json: the cache's data key wrapped for each operator of this workstation (to their
 * account's X25519 key: only their password opens it), the same key escrowed to the central
 * server, and the lock-out counters. Operators are named by an HMAC of their user name.
 *
 * What decides whether an operator may open the cache (validity, disabling, which credential
 * is current) is not here but in the encrypted cache (migration 008), checked as soon as the
 * wrap opened it: an entry restored from an old copy, or a wrap whose credential the cache
 * does not name, is refused (docs/security.md). Entries of workstations activated before
 * version 2 ('legacy': wrapped under a key derived from the server's password hash) are
 * re-wrapped at the operator's first online sign-in.
 */

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const counters = { failedAttempts: z.number().int().min(0), lockedUntil: z.string().nullable() };

const accountEntrySchema = z.object({
  kind: z.literal('account'),
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: scryptParamsSchema,
  credentialId: z.string().regex(/^[0-9a-f]{32}$/),
  wrap: z.object({ ephemeralPub: b64, iv: b64, ciphertext: b64, tag: b64 }),
  ...counters,
});

const legacyFields = {
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: scryptParamsSchema,
  wrappedKey: z.object({ iv: b64, ciphertext: b64, tag: b64 }),
  validUntil: z.string(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  ...counters,
};
const legacyEntrySchema = z.object({ kind: z.literal('legacy'), ...legacyFields });

/** What is left of an operator whose access was removed: why, so they are told (their wrap is gone). */
const removedEntrySchema = z.object({
  kind: z.literal('removed'),
  id: z.string().regex(/^[0-9a-f]{64}$/),
  reason: z.enum(['disabled', 'credentialChanged', 'notOnWorkstation']),
  ...counters,
});
export type RemovalReason = z.infer<typeof removedEntrySchema>['reason'];

const entrySchema = z.discriminatedUnion('kind', [accountEntrySchema, legacyEntrySchema, removedEntrySchema]);
export type KeyringEntry = z.infer<typeof entrySchema>;
export type AccountEntry = z.infer<typeof accountEntrySchema>;
/** An entry that still wraps the data key. */
export type WrapEntry = Exclude<KeyringEntry, { kind: 'removed' }>;
export type LegacyEntry = z.infer<typeof legacyEntrySchema>;

const keyringSchema = z.object({
  version: z.literal(2),
  workstationId: z.string(),
  salt: b64,
  /** The data key, RSA-OAEP to the server's certificate (null: a legacy workstation not yet migrated). */
  escrow: b64.nullable(),
  entries: z.array(entrySchema),
});
export type KeyringData = z.infer<typeof keyringSchema>;

const legacyKeyringSchema = z.object({ version: z.literal(1), workstationId: z.string(), salt: b64, entries: z.array(z.object(legacyFields)) });

export const keyringFileName = 'keyring.json';

export class Keyring {
  private constructor(
    private readonly file: string,
    private data: KeyringData,
  ) {}

  static create(dir: string, workstationId: string, escrow: string): Keyring {
    return new Keyring(path.join(dir, keyringFileName), {
      version: 2,
      workstationId,
      salt: crypto.randomBytes(32).toString('base64'),
      escrow,
      entries: [],
    });
  }

  /** null when there is no keyring (not activated); refuses one that is not a keyring. */
  static load(dir: string): Keyring | null {
    const file = path.join(dir, keyringFileName);
    if (!fs.existsSync(file)) return null;
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      throw new BalaError('KEYRING_TAMPERED');
    }
    const parsed = keyringSchema.safeParse(json);
    if (parsed.success) return new Keyring(file, parsed.data);
    const legacy = legacyKeyringSchema.safeParse(json);
    if (!legacy.success) throw new BalaError('KEYRING_TAMPERED');
    return new Keyring(file, {
      version: 2,
      workstationId: legacy.data.workstationId,
      salt: legacy.data.salt,
      escrow: null,
      entries: legacy.data.entries.map((entry) => ({ kind: 'legacy' as const, ...entry })),
    });
  }

  get workstationId(): string {
    return this.data.workstationId;
  }

  get escrow(): string | null {
    return this.data.escrow;
  }

  setEscrow(escrow: string): void {
    this.data = { ...this.data, escrow };
  }

  /** The stable name of an operator in this keyring (hides names from a glance; user names are not secret). */
  idOf(username: string): string {
    return crypto.createHmac('sha256', Buffer.from(this.data.salt, 'base64')).update(normaliseUsername(username)).digest('hex');
  }

  find(username: string): KeyringEntry | undefined {
    const id = this.idOf(username);
    return this.data.entries.find((entry) => entry.id === id);
  }

  upsert(entry: KeyringEntry): void {
    this.data = { ...this.data, entries: [...this.data.entries.filter((e) => e.id !== entry.id), entry] };
  }

  /** The operator's wrap is destroyed: their password no longer opens this cache; the reason stays, to tell them. */
  remove(username: string, reason: RemovalReason): void {
    this.upsert({ kind: 'removed', id: this.idOf(username), reason, failedAttempts: 0, lockedUntil: null });
  }

  /** The entry that can open the cache for this operator (none once access was removed). */
  wrapOf(username: string): WrapEntry | undefined {
    const entry = this.find(username);
    return entry && entry.kind !== 'removed' ? entry : undefined;
  }

  save(): void {
    writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
  }

  /** AAD for an entry's wrapped key: binds it to this workstation and this operator. */
  aadFor(entryId: string): string {
    return `bala-keyring:v1:${this.data.workstationId}:${entryId}`;
  }
}

export const normaliseUsername = (username: string): string => username.trim().toLowerCase().normalize('NFKC');
