import { z } from 'zod';
import type { AdminContext } from './adminContext';
import { AdminError, parseInput } from './adminError';
import { appendAudit } from './auditLog';

export interface RegistryRecordSummary {
  id: string;
  formId: string;
  agencyId: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export interface RegistryRecordView extends RegistryRecordSummary {
  formVersion: number;
  subjectId: string | null;
  values: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  /** Every revision: who sent it, from which workstation, when it was made and received. */
  revisions: { revision: number; changeId: string; workstationId: string; author: string; madeAt: string; receivedAt: string; sections: string[]; reason: string | null }[];
}

const listInput = z.object({
  form: z.string().trim().min(1).max(100).optional(),
  agency: z.string().trim().min(1).max(40).optional(),
  limit: z.number().int().min(1).max(10_000).default(100),
});
const showInput = z.object({ id: z.string().trim().toLowerCase().uuid() });

const iso = (date: Date) => new Date(date).toISOString();

/** `records list`: what the registry holds (no personal values in the list; reading them is `show`). */
export async function listRegistryRecords(ctx: AdminContext, input: unknown): Promise<RegistryRecordSummary[]> {
  const request = parseInput(listInput, input);
  const { rows } = await ctx.db.query<{ id: string; form_id: string; agency_id: string; revision: number; updated_at: Date; updated_by: string }>(
    `SELECT id, form_id, agency_id, revision, updated_at, updated_by FROM records
     WHERE ($1::text IS NULL OR form_id = $1) AND ($2::text IS NULL OR agency_id = $2)
     ORDER BY updated_at DESC, id LIMIT $3`,
    [request.form ?? null, request.agency ?? null, request.limit],
  );
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'records.list', target: request.form ?? null, details: { agency: request.agency ?? null, count: rows.length } }, ctx.now());
  return rows.map((row) => ({ id: row.id, formId: row.form_id, agencyId: row.agency_id, revision: row.revision, updatedAt: iso(row.updated_at), updatedBy: row.updated_by }));
}

/** `records show ID`: one record with its revisions; every reading is in the audit log. */
export async function showRegistryRecord(ctx: AdminContext, input: unknown): Promise<RegistryRecordView> {
  const { id } = parseInput(showInput, input);
  const { rows } = await ctx.db.query<{
    id: string; form_id: string; form_version: number; agency_id: string; subject_id: string | null; values: Record<string, unknown>;
    revision: number; created_at: Date; created_by: string; updated_at: Date; updated_by: string;
  }>('SELECT id, form_id, form_version, agency_id, subject_id, values, revision, created_at, created_by, updated_at, updated_by FROM records WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) throw new AdminError('RECORD_NOT_FOUND', { id });
  const revisions = await ctx.db.query<{ revision: number; change_id: string; workstation_id: string; author: string; made_at: Date; received_at: Date; sections: string[]; reason: string | null }>(
    'SELECT revision, change_id, workstation_id, author, made_at, received_at, sections, reason FROM record_revisions WHERE record_id = $1 ORDER BY revision',
    [id],
  );
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'records.show', target: id, details: { revision: row.revision } }, ctx.now());
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: row.form_version,
    agencyId: row.agency_id,
    subjectId: row.subject_id,
    values: row.values,
    revision: row.revision,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
    revisions: revisions.rows.map((r) => ({
      revision: r.revision,
      changeId: r.change_id,
      workstationId: r.workstation_id,
      author: r.author,
      madeAt: iso(r.made_at),
      receivedAt: iso(r.received_at),
      sections: r.sections,
      reason: r.reason,
    })),
  };
}
