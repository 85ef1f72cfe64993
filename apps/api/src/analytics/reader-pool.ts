import type { Store } from '@kesu/store';

type DuckDBConnection = Awaited<ReturnType<Store['connect']>>;

/**
 * A few connections reading the warehouse: a dashboard asks for six reports at once, and one
 * connection runs one query at a time. A caller waits only when every connection is busy.
 */
export class ReaderPool {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: Array<(connection: DuckDBConnection) => void> = [];
  private everyone: Promise<unknown> = Promise.resolve();

  private constructor(private readonly connections: DuckDBConnection[]) {
    this.idle = [...connections];
  }

  static async open(connect: () => Promise<DuckDBConnection>, size: number): Promise<ReaderPool> {
    const connections: DuckDBConnection[] = [];
    for (let i = 0; i < size; i++) connections.push(await connect());
    return new ReaderPool(connections);
  }

  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.take();
    try {
      return await work(connection);
    } finally {
      this.give(connection);
    }
  }

  /** Runs `work` once every connection has finished its query, with none starting another meanwhile. */
  async all<T>(work: () => Promise<T>): Promise<T> {
    // Two callers each holding half the connections would wait for each other forever.
    const run = this.everyone.then(async () => {
      const taken: DuckDBConnection[] = [];
      for (let i = 0; i < this.connections.length; i++) taken.push(await this.take());
      try {
        return await work();
      } finally {
        for (const c of taken) this.give(c);
      }
    });
    this.everyone = run.catch(() => undefined);
    return run;
  }

  private async take(): Promise<DuckDBConnection> {
    return this.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiting.push(resolve)));
  }

  private give(connection: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}
