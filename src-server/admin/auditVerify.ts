import crypto from 'node:crypto';
import { z } from 'zod';
import type { SqlRunner } from '../db/sql';
import type { AdminContext } from './adminContext';
import { parseInput } from './adminError';
import { appendAudit } from './auditLog';

/*
 * `bala-server audit verify`: walks the audit log's hash chain (server migration 006) and
 * recomputes every hash here, in Node, from the stored fields — not with the database's own
 * function, which its owner could replace. The append-only triggers refuse UPDATE, DELETE and
 * TRUNCATE, but the database owner can switch them off; the chain catches what they then let
 * through. What it cannot catch by itself — the tail cut off, or the whole chain recomputed by
 * someone who knows the encoding — an anchor kept outside the database catches: the last verified
 * entry's seq and hash (`DATA/audit-anchor`, written by the CLI after each intact verification).
 */

export const genesisHash = '0'.repeat(64);

/** What the chain hashes of one entry, as the database stores it. */
export interface ChainedFields {
  seq: number;
  id: number;
  /** UTC, microseconds: 2025-01-31T12:00:00.123456Z. */
  atUtc: string;
  actor: string;
  action: string;
  target: string | null;
  /** details as PostgreSQL writes jsonb as text. */
  detailsText: string;
  prevHash: string;
}

const field = (value: string | null): string => (value === null ? '-\n' : `${Buffer.byteLength(value, 'utf8')}:${value}\n`);

/** SHA-256 (hex) of an entry's canonical encoding; the same as audit_chain_hash() in migration 006. */
export function auditEntryHash(entry: ChainedFields): string {
  const text = `bala-audit-v1\n${field(String(entry.seq))}${field(String(entry.id))}${field(entry.atUtc)}${field(entry.actor)}${field(entry.action)}${field(entry.target)}${field(entry.detailsText)}${field(entry.prevHash)}`;
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export const auditAnchorSchema = z.object({
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().optional(),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

/**
 * Where the chain breaks first:
 * - `unchained`: an entry without its place or hash (written with the chain trigger off);
 * - `missing`: the entry with this seq is gone (deleted), or a seq repeats out of place;
 * - `unlinked`: the entry does not follow the previous one (an entry inserted, removed, replaced or
 *   moved before it; ids are hashed but may run out of seq order, since concurrent writers draw
 *   ids before they queue for the chain);
 * - `altered`: the entry's content no longer matches its hash (edited);
 * - `anchorMissing`: the log ends before the anchored entry (its tail was cut off);
 * - `anchorMismatch`: the anchored entry is not the one that was verified (the chain was rewritten).
 */
export type AuditBreakKind = 'unchained' | 'missing' | 'unlinked' | 'altered' | 'anchorMissing' | 'anchorMismatch';

export interface AuditBreak {
  kind: AuditBreakKind;
  /** The entry's place in the chain (for anchorMissing: the anchored entry). */
  seq: number;
  /** The row's id, when there is a row. */
  id: number | null;
  at: string | null;
  action: string | null;
}

export interface AuditVerification {
  intact: boolean;
  /** Entries read and found in order (up to the break, when broken). */
  entries: number;
  /** The last entry of an intact chain: what the CLI anchors. */
  last: { seq: number; hash: string } | null;
  broken: AuditBreak | null;
}

interface ChainRow {
  seq: number | null;
  id: number;
  at_utc: string;
  actor: string;
  action: string;
  target: string | null;
  details_text: string;
  prev_hash: string | null;
  hash: string | null;
}

const columns = `seq, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_utc, actor, action, target, details::text AS details_text, prev_hash, hash`;

/** Walks the whole chain, page by page (keyset on seq), and answers its first break or that it is intact. */
export async function verifyAuditChain(db: SqlRunner, anchor: AuditAnchor | null, pageSize = 2000): Promise<AuditVerification> {
  const broken = (kind: AuditBreakKind, row: ChainRow | null, seq: number, entries: number): AuditVerification => ({
    intact: false,
    entries,
    last: null,
    broken: { kind, seq, id: row?.id ?? null, at: row?.at_utc ?? null, action: row?.action ?? null },
  });

  const unchained = await db.query<ChainRow>(`SELECT ${columns} FROM audit_log WHERE seq IS NULL OR hash IS NULL OR prev_hash IS NULL ORDER BY id LIMIT 1`);
  const stray = unchained.rows[0];
  if (stray) return broken('unchained', stray, stray.seq ?? 0, 0);

  let expectedSeq = 1;
  let previousHash = genesisHash;
  for (;;) {
    const { rows } = await db.query<ChainRow>(`SELECT ${columns} FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`, [expectedSeq, pageSize]);
    for (const row of rows) {
      const seq = row.seq ?? 0;
      const done = expectedSeq - 1;
      if (seq !== expectedSeq) return broken('missing', row, expectedSeq, done);
      if (row.prev_hash !== previousHash) return broken('unlinked', row, seq, done);
      const hash = auditEntryHash({ seq, id: row.id, atUtc: row.at_utc, actor: row.actor, action: row.action, target: row.target, detailsText: row.details_text, prevHash: previousHash });
      if (hash !== row.hash) return broken('altered', row, seq, done);
      if (anchor && anchor.seq === seq && anchor.hash !== hash) return broken('anchorMismatch', row, seq, done);
      previousHash = hash;
      expectedSeq += 1;
    }
    if (rows.length < pageSize) break;
  }
  // Entries below 1 (the owner may drop the CHECK) sort before the walk's start: nothing may be there.
  const { rows: below } = await db.query<ChainRow>(`SELECT ${columns} FROM audit_log WHERE seq < 1 ORDER BY seq LIMIT 1`);
  if (below[0]) return broken('missing', below[0], below[0].seq ?? 0, expectedSeq - 1);
  const entries = expectedSeq - 1;
  if (anchor && anchor.seq > entries) return broken('anchorMissing', null, anchor.seq, entries);
  return { intact: true, entries, last: entries > 0 ? { seq: entries, hash: previousHash } : null, broken: null };
}

export const auditVerifyInput = z.object({ anchor: auditAnchorSchema.nullable().optional() });

/** The `audit.verify` verb: verifies, then records that it did (and what it found) in the chain itself. */
export async function verifyAudit(ctx: AdminContext, input: unknown): Promise<AuditVerification> {
  const { anchor } = parseInput(auditVerifyInput, input ?? {});
  const result = await verifyAuditChain(ctx.db, anchor ?? null);
  const details = result.intact
    ? { intact: true, entries: result.entries, anchored: anchor?.seq ?? null }
    : { intact: false, entries: result.entries, brokenAt: result.broken?.seq ?? null, kind: result.broken?.kind ?? null };
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'audit.verify', target: null, details }, ctx.now());
  return result;
}
