import { afterEach, describe, expect, it } from 'vitest';
import { takeEvent, requestEvent, approveEvent } from '../../../shared/workflows/eventBuilders';
import { stepDeadlines, type StepDeadline } from '../../../shared/workflows/stepDeadlines';
import type { WorkflowEvent } from '../../../shared/workflows/workflowTypes';
import { actors, repairCalendar as calendar, repairWorkflow as def, stamps } from './repairWorkflow';

const byStep = (rows: StepDeadline[]) => Object.fromEntries(rows.map((row) => [row.stepId, row]));
// Thursday 3 December 2026, 10:00 in Bishkek (UTC+6). Weekend 5–6, announced day off Monday 7.
const created = '2026-12-03T04:00:00Z';
const at = (iso: string) => new Date(iso);

describe('step deadlines', () => {
  it('counts from another step, across a weekend and a day off, and includes steps not yet started', () => {
    const rows = byStep(stepDeadlines(def, calendar, { brokenOn: '2026-12-03' }, [], created, at('2026-12-03T06:00:00Z')));
    expect(rows.broken).toEqual({ stepId: 'broken', owners: ['technician'], anchor: null, due: null, doneAt: '2026-12-03', state: 'onTime' });
    expect(rows.logged).toMatchObject({ doneAt: created, state: 'onTime' });
    // Logged Thursday: Friday 4 is the first working day, Tuesday 8 the second.
    expect(rows.inspection).toEqual({ stepId: 'inspection', owners: ['technician'], anchor: created, due: '2026-12-08', doneAt: null, state: 'open' });
    // The repair counts from when it broke, not from the inspection: 7 working days → Tuesday 15.
    // It is due only once inspected: still "reported", it is not scheduled yet.
    expect(rows.repair).toMatchObject({ anchor: '2026-12-03', due: '2026-12-15', doneAt: null, state: 'unscheduled' });
  });

  it('is due soon on the last working day before, overdue the day after', () => {
    const state = (now: string) => byStep(stepDeadlines(def, calendar, { brokenOn: '2026-12-03' }, [], created, at(now))).inspection?.state;
    expect(state('2026-12-03T11:00:00Z')).toBe('open'); // Thursday: Friday and Tuesday left.
    expect(state('2026-12-04T05:00:00Z')).toBe('dueSoon'); // Friday: the next working day is the last.
    expect(state('2026-12-05T05:00:00Z')).toBe('dueSoon'); // Saturday
    expect(state('2026-12-07T05:00:00Z')).toBe('dueSoon'); // the day off
    expect(state('2026-12-08T05:00:00Z')).toBe('dueSoon'); // the last day
    expect(state('2026-12-09T05:00:00Z')).toBe('overdue');
  });

  it('says whether a step was done on time or late, by its own date', () => {
    expect(byStep(stepDeadlines(def, calendar, { inspectedOn: '2026-12-08' }, [], created, at('2026-12-20T05:00:00Z'))).inspection?.state).toBe('onTime');
    expect(byStep(stepDeadlines(def, calendar, { inspectedOn: '2026-12-09' }, [], created, at('2026-12-09T05:00:00Z'))).inspection?.state).toBe('late');
  });

  it('schedules a step only in its states, and dates a transition step by when it took effect', () => {
    const stamp = stamps(created);
    const log: WorkflowEvent[] = [];
    const values = { brokenOn: '2026-12-03', inspectedOn: '2026-12-04', partsOrdered: 'Belt', serialNumber: 'SN-1' };
    log.push(takeEvent(def, log, stamp(actors.tech1, 60 * 24), 'inspect'));
    const inspected = byStep(stepDeadlines(def, calendar, values, log, created, at('2026-12-15T05:00:00Z'))).repair;
    expect(inspected).toMatchObject({ due: '2026-12-15', state: 'dueSoon' });
    expect(byStep(stepDeadlines(def, calendar, values, log, created, at('2026-12-16T05:00:00Z'))).repair?.state).toBe('overdue');
    log.push(takeEvent(def, log, stamp(actors.tech1, 60 * 24 * 5), 'startRepair'));
    // Finished on Wednesday 16 December at 00:30 in Bishkek (still the 15th in UTC): late.
    log.push(takeEvent(def, log, { id: 'ev-fin', now: at('2026-12-15T18:30:00Z'), by: actors.tech1 }, 'finishRepair'));
    expect(byStep(stepDeadlines(def, calendar, values, log, created, at('2026-12-20T05:00:00Z'))).repair).toMatchObject({
      doneAt: '2026-12-15T18:30:00.000Z',
      state: 'late',
    });
    // On 23:30 the evening before it would have been on time.
    log[2] = { ...log[2], at: '2026-12-15T17:30:00.000Z' } as WorkflowEvent;
    expect(byStep(stepDeadlines(def, calendar, values, log, created, at('2026-12-20T05:00:00Z'))).repair?.state).toBe('onTime');
  });

  it('takes no step in a final state, and counts an approved transition from its approval', () => {
    const stamp = stamps(created);
    const log: WorkflowEvent[] = [];
    const request = requestEvent(def, log, stamp(actors.tech1), 'writeOff');
    log.push(request);
    log.push(approveEvent(def, log, stamp(actors.auditor, 600), request.id));
    const rows = byStep(stepDeadlines(def, calendar, { brokenOn: '2026-12-03' }, log, created, at('2026-12-20T05:00:00Z')));
    expect(rows.inspection?.state).toBe('unscheduled');
    expect(rows.repair?.state).toBe('unscheduled');
  });

  it('is unscheduled while the step it counts from is not done', () => {
    for (const createdAt of [null, 'not a time']) {
      const rows = byStep(stepDeadlines(def, calendar, {}, [], createdAt, at('2026-12-20T05:00:00Z')));
      expect(rows.inspection).toMatchObject({ anchor: null, due: null, state: 'unscheduled' });
      expect(rows.logged?.state).toBe('open');
    }
  });
});

describe('the calendar\'s time zone, not the machine\'s', () => {
  const machineZone = process.env.TZ;
  afterEach(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  /** The same question asked on a server in UTC, a workstation in Bishkek and a laptop in Los Angeles. */
  function everywhere(ask: () => unknown) {
    const answers = ['UTC', 'Asia/Bishkek', 'America/Los_Angeles'].map((zone) => {
      process.env.TZ = zone;
      return ask();
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    return answers[0];
  }

  it('a case created at 23:30 in Bishkek belongs to that day, one created at 00:30 to the next', () => {
    const dueFor = (createdAt: string) => () => byStep(stepDeadlines(def, calendar, {}, [], createdAt, at('2026-12-03T19:00:00Z'))).inspection?.due;
    // 23:30 Thursday in Bishkek = 17:30 UTC: Friday 4 and Tuesday 8.
    expect(everywhere(dueFor('2026-12-03T17:30:00Z'))).toBe('2026-12-08');
    // 00:30 Friday in Bishkek = 18:30 UTC Thursday: Tuesday 8 and Wednesday 9.
    expect(everywhere(dueFor('2026-12-03T18:30:00Z'))).toBe('2026-12-09');
  });

  it('"today" turns at midnight in Bishkek for everyone', () => {
    const stateAt = (now: string) => () => byStep(stepDeadlines(def, calendar, {}, [], created, at(now))).inspection?.state;
    // 23:30 Tuesday 8 in Bishkek: the last day still.
    expect(everywhere(stateAt('2026-12-08T17:30:00Z'))).toBe('dueSoon');
    // 00:30 Wednesday 9 in Bishkek, still Tuesday in UTC: overdue.
    expect(everywhere(stateAt('2026-12-08T18:30:00Z'))).toBe('overdue');
  });
});
