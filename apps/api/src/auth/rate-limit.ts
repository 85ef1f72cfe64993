/**
 * Counts failed log-ins per key (user name, client address) in a sliding window; past the
 * limit, further attempts are refused until the window moves on.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

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
    this.failures.set(key, list);
    return list;
  }

  blocked(keys: string[]): boolean {
    return keys.some((k) => this.recent(k).length >= (k.startsWith('ip:') ? this.ipLimit : this.limit));
  }

  fail(keys: string[]): void {
    for (const k of keys) this.recent(k).push(this.now());
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.failures.delete(k);
  }
}
