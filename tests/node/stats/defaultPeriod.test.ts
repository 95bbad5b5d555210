import { describe, expect, it } from 'vitest';
import { defaultPeriod } from '../../../src-renderer/features/stats/defaultPeriod';

describe('the statistics screen opens on the reporting year so far', () => {
  it('runs from 1 January of the current year to today', () => {
    expect(defaultPeriod(new Date(2026, 11, 3, 9, 30))).toEqual({ from: '2026-01-01', to: '2026-12-03' });
  });

  it('on 1 January the period is that one day', () => {
    expect(defaultPeriod(new Date(2027, 0, 1, 0, 5))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });

  it('takes the calendar day on this computer, not the UTC one', () => {
    const lateEvening = new Date(2025, 11, 31, 23, 59);
    expect(defaultPeriod(lateEvening)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
