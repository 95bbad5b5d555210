import { describe, expect, it } from 'vitest';
import type { FormValues } from '../../../shared/forms/formTypes';
import { isWorkingDay } from '../../../shared/forms/workingDays';
import { kgDifficultPack as pack } from '../../../shared/packs/kg-difficult/pack';
import { kgDifficultWorkflow as def } from '../../../shared/packs/kg-difficult/workflow';
import { caseState } from '../../../shared/workflows/caseLog';
import { approveEvent, rejectEvent, requestEvent, takeEvent, type EventStamp } from '../../../shared/workflows/eventBuilders';
import { stepDeadlines, type StepDeadline } from '../../../shared/workflows/stepDeadlines';
import { checkEvent } from '../../../shared/workflows/transitions';
import type { Actor, WorkflowEvent } from '../../../shared/workflows/workflowTypes';
import { kgdActors as who, kgdSamples, without } from './kgDifficultSamples';

const calendar = pack.calendar;
const child = kgdSamples['kg-difficult.child'] as FormValues;
// The child was found on Friday 20 February 2026 and entered at 10:00 in Bishkek (UTC+6) the same day.
const created = '2026-02-20T04:00:00Z';
const byStep = (rows: StepDeadline[]) => Object.fromEntries(rows.map((row) => [row.stepId, row]));
const steps = (log: readonly WorkflowEvent[], now: string, createdAt = created, values = child) => byStep(stepDeadlines(def, calendar, values, log, createdAt, new Date(now)));

let count = 0;
const stamp = (by: Actor, at: string): EventStamp => ({ id: `kgd-${String((count += 1)).padStart(3, '0')}`, now: new Date(at), by });
/** Checks an event as the workstation would and records it when accepted. */
function record(log: WorkflowEvent[], event: WorkflowEvent, actor: Actor = event.by) {
  const verdict = checkEvent(def, log, event, child, actor);
  if (verdict.ok) log.push(event);
  return verdict;
}

describe('Pack 2’s calendar around the child found on Friday 20 February 2026', () => {
  it('rests on the weekend and on Monday 23 February (Defender of the Fatherland Day)', () => {
    expect(['2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-02-24'].map((day) => isWorkingDay(calendar, day))).toEqual([true, false, false, false, true]);
  });
});

describe('the deadlines of §19 on the engine', () => {
  it('registered within 1 working day of being found, initial information 2 after registration, the assessment 7 after being found', () => {
    const rows = steps([], '2026-02-20T06:00:00Z');
    expect(rows.found).toMatchObject({ doneAt: '2026-02-20', state: 'onTime' });
    // Saturday, Sunday and the holiday skipped: Tuesday 24.
    expect(rows.registered).toMatchObject({ anchor: '2026-02-20', due: '2026-02-24', doneAt: created, state: 'onTime' });
    // From the registration on Friday: Tuesday 24, Wednesday 25.
    expect(rows.initialInformation).toMatchObject({ owners: ['kgd_specialist'], anchor: created, due: '2026-02-25', doneAt: null, state: 'open' });
    // From being found, not from the previous step: 24, 25, 26, 27 February, 2, 3, 4 March.
    expect(rows.assessment).toMatchObject({ owners: ['kgd_specialist'], anchor: '2026-02-20', due: '2026-03-04', doneAt: null, state: 'open' });
    // The plan has no deadline and waits for the assessment.
    expect(rows.plan).toMatchObject({ due: null, state: 'unscheduled' });
  });

  it('counts the initial information from a registration made after the weekend and the holiday', () => {
    // Entered on Tuesday 24 at 09:00 in Bishkek, on the last day allowed.
    const rows = steps([], '2026-02-24T05:00:00Z', '2026-02-24T03:00:00Z');
    expect(rows.registered).toMatchObject({ due: '2026-02-24', state: 'onTime' });
    expect(rows.initialInformation).toMatchObject({ due: '2026-02-26', state: 'open' });
    expect(rows.assessment?.due).toBe('2026-03-04');
  });

  it('registered late when entered after Tuesday 24 in Bishkek, whatever the date in UTC', () => {
    // 23:30 on Tuesday in Bishkek: on time. 00:30 on Wednesday in Bishkek (still Tuesday in UTC): late.
    expect(steps([], '2026-03-01T05:00:00Z', '2026-02-24T17:30:00Z').registered?.state).toBe('onTime');
    expect(steps([], '2026-03-01T05:00:00Z', '2026-02-24T18:30:00Z').registered?.state).toBe('late');
  });

  it('shows the assessment due soon, then overdue, and done late when entered after 4 March', () => {
    const log: WorkflowEvent[] = [];
    expect(record(log, takeEvent(def, log, stamp(who.specialist, '2026-02-24T04:00:00Z'), 'enterInitialInformation'))).toEqual({ ok: true });
    expect(steps(log, '2026-02-24T06:00:00Z').initialInformation).toMatchObject({ doneAt: '2026-02-24T04:00:00.000Z', state: 'onTime' });
    expect(steps(log, '2026-02-27T06:00:00Z').assessment?.state).toBe('open');
    expect(steps(log, '2026-03-03T06:00:00Z').assessment?.state).toBe('dueSoon');
    expect(steps(log, '2026-03-04T17:30:00Z').assessment?.state).toBe('dueSoon'); // 23:30 on the last day in Bishkek
    expect(steps(log, '2026-03-04T18:30:00Z').assessment?.state).toBe('overdue'); // 00:30 on 5 March in Bishkek
    expect(record(log, takeEvent(def, log, stamp(who.specialist, '2026-03-05T04:00:00Z'), 'enterAssessment'))).toEqual({ ok: true });
    const after = steps(log, '2026-03-06T06:00:00Z');
    expect(after.assessment).toMatchObject({ due: '2026-03-04', doneAt: '2026-03-05T04:00:00.000Z', state: 'late' });
    expect(after.plan?.state).toBe('open');
    expect(caseState(def, log).state).toBe('assessment');
  });

  it('an assessment entered on 4 March is on time', () => {
    const log: WorkflowEvent[] = [];
    record(log, takeEvent(def, log, stamp(who.specialist, '2026-02-24T04:00:00Z'), 'enterInitialInformation'));
    record(log, takeEvent(def, log, stamp(who.specialist, '2026-03-04T10:00:00Z'), 'enterAssessment'));
    expect(steps(log, '2026-03-06T06:00:00Z').assessment?.state).toBe('onTime');
  });
});

describe('the case’s transitions', () => {
  it('goes identified → initial information → assessment → plan → closed, by the specialists only', () => {
    const log: WorkflowEvent[] = [];
    const at = '2026-02-24T04:00:00Z';
    expect(record(log, takeEvent(def, log, stamp(who.territorial, at), 'enterInitialInformation'))).toEqual({ ok: false, code: 'NOT_PERMITTED' });
    expect(record(log, takeEvent(def, log, stamp(who.central, at), 'enterInitialInformation'))).toEqual({ ok: false, code: 'NOT_PERMITTED' });
    expect(record(log, takeEvent(def, log, stamp(who.specialist, at), 'adoptPlan'))).toEqual({ ok: false, code: 'WRONG_STATE' });
    expect(record(log, takeEvent(def, log, stamp(who.specialist, at), 'close'))).toEqual({ ok: false, code: 'WRONG_STATE' });
    for (const transition of ['enterInitialInformation', 'enterAssessment', 'adoptPlan', 'close']) {
      expect(record(log, takeEvent(def, log, stamp(who.specialist, at), transition)), transition).toEqual({ ok: true });
    }
    expect(caseState(def, log).state).toBe('closed');
    // Every step done, each on time; nothing left on anyone's dashboard.
    expect(Object.values(steps(log, '2026-03-20T06:00:00Z')).map((row) => [row.stepId, row.state])).toEqual([
      ['found', 'onTime'],
      ['registered', 'onTime'],
      ['initialInformation', 'onTime'],
      ['assessment', 'onTime'],
      ['plan', 'onTime'],
    ]);
  });

  it('needs the place found before the initial information', () => {
    const log: WorkflowEvent[] = [];
    const event = takeEvent(def, log, stamp(who.specialist, '2026-02-24T04:00:00Z'), 'enterInitialInformation');
    expect(checkEvent(def, log, event, { ...child, foundTerritory: '' }, who.specialist)).toEqual({ ok: false, code: 'MISSING_PREREQUISITE', missing: { fields: ['foundTerritory'], steps: [] } });
    const notFound = without(child, 'foundOn');
    expect(checkEvent(def, log, event, notFound, who.specialist)).toEqual({ ok: false, code: 'MISSING_PREREQUISITE', missing: { fields: [], steps: ['found'] } });
  });

  it('closes without assessment only once the territorial department of another agency approves (§20)', () => {
    const log: WorkflowEvent[] = [];
    const at = '2026-02-24T05:00:00Z';
    record(log, takeEvent(def, log, stamp(who.specialist, at), 'enterInitialInformation'));
    expect(record(log, takeEvent(def, log, stamp(who.specialist, at), 'closeWithoutAssessment'))).toEqual({ ok: false, code: 'APPROVAL_REQUIRED' });
    expect(record(log, requestEvent(def, log, stamp(who.territorial, at), 'closeWithoutAssessment'))).toEqual({ ok: false, code: 'NOT_PERMITTED' });
    const request = requestEvent(def, log, stamp(who.specialist, at), 'closeWithoutAssessment', 'Маалымат тастыкталган жок');
    expect(record(log, request)).toEqual({ ok: true });
    // Still open, still due, and nothing else may be done while the request waits.
    expect(caseState(def, log)).toMatchObject({ state: 'initialInformation', pending: { id: request.id } });
    expect(steps(log, '2026-03-05T06:00:00Z').assessment?.state).toBe('overdue');
    expect(record(log, takeEvent(def, log, stamp(who.specialist, at), 'enterAssessment'))).toEqual({ ok: false, code: 'AWAITING_APPROVAL' });
    // Neither the specialists, the central readers, nor the requester himself may consent.
    expect(record(log, approveEvent(def, log, stamp(who.specialistOfDepartment, at), request.id))).toEqual({ ok: false, code: 'NOT_APPROVER' });
    expect(record(log, approveEvent(def, log, stamp(who.central, at), request.id))).toEqual({ ok: false, code: 'NOT_APPROVER' });
    expect(record(log, approveEvent(def, log, stamp(who.specialist, at), request.id))).toEqual({ ok: false, code: 'SELF_APPROVAL' });
    expect(caseState(def, log).state).toBe('initialInformation');
    expect(record(log, approveEvent(def, log, stamp(who.territorial, '2026-02-25T05:00:00Z'), request.id, 'Макул'))).toEqual({ ok: true });
    const closed = caseState(def, log);
    expect(closed.state).toBe('closed');
    expect(closed.effects.map((effect) => [effect.transition, effect.at])).toEqual([
      ['enterInitialInformation', '2026-02-24T05:00:00.000Z'],
      ['closeWithoutAssessment', '2026-02-25T05:00:00.000Z'],
    ]);
    // The assessment is no longer due; the request and the consent stay in the case's history.
    expect(steps(log, '2026-03-05T06:00:00Z').assessment?.state).toBe('unscheduled');
    expect(closed.history.map((entry) => entry.event.kind)).toEqual(['take', 'request', 'approve']);
  });

  it('refuses the consent of the territorial department of the requester’s own agency, and may refuse to consent', () => {
    const log: WorkflowEvent[] = [];
    const at = '2026-02-24T05:00:00Z';
    const request = requestEvent(def, log, stamp(who.specialistOfDepartment, at), 'closeWithoutAssessment');
    expect(record(log, request)).toEqual({ ok: true });
    expect(record(log, approveEvent(def, log, stamp(who.territorial, at), request.id))).toEqual({ ok: false, code: 'SAME_AGENCY' });
    expect(record(log, rejectEvent(def, log, stamp(who.otherTerritorial, at), request.id, 'Баа берүү керек'))).toEqual({ ok: true });
    expect(caseState(def, log)).toMatchObject({ state: 'identified', pending: null });
    expect(record(log, takeEvent(def, log, stamp(who.specialistOfDepartment, at), 'enterInitialInformation'))).toEqual({ ok: true });
  });

  it('may not close without assessment once the assessment is made', () => {
    const log: WorkflowEvent[] = [];
    const at = '2026-02-24T05:00:00Z';
    record(log, takeEvent(def, log, stamp(who.specialist, at), 'enterInitialInformation'));
    record(log, takeEvent(def, log, stamp(who.specialist, at), 'enterAssessment'));
    expect(record(log, requestEvent(def, log, stamp(who.specialist, at), 'closeWithoutAssessment'))).toEqual({ ok: false, code: 'WRONG_STATE' });
  });
});
