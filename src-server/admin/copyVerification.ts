import crypto from 'node:crypto';
import { z } from 'zod';
import type { VerifyOutcome } from '../../shared/api/print';
import type { FormValues } from '../../shared/forms/formTypes';
import { findForm } from '../../shared/forms/packTypes';
import { registryPacks } from '../../shared/packs';
import { printedContent } from '../../shared/print/printedContent';
import { parseVerificationCode, shortHash } from '../../shared/print/verificationCode';
import type { AdminContext } from './adminContext';
import { parseInput } from './adminError';
import { appendAudit } from './auditLog';

export interface RegistryCopyVerification {
  outcome: VerifyOutcome;
  recordId: string | null;
  printedRevision: number | null;
  /** The registry's revision whose printed content the code's hash matches (null: none). */
  matchedRevision: number | null;
  currentRevision: number | null;
}

const verifyInput = z.object({ code: z.string().min(1).max(200) });

/**
 * `verify CODE`: whether a paper copy printed at a workstation matches a revision the registry
 * holds. The workstation's revision numbers are its own, so revisions are matched by the hash of
 * the printed values (shared/print/printedContent.ts), computed here from each stored revision.
 */
export async function verifyRegistryCopy(ctx: AdminContext, input: unknown): Promise<RegistryCopyVerification> {
  const parsed = parseVerificationCode(parseInput(verifyInput, input).code);
  const none = { recordId: null, printedRevision: null, matchedRevision: null, currentRevision: null };
  if (!parsed) return { ...none, outcome: 'unreadable' };
  const base = { ...none, recordId: parsed.recordId, printedRevision: parsed.revision };
  const record = (await ctx.db.query<{ form_id: string; revision: number }>('SELECT form_id, revision FROM records WHERE id = $1', [parsed.recordId])).rows[0];
  const form = record ? findForm(registryPacks, record.form_id)?.form : undefined;
  let answer: RegistryCopyVerification;
  if (!record || !form) {
    answer = { ...base, outcome: 'unknown' };
  } else {
    const revisions = await ctx.db.query<{ revision: number; values: FormValues }>('SELECT revision, values FROM record_revisions WHERE record_id = $1 ORDER BY revision', [parsed.recordId]);
    const hashOf = (values: FormValues) => shortHash(crypto.createHash('sha256').update(printedContent(form, parsed.recordId, values)).digest('hex'));
    const matched = revisions.rows.filter((row) => hashOf(row.values) === parsed.hash).map((row) => row.revision).at(-1) ?? null;
    const current = { ...base, matchedRevision: matched, currentRevision: record.revision };
    answer = { ...current, outcome: matched === null ? 'mismatch' : matched === record.revision ? 'current' : 'superseded' };
  }
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'records.verifyCopy', target: parsed.recordId, details: { revision: parsed.revision, outcome: answer.outcome } }, ctx.now());
  return answer;
}
