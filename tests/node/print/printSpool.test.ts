import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrintSpool } from '../../../src-main/print/printSpool';

afterEach(() => vi.useRealTimers());

describe('the print spool (PDFs in memory for the viewer)', () => {
  it('keeps the latest few documents, overwriting and forgetting the oldest, and forgets each after a while', () => {
    vi.useFakeTimers();
    const spool = new PrintSpool(60_000, 2);
    const first = new Uint8Array([37, 80, 68, 70]);
    const a = spool.put(first, 'a.pdf');
    const b = spool.put(new Uint8Array([1]), 'b.pdf');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    const c = spool.put(new Uint8Array([2]), 'c.pdf');
    expect(spool.get(a)).toBeNull();
    expect(first.every((byte) => byte === 0)).toBe(true);
    expect(spool.get(b)?.fileName).toBe('b.pdf');
    vi.advanceTimersByTime(60_001);
    expect(spool.get(b)).toBeNull();
    expect(spool.get(c)).toBeNull();
    expect(spool.size).toBe(0);
  });
});
