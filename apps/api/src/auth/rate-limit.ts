import {
  addLoginFailures,
  clearLoginFailures,
  countLoginFailureKeys,
  forgetLoginFailures,
  recentLoginFailures,
  type Store,
} from '@kesu/store';

/** Failures recorded between two sweeps of those that have left the window. */
const SWEEP_EVERY = 1_000;

/**
 * Counts failed log-ins per key (user name, client address) in a sliding window; past the limit,
 * further attempts are refused until the window moves on. The failures are kept in the store, so
 * every API node on one database counts the same ones and a restart forgets none; those that have
 * left the window are swept away, so names tried once do not pile up.
 */
export class LoginLimiter {
  private sinceSweep = 0;

  constructor(
    private readonly store: Store,
    /** Failures allowed per key; a client address (`ip:` keys) may fail for many users. */
    private readonly limit = 10,
    private readonly ipLimit = 100,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private limitOf(key: string): number {
    return key.startsWith('ip:') ? this.ipLimit : this.limit;
  }

  /** Seconds until another attempt may be made with these keys (null: it may be made now). */
  async retryAfter(keys: string[]): Promise<number | null> {
    const now = this.now();
    const recent = await this.store.reads.read((db) => recentLoginFailures(db, keys, new Date(now - this.windowMs)));
    let waitMs = 0;
    for (const [key, times] of recent) {
      const limit = this.limitOf(key);
      // Blocked until enough failures leave the window to fall under the limit.
      if (times.length >= limit)
        waitMs = Math.max(waitMs, (times[times.length - limit] as number) + this.windowMs - now);
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : null;
  }

  async fail(keys: string[]): Promise<void> {
    const now = this.now();
    this.sinceSweep += 1;
    const sweep = this.sinceSweep >= SWEEP_EVERY;
    if (sweep) this.sinceSweep = 0;
    await this.store.writes.write(async (db) => {
      await addLoginFailures(db, keys, new Date(now));
      if (sweep) await forgetLoginFailures(db, new Date(now - this.windowMs));
    });
  }

  /**
   * A success clears the user name's failures, never the address's: one valid account must not
   * let an address go on trying passwords over other names.
   */
  async succeed(keys: string[]): Promise<void> {
    const names = keys.filter((k) => !k.startsWith('ip:'));
    await this.store.writes.write((db) => clearLoginFailures(db, names));
  }

  /** How many keys are remembered (to show that old ones are forgotten). */
  size(): Promise<number> {
    return this.store.reads.read((db) => countLoginFailureKeys(db));
  }
}
