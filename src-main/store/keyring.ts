import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { scryptParamsSchema } from '../../shared/profile/profileFormat';
import { writeFileAtomic } from '../fsx/atomicWrite';

/*
 * keyring.json: for each operator of this workstation, the cache's data key wrapped under a key
 * derived from their password. Operators are named by an HMAC of their user name, never in
 * clear; everything else here (validity, lock-out counters) is not personal data.
 */

const wrappedKeySchema = z.object({ iv: z.string(), ciphertext: z.string(), tag: z.string() });

const entrySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: scryptParamsSchema,
  wrappedKey: wrappedKeySchema,
  validUntil: z.string(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  failedAttempts: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
});
export type KeyringEntry = z.infer<typeof entrySchema>;

const keyringSchema = z.object({
  version: z.literal(1),
  workstationId: z.string(),
  salt: z.string(),
  entries: z.array(entrySchema),
});
export type KeyringData = z.infer<typeof keyringSchema>;

export const keyringFileName = 'keyring.json';

export class Keyring {
  private constructor(
    private readonly file: string,
    private data: KeyringData,
  ) {}

  static create(dir: string, workstationId: string): Keyring {
    return new Keyring(path.join(dir, keyringFileName), {
      version: 1,
      workstationId,
      salt: crypto.randomBytes(32).toString('base64'),
      entries: [],
    });
  }

  /** null when there is no keyring (not activated); throws when it is damaged. */
  static load(dir: string): Keyring | null {
    const file = path.join(dir, keyringFileName);
    if (!fs.existsSync(file)) return null;
    const parsed = keyringSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error('keyring.json is damaged');
    return new Keyring(file, parsed.data);
  }

  get workstationId(): string {
    return this.data.workstationId;
  }

  /** The stable, non-reversible name of an operator in this keyring. */
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

  save(): void {
    writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
  }

  /** AAD for an entry's wrapped key: binds it to this workstation and this operator. */
  aadFor(entryId: string): string {
    return `bala-keyring:v1:${this.data.workstationId}:${entryId}`;
  }
}

export const normaliseUsername = (username: string): string => username.trim().toLowerCase().normalize('NFKC');
