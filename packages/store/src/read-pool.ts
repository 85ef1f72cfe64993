/**
 * A few read connections, each running one query at a time. A caller takes an idle connection and
 * waits only when every one is busy, so one slow query never holds up the reads queued behind it.
 * The store's reads never share the writer's connection (they never see a transaction that has not
 * committed); the warehouse's readers serve a dashboard's six reports at once.
 */
export class ReadPool<C> {
  private readonly idle: C[];
  private readonly waiting: Array<(connection: C) => void> = [];
  private everyone: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connections: readonly C[],
    private readonly closeOne: (connection: C) => Promise<void> = async () => undefined,
  ) {
    if (connections.length === 0) throw new Error('a read pool needs at least one connection');
    this.idle = [...connections];
  }

  /** A pool of `size` connections opened one after another. */
  static async open<C>(connect: () => Promise<C>, size: number, close?: (connection: C) => Promise<void>) {
    const connections: C[] = [];
    for (let i = 0; i < size; i++) connections.push(await connect());
    return new ReadPool(connections, close);
  }

  async read<T>(work: (connection: C) => Promise<T>): Promise<T> {
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
      const taken: C[] = [];
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

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => this.closeOne(c)));
  }

  private async take(): Promise<C> {
    return this.idle.pop() ?? (await new Promise<C>((resolve) => this.waiting.push(resolve)));
  }

  private give(connection: C): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}
