import type { SyncIssueView } from '../../shared/api/sync';
import type { FormIssue, FormIssueCode } from '../../shared/forms/formIssue';
import { issuesToFieldErrors } from '../../shared/forms/issueMessages';
import { findForm } from '../../shared/forms/packTypes';
import { applySections, pickSections, type SectionValues } from '../../shared/sync/sections';
import { RecordStore } from '../records/recordStore';
import { Outbox, type OutboxEntry } from '../sync/outbox';
import { BalaError } from './balaError';
import type { BackendContext, DomainHandlers } from './handlers';
import { titleOf } from './recordHandlers';

function issueView(ctx: BackendContext, entry: OutboxEntry, store: RecordStore): SyncIssueView | null {
  const found = findForm(ctx.packs, entry.formId);
  const answer = entry.answer;
  if (!found || !answer) return null;
  const { form } = found;
  const current = store.get(entry.recordId);
  const base = {
    changeId: entry.changeId,
    recordId: entry.recordId,
    formId: entry.formId,
    title: titleOf(form, current?.values ?? entry.values),
    savedAt: entry.at,
    savedBy: entry.author,
  };
  const t = ctx.t();
  if (answer.outcome === 'conflict') {
    const ids = Object.keys(answer.theirs);
    const mine = pickSections(form, current?.values ?? entry.values, ids);
    return {
      ...base,
      kind: 'conflict',
      sections: ids.map((sectionId) => ({ sectionId, mine: mine[sectionId] ?? {}, theirs: (answer.theirs as SectionValues)[sectionId] ?? {} })),
      theirsBy: answer.by,
      theirsAt: answer.at,
      reason: null,
      problems: [],
    };
  }
  if (answer.outcome !== 'rejected') return null;
  const issues: FormIssue[] = answer.problems.map((problem) => ({ path: problem.field, code: problem.code as FormIssueCode, ...(problem.params ? { params: problem.params } : {}) }));
  return {
    ...base,
    kind: 'rejected',
    sections: [],
    theirsBy: null,
    theirsAt: null,
    reason: t(`sync.rejection_${answer.code}`),
    problems: issuesToFieldErrors(form, issues, t, ctx.language()).map((error) => ({ field: error.path, message: error.message })),
  };
}

export const syncHandlers: DomainHandlers<'sync'> = {
  'sync.status': (_input, ctx) => ctx.sync.status(),
  'sync.now': (_input, ctx) => ctx.sync.syncNow(),
  'sync.issues': (_input, ctx) => {
    const { db } = ctx.session.work('read');
    const store = new RecordStore(db);
    return new Outbox(db)
      .needingAttention()
      .map((entry) => issueView(ctx, entry, store))
      .filter((view): view is SyncIssueView => view !== null);
  },
  /**
   * The operator's choice per section: the server's values replace this workstation's where
   * chosen; this workstation's go to the server again, now on the server's revision.
   */
  'sync.resolve': ({ changeId, choices }, ctx) => {
    const { db, username } = ctx.session.work('write');
    const outbox = new Outbox(db);
    const store = new RecordStore(db);
    const entry = outbox.find(changeId);
    const answer = entry?.answer;
    if (!entry || answer?.outcome !== 'conflict') throw new BalaError('NOT_FOUND');
    const found = findForm(ctx.packs, entry.formId);
    const current = store.get(entry.recordId);
    if (!found || !current) throw new BalaError('NOT_FOUND');
    const sectionIds = Object.keys(answer.theirs);
    if (sectionIds.some((id) => !(id in choices))) throw new BalaError('INVALID_INPUT');
    const theirs = Object.fromEntries(sectionIds.filter((id) => choices[id] === 'theirs').map((id) => [id, (answer.theirs as SectionValues)[id] ?? {}]));
    const mine = sectionIds.filter((id) => choices[id] === 'mine');
    const resent = mine.length > 0 ? { baseRevision: answer.revision, sections: mine } : null;
    db.transaction(() => {
      const values = applySections(found.form, current.values, theirs);
      const saved = store.update(found.form, current.id, current.revision, values, username, null, resent);
      // Nothing changed here (every section kept as it was): the kept sections still go to the server.
      if (saved.revision === current.revision && resent) {
        outbox.add({ recordId: current.id, formId: found.form.id, formVersion: found.form.version, subjectId: current.subjectId, ...resent, values: current.values, author: username, at: new Date().toISOString(), reason: null });
      }
      outbox.remove(changeId);
    })();
    return ctx.sync.status();
  },
};
