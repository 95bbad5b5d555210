import type { DuplicateCandidate, RecordSummary, RecordView } from '../../shared/api/records';
import { canEdit, canView, forbiddenEdits, redactForRole, visibleSections } from '../../shared/forms/access';
import { localToday } from '../../shared/forms/dates';
import { deadlineStatus } from '../../shared/forms/deadlines';
import type { FormDef, FormValues } from '../../shared/forms/formTypes';
import { classifierMap, findForm, type PackDef } from '../../shared/forms/packTypes';
import { recordTitle } from '../../shared/forms/recordTitle';
import { validateForm } from '../../shared/forms/validateForm';
import { findAlerts } from '../records/alerts';
import { DraftStore } from '../records/draftStore';
import { issuesToFieldErrors } from '../../shared/forms/issueMessages';
import { readerScope } from '../records/readerScope';
import { RecordStore, type StoredRecord } from '../records/recordStore';
import { BalaError } from './balaError';
import type { BackendContext, DomainHandlers } from './handlers';

function formOf(ctx: BackendContext, formId: string): { pack: PackDef; form: FormDef } {
  const found = findForm(ctx.packs, formId);
  if (!found) throw new BalaError('NOT_FOUND');
  return found;
}

/**
 * The signed-in operator's work and the records within their role's reach (docs/security.md):
 * one cache serves every operator of a workstation, so every read here goes through this store.
 */
export function readerWork(ctx: BackendContext, intent: 'read' | 'write') {
  const work = ctx.session.work(intent);
  return { ...work, records: RecordStore.forReader(work.db, readerScope(work.db, ctx.packs, work.role)) };
}

function open(ctx: BackendContext, formId: string, intent: 'read' | 'write') {
  const { pack, form } = formOf(ctx, formId);
  const work = readerWork(ctx, intent);
  const allowed = intent === 'read' ? canView(form.access, work.role) : canEdit(form.access, work.role);
  if (!allowed || pack.roles.find((role) => role.id === work.role)?.aggregateOnly) throw new BalaError('NOT_PERMITTED');
  return { pack, form, ...work };
}

function check(ctx: BackendContext, pack: PackDef, form: FormDef, values: FormValues): void {
  const issues = validateForm(form, values, { classifiers: classifierMap(pack), today: localToday() });
  if (issues.length > 0) throw new BalaError('INVALID_INPUT', {}, issuesToFieldErrors(form, issues, ctx.t(), ctx.language()));
}

/** A record's title (the child's name): the same for records, drafts, alerts and reports. */
export const titleOf = recordTitle;

const view = (pack: PackDef, form: FormDef, record: StoredRecord, role: string): RecordView => ({
  ...record,
  values: redactForRole(form, record.values, role),
  deadline: deadlineStatus(form, pack.calendar, record.values, new Date(record.createdAt)),
});

const summary = (pack: PackDef, form: FormDef, record: StoredRecord): RecordSummary => ({
  id: record.id,
  formId: form.id,
  title: titleOf(form, record.values),
  revision: record.revision,
  updatedAt: record.updatedAt,
  deadline: deadlineStatus(form, pack.calendar, record.values, new Date(record.createdAt)),
});

export const recordHandlers: DomainHandlers<'records'> = {
  'records.list': ({ formId, subjectId, limit, offset }, ctx) => {
    const { pack, form, records } = open(ctx, formId, 'read');
    const found = subjectId ? records.aboutSubject(subjectId).filter((record) => record.formId === formId) : records.list(formId, limit, offset);
    return found.map((record) => summary(pack, form, record));
  },
  'records.search': ({ formId, query, limit }, ctx) => {
    const { pack, form, records } = open(ctx, formId, 'read');
    return records.search(form, query, limit).map((record) => summary(pack, form, record));
  },
  'records.get': ({ id }, ctx) => {
    // Out of reach answers as absent: NOT_FOUND, never FORBIDDEN (no existence oracle).
    const record = readerWork(ctx, 'read').records.get(id);
    if (!record) throw new BalaError('NOT_FOUND');
    const { pack, form, role } = open(ctx, record.formId, 'read');
    return view(pack, form, record, role);
  },
  'records.checkDuplicates': ({ formId, values, excludeId }, ctx) => {
    const { form, records } = open(ctx, formId, 'read');
    return records.possibleDuplicates(form, values as FormValues, excludeId ?? null).map((match): DuplicateCandidate => {
      const other = records.get(match.recordId);
      const birth = form.identity?.birthDate ? other?.values[form.identity.birthDate] : undefined;
      return { ...match, title: other ? titleOf(form, other.values) : '', birthDate: typeof birth === 'string' ? birth : null };
    });
  },
  'records.create': ({ formId, values, newDespiteDuplicates, subjectId }, ctx) => {
    const { pack, form, records, username, role } = open(ctx, formId, 'write');
    // A subject out of the operator's reach is not there for them (before any other answer).
    if (subjectId && !records.get(subjectId)) throw new BalaError('NOT_FOUND');
    const typed = values as FormValues;
    check(ctx, pack, form, typed);
    const denied = forbiddenEdits(form, {}, typed, role);
    if (denied.length > 0) throw new BalaError('NOT_PERMITTED');
    if (!newDespiteDuplicates && records.possibleDuplicates(form, typed).length > 0) throw new BalaError('DUPLICATE_SUSPECTED');
    const created = records.create(form, typed, username, { reason: newDespiteDuplicates ?? null, subjectId: subjectId ?? null });
    ctx.sync.outboxChanged();
    return view(pack, form, created, role);
  },
  'records.update': ({ id, baseRevision, values, reason }, ctx) => {
    const current = readerWork(ctx, 'read').records.get(id);
    if (!current) throw new BalaError('NOT_FOUND');
    const { pack, form, records, username, role } = open(ctx, current.formId, 'write');
    // Fields the role cannot see were not sent back: they keep their stored values.
    const visibleNow = redactForRole(form, current.values, role);
    const hidden = Object.fromEntries(Object.entries(current.values).filter(([key]) => !(key in visibleNow)));
    const merged: FormValues = { ...hidden, ...(values as FormValues) };
    check(ctx, pack, form, merged);
    if (forbiddenEdits(form, current.values, merged, role).length > 0) throw new BalaError('NOT_PERMITTED');
    const updated = records.update(form, id, baseRevision, merged, username, reason ?? null);
    ctx.sync.outboxChanged();
    return view(pack, form, updated, role);
  },
  'records.alerts': (_input, ctx) => {
    const { records: store, role } = readerWork(ctx, 'read');
    return findAlerts(ctx.packs, store, role, localToday(), ctx.language(), (formId, record) => {
      const found = findForm(ctx.packs, formId);
      return found ? titleOf(found.form, record.values) : '';
    });
  },
  'records.history': ({ id }, ctx) => {
    const store = readerWork(ctx, 'read').records;
    const record = store.get(id);
    if (!record) throw new BalaError('NOT_FOUND');
    const { form, role } = open(ctx, record.formId, 'read');
    const visible = new Set(visibleSections(form, role).flatMap((section) => section.fields.map((field) => field.id)));
    return store.history(id).map((entry) => ({ ...entry, changes: entry.changes.filter((change) => visible.has(change.field)) }));
  },
};

export const draftHandlers: DomainHandlers<'drafts'> = {
  'drafts.save': (input, ctx) => {
    formOf(ctx, input.formId);
    const { db, username } = ctx.session.work('read');
    return new DraftStore(db).save(username, { ...input, values: input.values as FormValues });
  },
  'drafts.list': (_input, ctx) => {
    const { db, username } = ctx.session.work('read');
    return new DraftStore(db).list(username);
  },
  'drafts.discard': ({ id }, ctx) => {
    const { db, username } = ctx.session.work('read');
    new DraftStore(db).discard(username, id);
    return null;
  },
};

export const photoHandlers: DomainHandlers<'photos'> = {
  'photos.put': ({ mimeType, contentBase64 }, ctx) => {
    const { db, username } = ctx.session.work('write');
    const data = Buffer.from(contentBase64, 'base64');
    const looksRight = mimeType === 'image/jpeg' ? data[0] === 0xff && data[1] === 0xd8 : data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    if (!looksRight) throw new BalaError('INVALID_INPUT', {}, [{ path: 'contentBase64', code: 'photoType', message: ctx.t()('form.photoType') }]);
    return new RecordStore(db).putBlob(mimeType, data, username);
  },
  'photos.get': ({ blobId }, ctx) => {
    const blob = readerWork(ctx, 'read').records.getBlob(blobId);
    if (!blob) throw new BalaError('NOT_FOUND');
    return { mimeType: blob.mimeType, contentBase64: blob.data.toString('base64') };
  },
};
