import { describe, expect, it } from 'vitest';
import { caseState, mergeLogs } from '../../../shared/workflows/caseLog';
import { approveEvent, cancelEvent, requestEvent, resolveEvent, takeEvent } from '../../../shared/workflows/eventBuilders';
import { checkEvent } from '../../../shared/workflows/transitions';
import type { WorkflowEvent } from '../../../shared/workflows/workflowTypes';
import { actors, repairWorkflow as def, stamps } from './repairWorkflow';

const values = { brokenOn: '2026-12-03', inspectedOn: '2026-12-03', partsOrdered: 'Belt', serialNumber: 'SN-1' };

/** Two workstations start from one shared event and act offline: one inspects, the other asks to write off. */
function offlineWork() {
  const stamp = stamps();
  const shared: WorkflowEvent[] = [];
  // The case starts with an event both know (the request cancelled), so the fork is not at the start.
  const first = requestEvent(def, shared, stamp(actors.tech1), 'writeOff');
  shared.push(first);
  shared.push(cancelEvent(def, shared, { id: 'ev-cancel', now: new Date('2026-12-03T04:01:00Z'), by: actors.tech1 }, first.id));
  const inspect = takeEvent(def, shared, stamp(actors.tech1), 'inspect');
  const writeOff = requestEvent(def, shared, stamp(actors.tech2), 'writeOff');
  const afterInspect = takeEvent(def, [...shared, inspect], stamp(actors.tech1), 'startRepair');
  return { stamp, shared, inspect, writeOff, afterInspect, one: [...shared, inspect, afterInspect], two: [...shared, writeOff] };
}

describe('forks after offline work', () => {
  it('a fork holds the case at the fork point until it is resolved', () => {
    const { stamp, one, two, inspect, writeOff, afterInspect } = offlineWork();
    const merged = mergeLogs(one, two);
    const state = caseState(def, merged);
    expect(state.state).toBe('reported');
    expect(state.head).toBe('ev-cancel');
    expect(state.conflict).toEqual({ point: 'ev-cancel', branches: [inspect.id, writeOff.id].sort(), resolvedBy: null });
    expect(state.pending).toBeNull();
    expect(Object.fromEntries(state.history.map((entry) => [entry.event.id, entry.status]))).toEqual({
      'ev-001': 'effective',
      'ev-cancel': 'effective',
      [inspect.id]: 'inConflict',
      [writeOff.id]: 'inConflict',
      [afterInspect.id]: 'inConflict',
    });
    expect(checkEvent(def, merged, takeEvent(def, merged, stamp(actors.tech1), 'inspect'), values, actors.tech1)).toEqual({ ok: false, code: 'IN_CONFLICT' });
  });

  it('the server accepts the second branch as work done offline, and the workstation would not', () => {
    const { one, writeOff } = offlineWork();
    expect(checkEvent(def, one, writeOff, values, actors.tech2)).toEqual({ ok: false, code: 'STALE' });
    expect(checkEvent(def, one, writeOff, values, actors.tech2, { offline: true })).toEqual({ ok: true });
    // Judged by the state its author saw: on that branch the case was still "reported".
    const lateStart = { ...writeOff, id: 'ev-x', kind: 'take', transition: 'startRepair' } as WorkflowEvent;
    expect(checkEvent(def, one, lateStart, values, actors.tech2, { offline: true })).toEqual({ ok: false, code: 'WRONG_STATE' });
    expect(checkEvent(def, one, { ...writeOff, after: 'ev-nowhere' }, values, actors.tech2, { offline: true })).toEqual({ ok: false, code: 'UNKNOWN_AFTER' });
  });

  it('a resolution keeps one branch; the other stays in history, discarded', () => {
    const { stamp, one, two, inspect, writeOff, afterInspect } = offlineWork();
    const merged = mergeLogs(one, two);
    const resolve = resolveEvent(def, merged, stamp(actors.head1, 60), inspect.id);
    expect(resolve).toMatchObject({ kind: 'resolve', fork: 'ev-cancel', keep: inspect.id, discard: [writeOff.id], after: 'ev-cancel' });
    if (!resolve) throw new Error('no conflict');
    expect(checkEvent(def, merged, resolve, values, actors.head1)).toEqual({ ok: true });
    const state = caseState(def, [...merged, resolve]);
    expect(state.state).toBe('inRepair');
    expect(state.head).toBe(afterInspect.id);
    expect(state.conflict).toBeNull();
    expect(state.forks).toEqual([{ point: 'ev-cancel', branches: [inspect.id, writeOff.id].sort(), resolvedBy: resolve.id }]);
    const status = Object.fromEntries(state.history.map((entry) => [entry.event.id, entry.status]));
    expect([status[writeOff.id], status[inspect.id], status[resolve.id]]).toEqual(['discarded', 'effective', 'effective']);
    expect(checkEvent(def, [...merged, resolve], takeEvent(def, [...merged, resolve], stamp(actors.tech1), 'finishRepair'), values, actors.tech1)).toEqual({ ok: true });
  });

  it('refuses a resolution that is not needed, keeps no branch, or hides one; and one by an outsider', () => {
    const { stamp, one, two, inspect, writeOff } = offlineWork();
    const merged = mergeLogs(one, two);
    const resolve = resolveEvent(def, merged, stamp(actors.head1), inspect.id);
    if (!resolve || resolve.kind !== 'resolve') throw new Error('no conflict');
    expect(resolveEvent(def, one, stamp(actors.head1), inspect.id)).toBeNull();
    expect(checkEvent(def, one, { ...resolve, after: caseState(def, one).head }, values, actors.head1)).toEqual({ ok: false, code: 'NO_CONFLICT' });
    expect(checkEvent(def, merged, { ...resolve, fork: 'ev-001' }, values, actors.head1)).toEqual({ ok: false, code: 'NO_CONFLICT' });
    expect(checkEvent(def, merged, { ...resolve, keep: 'ev-001' }, values, actors.head1)).toEqual({ ok: false, code: 'BAD_RESOLUTION' });
    expect(checkEvent(def, merged, { ...resolve, discard: [] }, values, actors.head1)).toEqual({ ok: false, code: 'BAD_RESOLUTION' });
    expect(checkEvent(def, merged, { ...resolve, discard: [writeOff.id, inspect.id] }, values, actors.head1)).toEqual({ ok: false, code: 'BAD_RESOLUTION' });
    const outsider = { userId: 'u-guest', role: 'visitor', agencyId: 'workshop-1' };
    expect(checkEvent(def, merged, { ...resolve, by: outsider }, values, outsider)).toEqual({ ok: false, code: 'NOT_PERMITTED' });
  });

  it('of two resolutions of one fork the later wins (then the larger id); both stay in history', () => {
    const { stamp, one, two, inspect, writeOff } = offlineWork();
    const merged = mergeLogs(one, two);
    const keepInspect = resolveEvent(def, merged, { ...stamp(actors.head1, 100), id: 'res-b' }, inspect.id);
    const keepWriteOff = resolveEvent(def, merged, { ...stamp(actors.head2, 120), id: 'res-a' }, writeOff.id);
    if (!keepInspect || !keepWriteOff) throw new Error('no conflict');
    const later = caseState(def, [...merged, keepInspect, keepWriteOff]);
    expect(later.state).toBe('reported');
    expect(later.pending?.id).toBe(writeOff.id);
    expect(later.history.filter((entry) => entry.event.kind === 'resolve').map((entry) => [entry.event.id, entry.status])).toEqual([
      ['res-b', 'superseded'],
      ['res-a', 'effective'],
    ]);
    // At the same instant, the larger id wins.
    const sameTime = { ...keepWriteOff, at: keepInspect.at };
    expect(caseState(def, [...merged, keepInspect, sameTime]).state).toBe('inRepair');
  });

  it('a branch the resolver had not seen reopens the conflict instead of vanishing', () => {
    const { stamp, one, two, inspect, shared } = offlineWork();
    const merged = mergeLogs(one, two);
    const resolve = resolveEvent(def, merged, stamp(actors.head1, 60), inspect.id);
    if (!resolve) throw new Error('no conflict');
    const third = requestEvent(def, shared, { id: 'ev-third', now: new Date('2026-12-03T04:30:00Z'), by: actors.head2 }, 'writeOff');
    const state = caseState(def, [...merged, resolve, third]);
    expect(state.state).toBe('reported');
    expect(state.conflict?.branches).toContain('ev-third');
    expect(state.history.find((entry) => entry.event.id === resolve.id)?.status).toBe('superseded');
  });

  it('an event whose predecessor has not arrived yet waits as an orphan', () => {
    const { one } = offlineWork();
    const state = caseState(def, one.filter((event) => event.id !== 'ev-cancel'));
    expect(state.state).toBe('reported');
    expect(state.pending?.id).toBe('ev-001');
    expect(state.history.filter((entry) => entry.status === 'orphan').map((entry) => entry.event.id)).toEqual(one.slice(2).map((event) => event.id));
  });

  it('survives events that follow each other in a circle or themselves', () => {
    const { one, writeOff } = offlineWork();
    const circle = [
      { ...writeOff, id: 'ev-a', after: 'ev-b' },
      { ...writeOff, id: 'ev-b', after: 'ev-a' },
      { ...writeOff, id: 'ev-c', after: 'ev-c' },
    ];
    const state = caseState(def, [...one, ...circle]);
    expect(state.state).toBe('inRepair');
    expect(state.history.filter((entry) => entry.status === 'orphan').map((entry) => entry.event.id)).toEqual(['ev-a', 'ev-b', 'ev-c']);
    expect(checkEvent(def, [...one, ...circle], { ...writeOff, id: 'ev-d', after: 'ev-a' }, values, actors.tech2, { offline: true })).toEqual({
      ok: false,
      code: 'UNKNOWN_AFTER',
    });
  });
});

describe('folding a log no check let through', () => {
  it('gives no effect to an approval of a request no longer pending, nor to an unknown transition', () => {
    const stamp = stamps();
    const log: WorkflowEvent[] = [];
    const old = requestEvent(def, log, stamp(actors.tech1), 'writeOff');
    log.push(old);
    log.push(cancelEvent(def, log, stamp(actors.tech1), old.id));
    const current = requestEvent(def, log, stamp(actors.tech1), 'writeOff');
    log.push(current);
    log.push(approveEvent(def, log, stamp(actors.auditor), old.id));
    log.push(takeEvent(def, log, stamp(actors.tech1), 'teleport'));
    const state = caseState(def, log);
    expect(state).toMatchObject({ state: 'reported', effects: [] });
    expect(state.pending?.id).toBe(current.id);
    expect(state.chain).toHaveLength(5);
  });
});

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('merging logs', () => {
  it('gives the same case whatever the order of the events, and with duplicates', () => {
    const { stamp, one, two, inspect, writeOff } = offlineWork();
    const merged = mergeLogs(one, two);
    const first = resolveEvent(def, merged, stamp(actors.head1, 100), inspect.id);
    const second = resolveEvent(def, merged, stamp(actors.head2, 100), writeOff.id);
    if (!first || !second) throw new Error('no conflict');
    const log = [...merged, first, second];
    expect(log).toHaveLength(7);
    const expected = caseState(def, log);
    expect(expected.state).toBe('reported');
    let count = 0;
    for (const order of permutations(log)) {
      expect(caseState(def, order)).toEqual(expected);
      count += 1;
    }
    expect(count).toBe(5040);
    expect(caseState(def, [...log, ...log.slice(2)].reverse())).toEqual(expected);
    expect(mergeLogs(two, one)).toEqual(merged);
  });

  it('keeps one copy of an id written twice differently, the same one on every machine', () => {
    const { one } = offlineWork();
    const altered = { ...one[2], at: '2026-12-03T09:00:00Z' } as WorkflowEvent;
    expect(mergeLogs(one, [altered])).toEqual(mergeLogs([altered], one));
    expect(caseState(def, [altered, ...one])).toEqual(caseState(def, [...one, altered]));
  });
});
