import { describe, expect, it } from 'vitest';
import { caseState } from '../../../shared/workflows/caseLog';
import { approveEvent, cancelEvent, rejectEvent, requestEvent, takeEvent } from '../../../shared/workflows/eventBuilders';
import { checkEvent } from '../../../shared/workflows/transitions';
import type { FormValues } from '../../../shared/forms/formTypes';
import type { Actor, WorkflowEvent } from '../../../shared/workflows/workflowTypes';
import { actors, repairWorkflow as def, stamps } from './repairWorkflow';

const filled = { brokenOn: '2026-12-03', inspectedOn: '2026-12-03', partsOrdered: 'Belt', serialNumber: 'SN-1' };

/** Checks an event and, when accepted, appends it, as a workstation would. */
function record(log: WorkflowEvent[], event: WorkflowEvent, values: FormValues = filled, actor: Actor = event.by) {
  const verdict = checkEvent(def, log, event, values, actor);
  if (verdict.ok) log.push(event);
  return verdict;
}

describe('transitions and prerequisites', () => {
  it('takes transitions in order and refuses one from the wrong state', () => {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'startRepair'))).toEqual({ ok: false, code: 'WRONG_STATE' });
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'inspect'))).toEqual({ ok: true });
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'startRepair'))).toEqual({ ok: true });
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'finishRepair'))).toEqual({ ok: true });
    const state = caseState(def, log);
    expect(state.state).toBe('repaired');
    expect(state.chain.map((event) => event.id)).toEqual(['ev-002', 'ev-003', 'ev-004']);
    expect(state.effects.map((effect) => effect.transition)).toEqual(['inspect', 'startRepair', 'finishRepair']);
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'inspect'))).toEqual({ ok: false, code: 'WRONG_STATE' });
  });

  it('refuses a role the transition does not list, and an unknown transition', () => {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    expect(record(log, takeEvent(def, log, stamp(actors.auditor), 'inspect'))).toEqual({ ok: false, code: 'NOT_PERMITTED' });
    expect(record(log, takeEvent(def, log, stamp(actors.head1), 'inspect'))).toEqual({ ok: false, code: 'NOT_PERMITTED' });
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'teleport'))).toEqual({ ok: false, code: 'UNKNOWN_TRANSITION' });
    expect(log).toEqual([]);
  });

  it('names the fields and steps still missing', () => {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'inspect'), { inspectedOn: '  ' })).toEqual({
      ok: false,
      code: 'MISSING_PREREQUISITE',
      missing: { fields: ['inspectedOn'], steps: [] },
    });
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'inspect'), { inspectedOn: '2026-12-04' })).toEqual({ ok: true });
    // The inspection date cleared since: the step it proves is no longer done.
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'startRepair'), { serialNumber: 'SN-1' })).toEqual({
      ok: false,
      code: 'MISSING_PREREQUISITE',
      missing: { fields: ['partsOrdered'], steps: ['inspection'] },
    });
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'startRepair'), { ...filled, inspectedOn: '2026-02-30' })).toEqual({
      ok: false,
      code: 'MISSING_PREREQUISITE',
      missing: { fields: [], steps: ['inspection'] },
    });
  });

  it('refuses an event that does not follow the head the workstation knows (STALE)', () => {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    const early = takeEvent(def, log, stamp(actors.tech1), 'inspect');
    record(log, early);
    const behind: WorkflowEvent = { ...takeEvent(def, [], stamp(actors.tech1), 'startRepair'), after: null };
    expect(record(log, behind)).toEqual({ ok: false, code: 'STALE' });
    expect(record(log, { ...takeEvent(def, log, stamp(actors.tech1), 'startRepair'), after: 'ev-999' })).toEqual({ ok: false, code: 'STALE' });
  });

  it('answers bad input with a refusal, never an exception', () => {
    const stamp = stamps();
    const good = takeEvent(def, [], stamp(actors.tech1), 'inspect');
    for (const bad of [null, 42, 'take', [], {}, { ...good, kind: 'jump' }, { ...good, at: 'yesterday' }, { ...good, at: '2026-12-03T10:00:00' }, { ...good, id: '' }, { ...good, by: null }, { ...good, transition: 7 }, { ...good, after: 3 }, { ...good, note: 'a child\'s name' }, { ...good, by: { ...actors.tech1, name: 'x' } }]) {
      expect(checkEvent(def, [], bad, filled, actors.tech1)).toEqual({ ok: false, code: 'MALFORMED' });
    }
    expect(checkEvent(def, [null, 'junk', { id: 'x' }], good, filled, actors.tech1)).toEqual({ ok: true });
    expect(checkEvent(def, [], good, null as never, actors.tech1)).toEqual({ ok: false, code: 'MISSING_PREREQUISITE', missing: { fields: ['inspectedOn'], steps: [] } });
  });

  it('takes the author from the signed-in actor, and treats a re-sent event as already there', () => {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    const event = takeEvent(def, log, stamp(actors.tech1), 'inspect');
    expect(checkEvent(def, log, event, filled, actors.tech2)).toEqual({ ok: false, code: 'WRONG_AUTHOR' });
    expect(checkEvent(def, log, event, filled, { ...actors.tech1, agencyId: 'workshop-2' })).toEqual({ ok: false, code: 'WRONG_AUTHOR' });
    record(log, event);
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as WorkflowEvent;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(event));
    expect(checkEvent(def, log, reordered, filled, actors.tech1)).toEqual({ ok: true });
    expect(checkEvent(def, log, { ...event, transition: 'writeOff' }, filled, actors.tech1)).toEqual({ ok: false, code: 'ID_REUSED' });
  });
});

describe('approvals', () => {
  function requested() {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    const request = requestEvent(def, log, stamp(actors.tech1), 'writeOff', 'Motor burnt out');
    expect(record(log, request)).toEqual({ ok: true });
    return { stamp, log, request };
  }

  it('a transition that needs approval is requested, not taken, and a plain one is not requested', () => {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'writeOff'))).toEqual({ ok: false, code: 'APPROVAL_REQUIRED' });
    expect(record(log, requestEvent(def, log, stamp(actors.tech1), 'inspect'))).toEqual({ ok: false, code: 'NO_APPROVAL_NEEDED' });
    expect(record(log, requestEvent(def, log, stamp(actors.auditor), 'writeOff'))).toEqual({ ok: false, code: 'NOT_PERMITTED' });
  });

  it('a pending request holds the case: nothing else is taken until it is decided', () => {
    const { stamp, log, request } = requested();
    const state = caseState(def, log);
    expect(state.state).toBe('reported');
    expect(state.pending?.id).toBe(request.id);
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'inspect'))).toEqual({ ok: false, code: 'AWAITING_APPROVAL' });
    expect(record(log, requestEvent(def, log, stamp(actors.tech2), 'writeOff'))).toEqual({ ok: false, code: 'AWAITING_APPROVAL' });
  });

  it('takes effect when a head of another agency or the auditor approves', () => {
    for (const approver of [actors.head2, actors.auditor]) {
      const { stamp, log, request } = requested();
      const approval = approveEvent(def, log, stamp(approver, 90), request.id, 'Agreed');
      expect(record(log, approval)).toEqual({ ok: true });
      const state = caseState(def, log);
      expect(state.state).toBe('writtenOff');
      expect(state.pending).toBeNull();
      expect(state.effects).toEqual([{ transition: 'writeOff', at: '2026-12-03T05:30:00.000Z', event: approval.id }]);
      expect(state.history.map((entry) => [entry.event.kind, entry.status])).toEqual([
        ['request', 'effective'],
        ['approve', 'effective'],
      ]);
    }
  });

  it('refuses the requester, a role that does not approve, and the same agency when another is required', () => {
    const { stamp, log, request } = requested();
    expect(record(log, approveEvent(def, log, stamp(actors.tech1), request.id))).toEqual({ ok: false, code: 'SELF_APPROVAL' });
    expect(record(log, approveEvent(def, log, stamp(actors.tech2), request.id))).toEqual({ ok: false, code: 'NOT_APPROVER' });
    expect(record(log, approveEvent(def, log, stamp(actors.head1), request.id))).toEqual({ ok: false, code: 'SAME_AGENCY' });
    expect(record(log, rejectEvent(def, log, stamp(actors.head1), request.id))).toEqual({ ok: false, code: 'SAME_AGENCY' });
    // A head who requested may not approve his own request either.
    const own = stamps();
    const headLog: WorkflowEvent[] = [];
    const headRequest = requestEvent(def, headLog, own(actors.head2), 'writeOff');
    record(headLog, headRequest);
    expect(record(headLog, approveEvent(def, headLog, own(actors.head2), headRequest.id))).toEqual({ ok: false, code: 'SELF_APPROVAL' });
    expect(record(headLog, approveEvent(def, headLog, own(actors.head1), headRequest.id))).toEqual({ ok: true });
  });

  it('checks the prerequisites again when approving: a field cleared since blocks the approval', () => {
    const { stamp, log, request } = requested();
    expect(record(log, approveEvent(def, log, stamp(actors.auditor), request.id), { ...filled, serialNumber: '' })).toEqual({
      ok: false,
      code: 'MISSING_PREREQUISITE',
      missing: { fields: ['serialNumber'], steps: [] },
    });
    expect(record(log, rejectEvent(def, log, stamp(actors.auditor), request.id), { ...filled, serialNumber: '' })).toEqual({ ok: true });
  });

  it('a rejection or a cancellation ends the request and leaves the state; each stays in history', () => {
    const { stamp, log, request } = requested();
    expect(record(log, cancelEvent(def, log, stamp(actors.tech2), request.id))).toEqual({ ok: false, code: 'NOT_PERMITTED' });
    expect(record(log, rejectEvent(def, log, stamp(actors.auditor), request.id, 'Repairable'))).toEqual({ ok: true });
    expect(caseState(def, log)).toMatchObject({ state: 'reported', pending: null, effects: [] });
    expect(record(log, approveEvent(def, log, stamp(actors.auditor), request.id))).toEqual({ ok: false, code: 'NO_PENDING_REQUEST' });

    const second = requestEvent(def, log, stamp(actors.tech1), 'writeOff');
    expect(record(log, second)).toEqual({ ok: true });
    expect(record(log, approveEvent(def, log, stamp(actors.auditor), request.id))).toEqual({ ok: false, code: 'NO_PENDING_REQUEST' });
    expect(record(log, cancelEvent(def, log, stamp(actors.tech1), second.id))).toEqual({ ok: true });
    expect(record(log, cancelEvent(def, log, stamp(actors.tech1), second.id))).toEqual({ ok: false, code: 'NO_PENDING_REQUEST' });
    const state = caseState(def, log);
    expect(state.state).toBe('reported');
    expect(state.history.map((entry) => entry.event.kind)).toEqual(['request', 'reject', 'request', 'cancel']);
    expect(record(log, takeEvent(def, log, stamp(actors.tech1), 'inspect'))).toEqual({ ok: true });
  });
});
