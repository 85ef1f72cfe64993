import { exec, type Store } from '@kesu/store';

type DuckDBConnection = Awaited<ReturnType<Store['connect']>>;

/**
 * A few connections reading the warehouse: a dashboard asks for six reports at once, and one
 * connection runs one query at a time. A caller waits only when every connection is busy.
 */
export class ReaderPool {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: Array<(connection: DuckDBConnection) => void> = [];

  private constructor(connections: DuckDBConnection[]) {
    this.idle = connections;
  }

  static async open(store: Store, size: number): Promise<ReaderPool> {
    const connections: DuckDBConnection[] = [];
    for (let i = 0; i < size; i++) {
      const connection = await store.connect();
      // Report queries name the warehouse's tables without a catalog.
      await exec(connection, 'USE wh');
      connections.push(connection);
    }
    return new ReaderPool(connections);
  }

  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(connection);
    } finally {
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }
}
