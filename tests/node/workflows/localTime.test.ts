import { describe, expect, it } from 'vitest';
import { clockMs, isTimeZone, localDateTime, zonedInstant } from '../../../shared/workflows/localTime';

describe('local time in a named zone', () => {
  it('reads the wall clock of an instant in the zone, whatever the machine\'s zone', () => {
    expect(localDateTime(new Date('2026-12-03T17:30:00Z'), 'Asia/Bishkek')).toEqual({ date: '2026-12-03', msOfDay: 23.5 * 3_600_000 });
    expect(localDateTime(new Date('2026-12-03T18:30:00.250Z'), 'Asia/Bishkek')).toEqual({ date: '2026-12-04', msOfDay: 0.5 * 3_600_000 + 250 });
    expect(localDateTime(new Date('2026-12-03T18:30:00Z'), 'Asia/Baku').date).toBe('2026-12-03');
  });

  it('finds the instant of a local time, on either side of a daylight-saving change', () => {
    expect(zonedInstant('2026-12-04', 9 * 3_600_000, 'Asia/Bishkek').toISOString()).toBe('2026-12-04T03:00:00.000Z');
    expect(zonedInstant('2026-03-29', 10 * 3_600_000, 'Europe/Berlin').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // 01:30 in Berlin is still winter time (+1), though 01:30 UTC is already summer time.
    expect(zonedInstant('2026-03-29', 1.5 * 3_600_000, 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedInstant('2026-03-28', 10 * 3_600_000, 'Europe/Berlin').toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(zonedInstant('2026-10-25', 10 * 3_600_000, 'Europe/Berlin').toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('reads office hours and knows zone names', () => {
    expect([clockMs('09:00'), clockMs('18:30'), clockMs('24:00'), clockMs('9:00'), clockMs('25:00'), clockMs('')]).toEqual([
      32_400_000,
      66_600_000,
      86_400_000,
      null,
      null,
      null,
    ]);
    expect([isTimeZone('Asia/Bishkek'), isTimeZone('Asia/Atlantis')]).toEqual([true, false]);
  });
});
