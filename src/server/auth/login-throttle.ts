/**
 * Counts failed sign-ins per key (the email) in a sliding window.
 * Kept in memory: PGlite is single-process; on a server each process counts its own,
 * which still bounds guessing to N × processes per window.
 */
export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until the next attempt is allowed, or 0 when allowed now. */
  retryAfter(keys: string[]): number {
    for (const key of keys) {
      const recent = this.recent(key);
      if (recent.length >= this.maxFailures) return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
    }
    return 0;
  }

  fail(keys: string[]): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
