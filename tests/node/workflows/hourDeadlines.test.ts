import { describe, expect, it } from 'vitest';
import { takeEvent } from '../../../shared/workflows/eventBuilders';
import { stepDeadlines, type StepDeadline } from '../../../shared/workflows/stepDeadlines';
import { checkEvent } from '../../../shared/workflows/transitions';
import { addWorkingHours } from '../../../shared/workflows/workingHours';
import type { WorkflowEvent } from '../../../shared/workflows/workflowTypes';
import { clerk, committee, grantCalendar as calendar, grantWorkflow as def } from './grantWorkflow';

const byStep = (rows: StepDeadline[]) => Object.fromEntries(rows.map((row) => [row.stepId, row]));
const at = (iso: string) => new Date(iso);
// Tashkent is UTC+5: 09:00–18:00 there is 04:00–13:00 UTC.

describe('deadlines in working hours', () => {
  it('counts only working hours on working days, across a weekend and a day off', () => {
    // Friday 4 December 16:00 in Tashkent: 2 hours that day, Monday 7 off, 2 more on Tuesday → 11:00.
    const created = '2026-12-04T11:00:00Z';
    expect(byStep(stepDeadlines(def, calendar, {}, [], created, at(created))).screening).toEqual({
      stepId: 'screening',
      owners: ['clerk'],
      anchor: created,
      due: '2026-12-08T06:00:00.000Z',
      doneAt: null,
      state: 'open',
    });
  });

  it('starts counting at the next opening when the case arrives after hours', () => {
    expect(addWorkingHours(calendar, at('2026-12-08T15:00:00Z'), 0)?.toISOString()).toBe('2026-12-09T04:00:00.000Z'); // 20:00 → 09:00 next day
    expect(addWorkingHours(calendar, at('2026-12-08T02:00:00Z'), 1)?.toISOString()).toBe('2026-12-08T05:00:00.000Z'); // 07:00 → 10:00
    expect(addWorkingHours(calendar, at('2026-12-08T13:00:00Z'), 0)?.toISOString()).toBe('2026-12-09T04:00:00.000Z'); // 18:00 sharp: closed
    expect(addWorkingHours(calendar, at('2026-12-08T04:00:00Z'), 9)?.toISOString()).toBe('2026-12-08T13:00:00.000Z'); // a whole day ends at 18:00
    expect(addWorkingHours(calendar, at('2026-12-08T04:00:00Z'), 9.5)?.toISOString()).toBe('2026-12-09T04:30:00.000Z');
    expect(addWorkingHours({ ...calendar, workingHours: undefined }, at('2026-12-08T04:00:00Z'), 1)).toBeNull();
    expect(addWorkingHours({ ...calendar, workingHours: { start: '18:00', end: '09:00' } }, at('2026-12-08T04:00:00Z'), 1)).toBeNull();
  });

  it('is due soon on its day, overdue a minute after the hour, on time or late by the instant it took effect', () => {
    // Tuesday 8 December 10:00 in Tashkent; due 14:00 (09:00 UTC).
    const created = '2026-12-08T05:00:00Z';
    const state = (now: string, log: WorkflowEvent[] = []) => byStep(stepDeadlines(def, calendar, { amount: 500 }, log, created, at(now))).screening?.state;
    expect(state('2026-12-07T05:00:00Z')).toBe('open');
    expect(state('2026-12-08T08:59:00Z')).toBe('dueSoon');
    expect(state('2026-12-08T09:01:00Z')).toBe('overdue');
    const screen = (when: string) => [takeEvent(def, [], { id: 'ev-screen', now: at(when), by: clerk }, 'screen')];
    expect(state('2026-12-09T09:00:00Z', screen('2026-12-08T09:00:00Z'))).toBe('onTime');
    expect(state('2026-12-09T09:00:00Z', screen('2026-12-08T09:00:01Z'))).toBe('late');
  });

  it('counts clock hours from another step day and night', () => {
    const created = '2026-12-08T05:00:00Z';
    const log: WorkflowEvent[] = [];
    const screen = takeEvent(def, log, { id: 'ev-1', now: at('2026-12-08T12:30:00Z'), by: clerk }, 'screen');
    expect(checkEvent(def, log, screen, { amount: 500 }, clerk)).toEqual({ ok: true });
    log.push(screen);
    const rows = byStep(stepDeadlines(def, calendar, { amount: 500 }, log, created, at('2026-12-09T12:00:00Z')));
    expect(rows.decision).toMatchObject({ anchor: '2026-12-08T12:30:00.000Z', due: '2026-12-09T12:30:00.000Z', state: 'dueSoon' });
    log.push(takeEvent(def, log, { id: 'ev-2', now: at('2026-12-09T12:31:00Z'), by: committee }, 'decide'));
    expect(byStep(stepDeadlines(def, calendar, { amount: 500 }, log, created, at('2026-12-10T12:00:00Z'))).decision?.state).toBe('late');
  });

  it('dates a step by the last time its transition took effect', () => {
    const log: WorkflowEvent[] = [];
    for (const [id, when, by, transition] of [
      ['ev-1', '2026-12-08T05:30:00Z', clerk, 'screen'],
      ['ev-2', '2026-12-08T06:00:00Z', committee, 'sendBack'],
      ['ev-3', '2026-12-08T10:00:00Z', clerk, 'screen'],
    ] as const) {
      const event = takeEvent(def, log, { id, now: at(when), by }, transition);
      expect(checkEvent(def, log, event, { amount: 1 }, by)).toEqual({ ok: true });
      log.push(event);
    }
    expect(byStep(stepDeadlines(def, calendar, { amount: 1 }, log, '2026-12-08T05:00:00Z', at('2026-12-08T11:00:00Z'))).screening).toMatchObject({
      doneAt: '2026-12-08T10:00:00.000Z',
      state: 'late',
    });
  });

  it('leaves an hour deadline unscheduled on a calendar without working hours', () => {
    const rows = byStep(stepDeadlines(def, { ...calendar, workingHours: undefined }, {}, [], '2026-12-08T05:00:00Z', at('2026-12-20T05:00:00Z')));
    expect(rows.screening).toMatchObject({ due: null, state: 'unscheduled' });
  });
});
