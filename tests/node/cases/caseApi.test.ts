import { describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../../../shared/api/cases';
import type { Result } from '../../../shared/api/result';
import { findForm } from '../../../shared/forms/packTypes';
import { RecordStore } from '../../../src-main/records/recordStore';
import { CaseStore } from '../../../src-main/cases/caseStore';
import { casePack, fixedClockCleanups, noteForm, thursday, value, workstation, type Workstation } from './caseBackend';
import { repairForm } from '../workflows/repairWorkflow';

/*
 * Issue 15, third step: the workstation keeps each case's log in its cache and answers cases.get,
 * cases.act and cases.tasks. The clock is fixed (only Date is faked); the pack is made up.
 */

const cleanups = fixedClockCleanups(thursday);

const refusal = (result: Result<unknown>) =>
  result.ok ? { code: 'ok' } : { code: result.error.code, message: result.error.message, fields: result.error.fields?.map((field) => [field.path, field.code]) };

const request = { brokenOn: '2026-12-02', serialNumber: 'SN-1001' };

async function newRequest(station: Workstation, values: Record<string, unknown> = request) {
  return value(await station.client.call('records.create', { formId: repairForm.id, values })).id;
}

const workshop = (cleanups_: typeof cleanups) =>
  workstation(cleanups_, { tech1: 'technician', tech2: 'technician', head1: 'workshop_head', viewer: 'viewer', clerk: 'clerk' });

describe('cases.get and cases.act on one workstation', () => {
  it('takes a transition: the state moves, the history shows who did it, the step is done', async () => {
    const station = await workshop(cleanups);
    const id = await newRequest(station, { ...request, inspectedOn: '2026-12-03' });
    const before = value(await station.client.call('cases.get', { recordId: id }));
    expect(before).toMatchObject({ recordId: id, formId: repairForm.id, workflowId: 'test.repair', state: 'reported', final: false, pending: null, conflict: null, history: [] });
    expect(before.actions).toEqual([
      { action: 'take', transition: 'inspect' },
      { action: 'request', transition: 'writeOff' },
    ]);

    vi.setSystemTime(new Date('2026-12-03T05:00:00Z'));
    const after = value(await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' }));
    expect(after.state).toBe('inspected');
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      status: 'effective',
      event: { kind: 'take', transition: 'inspect', at: '2026-12-03T05:00:00.000Z', after: null, by: { userId: 'tech1', role: 'technician', agencyId: 'agency-1' } },
    });
    expect(after.history[0]?.event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(after.steps.find((step) => step.stepId === 'inspection')).toMatchObject({ doneAt: '2026-12-03', due: '2026-12-08', state: 'onTime' });
    expect(after.steps.find((step) => step.stepId === 'repair')).toMatchObject({ due: '2026-12-14', state: 'open' });
    expect(value(await station.client.call('cases.get', { recordId: id }))).toEqual(after);

    // A double click: the second take is checked against the log that holds the first.
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' }))).toEqual({
      code: 'WORKFLOW_REFUSED',
      message: 'This action is not possible in the case’s current state. Refresh the case to see its state.',
      fields: [['workflow', 'WRONG_STATE']],
    });
    expect(value(await station.client.call('cases.get', { recordId: id })).history).toHaveLength(1);
    // The trace in the local audit log names the event, never the record's values.
    const audit = station.backend.ctx.session.database().prepare("SELECT actor, details_json FROM audit_log WHERE action = 'case.event'").all();
    expect(audit).toEqual([{ actor: 'tech1', details_json: JSON.stringify({ recordId: id, eventId: after.history[0]?.event.id, kind: 'take', transition: 'inspect' }) }]);
  });

  it('names the missing prerequisites, in the operator’s words', async () => {
    const station = await workshop(cleanups);
    const id = await newRequest(station);
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' }))).toEqual({
      code: 'WORKFLOW_REFUSED',
      message: 'First fill in or complete: Inspected on.',
      fields: [['workflow', 'MISSING_PREREQUISITE'], ['values.inspectedOn', 'missingPrerequisite']],
    });
    expect(value(await station.client.call('cases.get', { recordId: id })).actions).toEqual([{ action: 'request', transition: 'writeOff' }]);
    const noSerial = await newRequest(station, { brokenOn: '2026-12-02', inspectedOn: '2026-12-03' });
    value(await station.client.call('cases.act', { recordId: noSerial, action: 'take', transition: 'inspect' }));
    const refused = refusal(await station.client.call('cases.act', { recordId: noSerial, action: 'take', transition: 'startRepair' }));
    expect(refused).toEqual({
      code: 'WORKFLOW_REFUSED',
      message: 'First fill in or complete: Parts ordered, Serial number.',
      fields: [['workflow', 'MISSING_PREREQUISITE'], ['values.partsOrdered', 'missingPrerequisite'], ['values.serialNumber', 'missingPrerequisite']],
    });
  });

  it('a reader sees the case and may do nothing; a role without the form gets records.get’s refusal', async () => {
    const station = await workshop(cleanups);
    const id = await newRequest(station, { ...request, inspectedOn: '2026-12-03' });
    const note = value(await station.client.call('records.create', { formId: noteForm.id, values: { text: 'call the supplier' } })).id;
    await station.as('viewer');
    const seen = value(await station.client.call('cases.get', { recordId: id }));
    expect(seen.state).toBe('reported');
    expect(seen.actions).toEqual([]);
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' }))).toMatchObject({
      code: 'WORKFLOW_REFUSED',
      fields: [['workflow', 'NOT_PERMITTED']],
    });
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'request', transition: 'writeOff' }))).toMatchObject({ fields: [['workflow', 'NOT_PERMITTED']] });
    expect(value(await station.client.call('cases.get', { recordId: id })).history).toEqual([]);

    await station.as('clerk');
    const asRecord = refusal(await station.client.call('records.get', { id }));
    expect(asRecord.code).toBe('NOT_PERMITTED');
    expect(refusal(await station.client.call('cases.get', { recordId: id })).code).toBe(asRecord.code);
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' })).code).toBe('NOT_PERMITTED');
    expect(refusal(await station.client.call('cases.get', { recordId: note }))).toEqual({ code: 'NO_WORKFLOW', message: 'This record is not a case: no case procedure is set for its form.', fields: undefined });
  });

  it('refuses an unknown or edited record id as absent', async () => {
    const station = await workshop(cleanups);
    const id = await newRequest(station);
    const edited = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    for (const recordId of [edited, 'no-such-record']) {
      expect(refusal(await station.client.call('cases.get', { recordId })).code).toBe('NOT_FOUND');
      expect(refusal(await station.client.call('cases.act', { recordId, action: 'take', transition: 'inspect' })).code).toBe('NOT_FOUND');
    }
    expect(refusal(await station.backend.call('cases.act', { recordId: id, action: 'fly' })).code).toBe('INVALID_INPUT');
  });

  it('answers refusals in the operator’s language', async () => {
    const station = await workstation(cleanups, { tech1: 'technician' }, 'agency-1', 'ru');
    const id = await newRequest(station);
    const answer = await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'writeOff' });
    expect(refusal(answer)).toEqual({
      code: 'WORKFLOW_REFUSED',
      message: 'Это действие требует согласования: отправьте запрос на него.',
      fields: [['workflow', 'APPROVAL_REQUIRED']],
    });
  });
});

describe('a transition that needs another agency’s approval', () => {
  it('is requested by one operator, refused to the requester and to his own agency, approved by another agency', async () => {
    const station = await workshop(cleanups);
    const id = await newRequest(station);
    const requested = value(await station.client.call('cases.act', { recordId: id, action: 'request', transition: 'writeOff', comment: 'beyond repair' }));
    const requestId = requested.pending?.id ?? '';
    expect(requested).toMatchObject({ state: 'reported', pending: { transition: 'writeOff', by: { userId: 'tech1', agencyId: 'agency-1' }, comment: 'beyond repair' } });
    expect(requested.actions).toEqual([{ action: 'cancel', request: requestId }]);

    const approve = { recordId: id, action: 'approve' as const, request: requestId };
    expect(refusal(await station.client.call('cases.act', approve))).toEqual({
      code: 'WORKFLOW_REFUSED',
      message: 'This is your own request: another operator must approve or reject it.',
      fields: [['workflow', 'SELF_APPROVAL']],
    });
    await station.as('tech2');
    expect(refusal(await station.client.call('cases.act', approve)).fields).toEqual([['workflow', 'NOT_APPROVER']]);
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'cancel' })).fields).toEqual([['workflow', 'NOT_PERMITTED']]);
    await station.as('head1');
    expect(value(await station.client.call('cases.get', { recordId: id })).actions).toEqual([]);
    expect(refusal(await station.client.call('cases.act', approve)).fields).toEqual([['workflow', 'SAME_AGENCY']]);

    // The audit office's workstation, with this record and its log as a sync would bring them.
    const audit = await workstation(cleanups, { auditor: 'auditor' }, 'audit-office');
    const record = value(await station.client.call('records.get', { id }));
    const form = findForm([casePack], repairForm.id)?.form ?? repairForm;
    const auditDb = audit.backend.ctx.session.database();
    new RecordStore(auditDb).receive(form, { ...record, subjectId: null, revision: 1 }, 'all', 'agency-1');
    const log = new CaseStore(station.backend.ctx.session.database()).log(id);
    for (const event of log) new CaseStore(auditDb).append(id, event);

    const seen = value(await audit.client.call('cases.get', { recordId: id }));
    expect(seen.actions).toEqual([
      { action: 'approve', request: requestId },
      { action: 'reject', request: requestId },
    ]);
    vi.setSystemTime(new Date('2026-12-04T03:00:00Z'));
    const approved: CaseView = value(await audit.client.call('cases.act', { ...approve, comment: 'agreed' }));
    expect(approved).toMatchObject({ state: 'writtenOff', final: true, pending: null, actions: [] });
    expect(approved.history.map((entry) => [entry.event.kind, entry.event.by.userId, entry.status])).toEqual([
      ['request', 'tech1', 'effective'],
      ['approve', 'auditor', 'effective'],
    ]);
    expect(approved.history[1]?.event).toMatchObject({ request: requestId, comment: 'agreed', after: requestId, by: { agencyId: 'audit-office' } });
    // A second click on "approve": the request is no longer pending.
    expect(refusal(await audit.client.call('cases.act', approve)).fields).toEqual([['workflow', 'NO_PENDING_REQUEST']]);
    expect(value(await audit.client.call('cases.get', { recordId: id })).history).toHaveLength(2);
  });
});

describe('a fork from offline work', () => {
  it('stops the case until someone resolves it; the branch set aside stays in history', async () => {
    const station = await workshop(cleanups);
    const id = await newRequest(station, { ...request, inspectedOn: '2026-12-03' });
    const taken = value(await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'inspect' }));
    const mine = taken.history[0]?.event.id ?? '';
    // Another workstation of the workshop requested a write-off from the same start, offline.
    const theirs = '11111111-1111-4111-8111-111111111111';
    new CaseStore(station.backend.ctx.session.database()).append(id, {
      id: theirs, at: '2026-12-03T04:30:00.000Z', by: { userId: 'tech2', role: 'technician', agencyId: 'agency-1' }, after: null, kind: 'request', transition: 'writeOff',
    });
    const forked = value(await station.client.call('cases.get', { recordId: id }));
    expect(forked.conflict).toEqual({ point: null, branches: [mine, theirs], resolvedBy: null });
    expect(forked.actions).toEqual([
      { action: 'resolve', keep: mine },
      { action: 'resolve', keep: theirs },
    ]);
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'take', transition: 'startRepair' })).fields).toEqual([['workflow', 'IN_CONFLICT']]);
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'resolve', keep: mine, discard: [] })).fields).toEqual([['workflow', 'BAD_RESOLUTION']]);

    vi.setSystemTime(new Date('2026-12-03T05:00:00Z'));
    const resolved = value(await station.client.call('cases.act', { recordId: id, action: 'resolve', keep: mine }));
    expect(resolved).toMatchObject({ state: 'inspected', conflict: null, pending: null });
    expect(resolved.history.map((entry) => [entry.event.kind, entry.status])).toEqual([
      ['take', 'effective'],
      ['request', 'discarded'],
      ['resolve', 'effective'],
    ]);
    expect(refusal(await station.client.call('cases.act', { recordId: id, action: 'resolve', keep: mine })).fields).toEqual([['workflow', 'NO_CONFLICT']]);
  });
});
