/**
 * Failed sign-ins per workstation in a sliding window: past the limit, the workstation waits
 * before it may try again. Complements the per-account lockout, which cannot stop one
 * workstation from trying many user names.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** When the key may try again, or null if it may now. */
  blockedUntil(key: string, now: Date): Date | null {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return null;
    return new Date((recent[0] ?? now.getTime()) + this.windowMs);
  }

  fail(key: string, now: Date): void {
    this.failures.set(key, [...this.recent(key, now), now.getTime()]);
  }

  private recent(key: string, now: Date): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > now.getTime() - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
