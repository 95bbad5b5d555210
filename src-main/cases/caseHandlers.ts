import crypto from 'node:crypto';
import type { CaseTaskView } from '../../shared/api/cases';
import { canView } from '../../shared/forms/access';
import type { FormDef } from '../../shared/forms/formTypes';
import { findForm, type PackDef } from '../../shared/forms/packTypes';
import { recordTitle } from '../../shared/forms/recordTitle';
import { caseState } from '../../shared/workflows/caseLog';
import { approveEvent, cancelEvent, rejectEvent, requestEvent, takeEvent, type EventStamp } from '../../shared/workflows/eventBuilders';
import { stepDeadlines } from '../../shared/workflows/stepDeadlines';
import { checkEvent, type RefusalCode } from '../../shared/workflows/transitions';
import type { Actor, WorkflowDef, WorkflowEvent } from '../../shared/workflows/workflowTypes';
import { BalaError } from '../api/balaError';
import type { BackendContext, DomainHandlers } from '../api/handlers';
import { readerWork } from '../api/recordHandlers';
import { ownAgency } from '../records/readerScope';
import type { StoredRecord } from '../records/recordStore';
import { caseView, missingNames, possibleActions, resolution } from './caseRules';
import { CaseStore } from './caseStore';

/** The backend's clock (tests fix it with fake timers). */
const now = () => new Date();

const workflowOf = (pack: PackDef, formId: string): WorkflowDef | null => pack.workflows?.find((workflow) => workflow.formId === formId) ?? null;

/** May this role see the form's records at all (the rule records.get applies)? */
const mayView = (pack: PackDef, form: FormDef, role: string) => canView(form.access, role) && !pack.roles.find((candidate) => candidate.id === role)?.aggregateOnly;

/**
 * The case of one record for the signed-in operator: absent when out of their reach (NOT_FOUND,
 * as records.get), NOT_PERMITTED when their role may not view the form, NO_WORKFLOW when its
 * form has none.
 */
function openCase(ctx: BackendContext, recordId: string, intent: 'read' | 'write') {
  const work = readerWork(ctx, intent);
  const record = work.records.get(recordId);
  if (!record) throw new BalaError('NOT_FOUND');
  const found = findForm(ctx.packs, record.formId);
  if (!found) throw new BalaError('NOT_FOUND');
  const { pack, form } = found;
  if (!mayView(pack, form, work.role)) throw new BalaError('NOT_PERMITTED');
  const def = workflowOf(pack, form.id);
  if (!def) throw new BalaError('NO_WORKFLOW');
  const actor: Actor = { userId: work.username, role: work.role, agencyId: ownAgency(work.db)?.id ?? '' };
  return { ...work, record, pack, form, def, actor, cases: new CaseStore(work.db) };
}

type OpenCase = ReturnType<typeof openCase>;

function viewOf(open: OpenCase, log: readonly WorkflowEvent[], at: Date) {
  const { record, pack, def, actor } = open;
  const steps = stepDeadlines(def, pack.calendar, record.values, log, record.createdAt, at);
  const view = caseView(record.id, record.formId, def, caseState(def, log), steps, possibleActions(def, log, record.values, actor, at));
  const refused = open.cases.refused(record.id).map((entry) => ({ event: entry.event, status: 'refused' as const, refusal: { code: entry.code, reason: entry.reason } }));
  return refused.length === 0 ? view : { ...view, history: [...view.history, ...refused] };
}

type ActInput = Parameters<DomainHandlers<'cases'>['cases.act']>[0];

/** The event the operator asked for, following the log's current head; null when there is nothing to act on. */
function eventFor(input: ActInput, def: WorkflowDef, log: readonly WorkflowEvent[], stamp: EventStamp): WorkflowEvent | RefusalCode {
  const current = caseState(def, log);
  const request = input.request ?? current.pending?.id;
  switch (input.action) {
    case 'take':
    case 'request':
      if (!input.transition) throw new BalaError('INVALID_INPUT');
      return input.action === 'take' ? takeEvent(def, log, stamp, input.transition) : requestEvent(def, log, stamp, input.transition, input.comment);
    case 'approve':
    case 'reject':
    case 'cancel':
      if (!request) return 'NO_PENDING_REQUEST';
      if (input.action === 'approve') return approveEvent(def, log, stamp, request, input.comment);
      return input.action === 'reject' ? rejectEvent(def, log, stamp, request, input.comment) : cancelEvent(def, log, stamp, request);
    case 'resolve': {
      if (!input.keep) throw new BalaError('INVALID_INPUT');
      const conflict = current.conflict;
      if (!conflict) return 'NO_CONFLICT';
      const discard = input.discard ?? conflict.branches.filter((id) => id !== input.keep);
      return resolution(current, stamp, conflict.point, input.keep, discard);
    }
  }
}

function refuse(ctx: BackendContext, open: OpenCase, code: RefusalCode, missing?: { fields: string[]; steps: string[] }): never {
  const language = ctx.language();
  const names = missingNames(open.form, open.def, missing ?? { fields: [], steps: [] }, language);
  const detail = ctx.t()(`workflow.${code}`, names);
  // The reason travels as the first field error (the API's only structured detail), the missing fields after it.
  const fields = [
    { path: 'workflow', code, message: detail },
    ...(missing?.fields ?? []).map((field) => ({ path: `values.${field}`, code: 'missingPrerequisite', message: detail })),
    ...(missing?.steps ?? []).map((step) => ({ path: `steps.${step}`, code: 'missingStep', message: detail })),
  ];
  throw new BalaError('WORKFLOW_REFUSED', { reason: code, detail, ...names }, fields);
}

const taskOrder = { overdue: 0, dueSoon: 1, open: 2 } as const;

export const caseHandlers: DomainHandlers<'cases'> = {
  'cases.get': ({ recordId }, ctx) => {
    const open = openCase(ctx, recordId, 'read');
    return viewOf(open, open.cases.log(recordId), now());
  },

  'cases.act': (input, ctx) => {
    const open = openCase(ctx, input.recordId, 'write');
    const at = now();
    // Read, check and append in one transaction: a second click is checked against the first's event.
    const log = open.db.transaction(() => {
      const current = open.cases.log(input.recordId);
      const event = eventFor(input, open.def, current, { id: crypto.randomUUID(), now: at, by: open.actor });
      if (typeof event === 'string') refuse(ctx, open, event);
      const check = checkEvent(open.def, current, event, open.record.values, open.actor);
      if (!check.ok) refuse(ctx, open, check.code, check.missing);
      open.cases.append(input.recordId, event);
      const transition = 'transition' in event ? { transition: event.transition } : {};
      open.db
        .prepare("INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, 'case.event', ?)")
        .run(event.at, open.username, JSON.stringify({ recordId: input.recordId, eventId: event.id, kind: event.kind, ...transition }));
      return [...current, event];
    })();
    return viewOf(open, log, at);
  },

  'cases.tasks': (_input, ctx) => {
    const { records, role, db } = readerWork(ctx, 'read');
    const at = now();
    const tasks: (CaseTaskView & { order: number })[] = [];
    for (const pack of ctx.packs) {
      for (const def of pack.workflows ?? []) {
        const form = pack.forms.find((candidate) => candidate.id === def.formId);
        if (!form || !mayView(pack, form, role) || !def.steps.some((step) => step.owners.includes(role))) continue;
        const cases: StoredRecord[] = records.list(form.id, Number.MAX_SAFE_INTEGER, 0);
        const logs = new CaseStore(db).logs(cases.map((record) => record.id));
        for (const record of cases) {
          for (const step of stepDeadlines(def, pack.calendar, record.values, logs.get(record.id) ?? [], record.createdAt, at)) {
            if (!step.owners.includes(role) || (step.state !== 'open' && step.state !== 'dueSoon' && step.state !== 'overdue')) continue;
            const title = recordTitle(form, record.values);
            tasks.push({ recordId: record.id, formId: form.id, workflowId: def.id, title, stepId: step.stepId, due: step.due, state: step.state, order: taskOrder[step.state] });
          }
        }
      }
    }
    tasks.sort((a, b) => a.order - b.order || (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.title.localeCompare(b.title) || a.recordId.localeCompare(b.recordId));
    return tasks.map(({ order: _order, ...task }) => task);
  },
};
