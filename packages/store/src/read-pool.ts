import type { Db } from './db.js';

/**
 * A few read connections, each running one query at a time. Reads never share the writer's
 * connection, so they never see a transaction that has not committed.
 */
export class ReadPool {
  private readonly chains: Array<Promise<unknown>>;
  private next = 0;

  constructor(private readonly connections: Db[]) {
    this.chains = connections.map(() => Promise.resolve());
  }

  read<T>(work: (connection: Db) => Promise<T>): Promise<T> {
    const i = this.next++ % this.connections.length;
    const run = (this.chains[i] as Promise<unknown>).then(() => work(this.connections[i] as Db));
    this.chains[i] = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.close()));
  }
}
