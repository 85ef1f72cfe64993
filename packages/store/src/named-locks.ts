/** How a lock is held among processes: taken (or refused at once, without `wait`) and released. */
export interface ProcessLock {
  take(name: string, wait: boolean): Promise<boolean>;
  release(name: string): Promise<void>;
}

/**
 * Named locks: callers in this process queue behind each other here (or are refused, without
 * `wait`); then, when other processes serve the same database, the lock is taken among them too.
 */
export class NamedLocks {
  private readonly held = new Map<string, Promise<unknown>>();

  constructor(private readonly among: ProcessLock | null) {}

  async exclusively<T>(name: string, work: () => Promise<T>, wait: boolean): Promise<T | null> {
    const before = this.held.get(name);
    if (before && !wait) return null;
    const run = (async () => {
      await before?.catch(() => undefined);
      return this.taken(name, work, wait);
    })();
    this.held.set(name, run);
    try {
      return await run;
    } finally {
      if (this.held.get(name) === run) this.held.delete(name);
    }
  }

  private async taken<T>(name: string, work: () => Promise<T>, wait: boolean): Promise<T | null> {
    if (!this.among) return work();
    if (!(await this.among.take(name, wait))) return null;
    try {
      return await work();
    } finally {
      await this.among.release(name);
    }
  }
}
