/** Checks between two sweeps of the keys whose failures have all left the window. */
const SWEEP_EVERY = 1_000;

/**
 * Counts failed log-ins per key (user name, client address) in a sliding window; past the
 * limit, further attempts are refused until the window moves on. A key whose failures have all
 * left the window is forgotten, so names tried once do not pile up.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private sinceSweep = 0;

  constructor(
    /** Failures allowed per key; a client address (`ip:` keys) may fail for many users. */
    private readonly limit = 10,
    private readonly ipLimit = 100,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length > 0) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private limitOf(key: string): number {
    return key.startsWith('ip:') ? this.ipLimit : this.limit;
  }

  /** Seconds until another attempt may be made with these keys (null: it may be made now). */
  retryAfter(keys: string[]): number | null {
    let waitMs = 0;
    for (const k of keys) {
      const list = this.recent(k);
      const limit = this.limitOf(k);
      // Blocked until enough failures leave the window to fall under the limit.
      if (list.length >= limit) waitMs = Math.max(waitMs, (list[list.length - limit] as number) + this.windowMs - this.now());
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : null;
  }

  fail(keys: string[]): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k), this.now()]);
    this.sinceSweep += 1;
    if (this.sinceSweep >= SWEEP_EVERY) this.sweep();
  }

  /**
   * A success clears the user name's failures, never the address's: one valid account must not
   * let an address go on trying passwords over other names.
   */
  succeed(keys: string[]): void {
    for (const k of keys) if (!k.startsWith('ip:')) this.failures.delete(k);
  }

  /** How many keys are remembered (to show that old ones are forgotten). */
  get size(): number {
    return this.failures.size;
  }

  private sweep(): void {
    this.sinceSweep = 0;
    for (const k of [...this.failures.keys()]) this.recent(k);
  }
}
