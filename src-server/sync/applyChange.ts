import crypto from 'node:crypto';
import { declaredPhotoBytes, photoRefs } from '../../shared/sync/photoRefs';
import { canEdit, forbiddenEdits } from '../../shared/forms/access';
import { localToday } from '../../shared/forms/dates';
import type { FormIssue } from '../../shared/forms/formIssue';
import type { FormDef, FormValues } from '../../shared/forms/formTypes';
import { classifierMap, findForm, type PackDef } from '../../shared/forms/packTypes';
import { validateForm } from '../../shared/forms/validateForm';
import { applySections, pickSections, strayFields, unknownSections, type SectionValues } from '../../shared/sync/sections';
import type { ChangeOutcome, RejectionCode, SyncChange } from '../../shared/sync/syncProtocol';
import type { SqlRunner } from '../db/sql';
import type { KnownWorkstation } from '../http/workstationGuard';
import { changeHash } from './changeHash';

export interface ServerRecordRow {
  id: string;
  form_id: string;
  form_version: number;
  agency_id: string;
  subject_id: string | null;
  values: FormValues;
  revision: number;
  seq: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

export const recordColumns = 'id, form_id, form_version, agency_id, subject_id, values, revision, seq, created_at, created_by, updated_at, updated_by';

/** Largest photo accepted with a change, decoded (the forms allow 2 MB; a value declaring less must be that size). */
const maxBlobBytes = 3_000_000;

const rejected = (change: SyncChange, code: RejectionCode, issues: readonly FormIssue[] = []): ChangeOutcome => ({
  changeId: change.changeId,
  outcome: 'rejected',
  code,
  // The first hundred say enough; the workstation's reader takes at most 500.
  problems: issues.slice(0, 100).map((issue) => ({ field: issue.path, code: issue.code, ...(issue.params ? { params: issue.params } : {}) })),
});


export interface ApplyContext {
  tx: SqlRunner;
  workstation: KnownWorkstation;
  packs: readonly PackDef[];
  now: Date;
  /** Who pushed the batch (recorded beside each change's author): the session's operator, or 'handover'. */
  pushedBy: string;
  /** The authors met so far in this batch (null: no such user). */
  authors?: Map<string, AuthorFacts | null>;
  /** Looked up for the whole batch at once (applyBatch): change ids already applied, and records as they stand (null: not on the server). */
  seenChanges?: Map<string, SeenChange>;
  records?: Map<string, ServerRecordRow | null>;
}

export interface SeenChange {
  revision: number;
  content_hash: string;
  record_id: string;
}

export interface AuthorFacts {
  role: string;
  agencyId: string;
  /** On this workstation, of its agency, enabled and valid now. */
  allowed: boolean;
}

/**
 * Who wrote a change: a user of the registry (else UNKNOWN_AUTHOR) who is on this workstation,
 * enabled and valid now (else AUTHOR_NOT_ALLOWED) — offline work of an operator disabled or
 * expired since is not taken, whoever pushes it.
 */
export async function authorFacts(ctx: Pick<ApplyContext, 'tx' | 'workstation' | 'now' | 'authors'>, author: string): Promise<AuthorFacts | null> {
  const known = ctx.authors?.get(author);
  if (known !== undefined) return known;
  const { rows } = await ctx.tx.query<{ role: string; agency_id: string; disabled: boolean; valid_until: Date; on_workstation: boolean }>(
    `SELECT u.role, u.agency_id, u.disabled, u.valid_until,
            EXISTS (SELECT 1 FROM workstation_users wu WHERE wu.workstation_id = $1 AND wu.username = u.username) AS on_workstation
     FROM users u WHERE u.username = $2`,
    [ctx.workstation.id, author],
  );
  const row = rows[0];
  const facts = row
    ? { role: row.role, agencyId: row.agency_id, allowed: row.on_workstation && row.agency_id === ctx.workstation.agencyId && !row.disabled && new Date(row.valid_until).getTime() > ctx.now.getTime() }
    : null;
  ctx.authors?.set(author, facts);
  return facts;
}

/**
 * Applies one pushed change inside the caller's transaction, through the same validators as
 * the workstation: idempotent by change id, refused outside the workstation's agency, a conflict
 * when another workstation changed one of the same sections since the change's base revision,
 * merged without asking when it changed only others.
 */
export async function applyChange(ctx: ApplyContext, change: SyncChange): Promise<ChangeOutcome> {
  const { tx, workstation } = ctx;
  const hash = changeHash(change);
  const previous = ctx.seenChanges
    ? ctx.seenChanges.get(change.changeId)
    : (await tx.query<SeenChange>('SELECT revision, content_hash, record_id FROM record_revisions WHERE change_id = $1', [change.changeId])).rows[0];
  if (previous) {
    if (previous.content_hash === hash && previous.record_id === change.recordId) {
      return { changeId: change.changeId, outcome: 'alreadyApplied', revision: previous.revision };
    }
    return rejected(change, 'CHANGE_ID_REUSED');
  }

  const found = findForm(ctx.packs, change.formId);
  if (!found) return rejected(change, 'UNKNOWN_FORM');
  const { pack, form } = found;
  // Values from the wire are unchecked until validateForm runs on the merged record below.
  const sections = change.sections as SectionValues;
  const shapeIssues: FormIssue[] = [
    ...unknownSections(form, sections).map((path): FormIssue => ({ path, code: 'unknownField' })),
    ...strayFields(form, sections).map((path): FormIssue => ({ path, code: 'unknownField' })),
  ];
  if (shapeIssues.length > 0) return rejected(change, 'INVALID_VALUES', shapeIssues);

  const author = await authorFacts(ctx, change.author);
  if (author === null) return rejected(change, 'UNKNOWN_AUTHOR');
  if (!author.allowed) return rejected(change, 'AUTHOR_NOT_ALLOWED');
  const role = author.role;
  if (!canEdit(form.access, role) || pack.roles.find((candidate) => candidate.id === role)?.aggregateOnly) {
    return rejected(change, 'NOT_PERMITTED');
  }

  const known = ctx.records?.get(change.recordId);
  const current = known !== undefined ? (known ?? undefined) : (await tx.query<ServerRecordRow>(`SELECT ${recordColumns} FROM records WHERE id = $1 FOR UPDATE`, [change.recordId])).rows[0];
  if (current && current.agency_id !== workstation.agencyId) return rejected(change, 'OUT_OF_SCOPE');
  if (current && current.form_id !== form.id) return rejected(change, 'INVALID_VALUES', [{ path: 'formId', code: 'wrongType' }]);

  let before: FormValues = {};
  let merged = false;
  if (current) {
    before = current.values;
    const foreign = await tx.query<{ sections: string[] }>(
      'SELECT sections FROM record_revisions WHERE record_id = $1 AND revision > $2 AND workstation_id <> $3',
      [change.recordId, change.baseRevision, workstation.id],
    );
    const theirs = new Set(foreign.rows.flatMap((row) => row.sections));
    const overlap = Object.keys(change.sections).filter((section) => theirs.has(section));
    if (overlap.length > 0) {
      return {
        changeId: change.changeId,
        outcome: 'conflict',
        revision: current.revision,
        theirs: pickSections(form, current.values, overlap),
        by: current.updated_by,
        at: current.updated_at.toISOString(),
      };
    }
    merged = theirs.size > 0;
  } else {
    if (change.baseRevision > 0) return rejected(change, 'UNKNOWN_RECORD');
    // A record's first change carries all of it: a partial one means its beginning is missing.
    if (form.sections.some((section) => !(section.id in change.sections))) return rejected(change, 'UNKNOWN_RECORD');
    const subjectRefused = await refuseSubject(ctx, form, change);
    if (subjectRefused) return subjectRefused;
  }

  const after = applySections(form, before, sections);
  const notEditable = forbiddenEdits(form, before, after, role);
  if (notEditable.length > 0) return rejected(change, 'NOT_PERMITTED', notEditable);
  const issues = validateForm(form, after, { classifiers: classifierMap(pack), today: localToday(ctx.now) });
  if (issues.length > 0) return rejected(change, 'INVALID_VALUES', issues);
  const blobIssue = await storeBlobs(ctx, change, after);
  if (blobIssue) return rejected(change, 'INVALID_VALUES', [blobIssue]);

  const revision = (current?.revision ?? 0) + 1;
  const made = new Date(change.at);
  if (current) {
    await tx.query(
      `UPDATE records SET form_version = $2, values = $3::jsonb, revision = $4, seq = nextval('record_change_seq'), updated_at = $5, updated_by = $6 WHERE id = $1`,
      [change.recordId, change.formVersion, JSON.stringify(after), revision, made, change.author],
    );
  } else {
    await tx.query(
      `INSERT INTO records (id, form_id, form_version, agency_id, subject_id, values, revision, seq, created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, 1, nextval('record_change_seq'), $7, $8, $7, $8)`,
      [change.recordId, form.id, change.formVersion, workstation.agencyId, form.subject ? change.subjectId : null, JSON.stringify(after), made, change.author],
    );
  }
  await tx.query(
    `INSERT INTO record_revisions (record_id, revision, change_id, values, sections, workstation_id, author, made_at, received_at, reason, content_hash, pushed_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11, $12)`,
    [change.recordId, revision, change.changeId, JSON.stringify(after), JSON.stringify(Object.keys(change.sections)), workstation.id, change.author, made, ctx.now, change.reason, hash, ctx.pushedBy],
  );
  // Later changes of the batch see this one: its id is applied, the record is read afresh.
  ctx.seenChanges?.set(change.changeId, { revision, content_hash: hash, record_id: change.recordId });
  ctx.records?.delete(change.recordId);
  return { changeId: change.changeId, outcome: 'accepted', revision, merged };
}

/** An event's subject must be a record of the right form in the same agency. */
async function refuseSubject(ctx: ApplyContext, form: FormDef, change: SyncChange): Promise<ChangeOutcome | null> {
  if (!form.subject) return null;
  if (!change.subjectId) return rejected(change, 'INVALID_VALUES', [{ path: 'subjectId', code: 'required' }]);
  const subject = (await ctx.tx.query<{ form_id: string; agency_id: string }>('SELECT form_id, agency_id FROM records WHERE id = $1', [change.subjectId])).rows[0];
  if (!subject || subject.form_id !== form.subject.formId) return rejected(change, 'UNKNOWN_RECORD');
  if (subject.agency_id !== ctx.workstation.agencyId) return rejected(change, 'OUT_OF_SCOPE');
  return null;
}

/** Keeps the photos sent with the change; every photo the values name must then be known here. */
async function storeBlobs(ctx: ApplyContext, change: SyncChange, values: FormValues): Promise<FormIssue | null> {
  const declared = declaredPhotoBytes(values);
  for (const blob of change.blobs) {
    const data = Buffer.from(blob.dataBase64, 'base64');
    if (data.length > maxBlobBytes) return { path: `blob:${blob.id}`, code: 'photoTooLarge', params: { max: String(maxBlobBytes / 1000) } };
    if (crypto.createHash('sha256').update(data).digest('hex') !== blob.sha256) return { path: `blob:${blob.id}`, code: 'wrongType' };
    // The form's size limit was checked against the size the value declares: it must be the photo's own.
    if (declared.has(blob.id) && declared.get(blob.id) !== data.length) return { path: `blob:${blob.id}`, code: 'wrongType' };
    await ctx.tx.query(
      'INSERT INTO blobs (id, mime_type, sha256, data_base64, agency_id, received_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
      [blob.id, blob.mimeType, blob.sha256, blob.dataBase64, ctx.workstation.agencyId, ctx.now],
    );
  }
  for (const blobId of photoRefs(values)) {
    const known = await ctx.tx.query('SELECT 1 FROM blobs WHERE id = $1 AND agency_id = $2', [blobId, ctx.workstation.agencyId]);
    if (known.rowCount === 0) return { path: `blob:${blobId}`, code: 'wrongType' };
  }
  return null;
}
