import path from 'node:path';
import { attachWarehouse, detachWarehouse, hasBuild, WarehouseGenerations, WarehouseView, WH } from '@kesu/analytics';
import { exec, reattachAfterFailure, ReadPool, type Store } from '@kesu/store';

type DuckDBConnection = Awaited<ReturnType<Store['connect']>>;

/** Dashboard queries run side by side on this many connections. */
const READERS = 3;
/** The change-feed topic that says which published warehouse file to read (`<folder id> <file>`). */
export const WAREHOUSE_SHOWN_TOPIC = 'warehouse-shown';

/**
 * Where the warehouse lives and how builds reach its readers. A build's `work` gets the connection
 * that writes the warehouse and calls `built` once the tables are final (readers may see them from
 * then on); `read` runs on a connection that sees the last complete build as `wh`.
 */
export interface WarehouseHome {
  readonly readers: ReadPool<DuckDBConnection>;
  /** The file dashboards read now (null: none built yet), and whether other nodes may share it. */
  readonly file: string | null;
  readonly shared: boolean;
  hasBuild(): Promise<boolean>;
  /**
   * Null when another process is building and `wait` is false: its build will be shown here when
   * done. `changed` tells from the result whether the build wrote anything worth showing.
   */
  build<T>(
    work: (builder: DuckDBConnection, built: () => void) => Promise<T>,
    wait: boolean,
    changed: (result: T) => boolean,
  ): Promise<T | null>;
  read<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Told of a failed read or build: puts the warehouse back in use if the failure set it aside. */
  recover(error: unknown): Promise<unknown>;
  close(): void;
}

/**
 * The embedded store's warehouse: one file beside the store, attached to the store's own engine,
 * so builds read the store's tables where they are and readers see each build once it commits.
 */
export class OwnWarehouse implements WarehouseHome {
  readonly shared = false;

  private constructor(
    private readonly builder: DuckDBConnection,
    readonly readers: ReadPool<DuckDBConnection>,
    private readonly shown: () => void,
    readonly file: string,
  ) {}

  static async open(store: Store, dataDir: string, shown: () => void): Promise<OwnWarehouse> {
    const builder = await store.connect();
    const file = path.join(dataDir, 'warehouse.duckdb');
    await attachWarehouse(builder, file);
    const readers = await ReadPool.open(async () => {
      const connection = await store.connect();
      // Report queries name the warehouse's tables without a catalog.
      await exec(connection, 'USE wh');
      return connection;
    }, READERS);
    return new OwnWarehouse(builder, readers, shown, file);
  }

  hasBuild(): Promise<boolean> {
    return hasBuild(this.builder);
  }

  build<T>(work: (builder: DuckDBConnection, built: () => void) => Promise<T>): Promise<T> {
    return this.recovering(work(this.builder, this.shown));
  }

  read<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.recovering(work(this.builder));
  }

  private async recovering<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      // A failed attach explains the failure better (the disk still full) than "no such catalog".
      throw (await this.recover(error)) ?? error;
    }
  }

  /**
   * A checkpoint that failed for want of space sets the warehouse file aside until it is attached
   * again (which replays its log: every committed build is kept). Readers name the catalog, so
   * they follow. While the disk is still full the attach fails, and the next failure tries again.
   */
  readonly recover = reattachAfterFailure(WH, async () => {
    await exec(this.builder, `DETACH DATABASE IF EXISTS ${WH}`);
    await attachWarehouse(this.builder, this.file);
  });

  close(): void {}
}

/**
 * The warehouse of processes that serve one PostgreSQL database from one data folder (a mount
 * every node sees): exactly one of them builds at a time, under a lock named after the folder,
 * into a new file it then publishes; every process, told through the change feed, moves its
 * readers to that file. Nodes with folders of their own each build their own, as before.
 */
export class SharedWarehouse implements WarehouseHome {
  readonly shared = true;
  /** Moves to a newer file one at a time, in the order they were announced. */
  private showing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    private readonly files: WarehouseGenerations,
    private readonly view: WarehouseView,
    private readonly builder: DuckDBConnection,
    readonly readers: ReadPool<DuckDBConnection>,
    private readonly shown: () => void,
  ) {}

  static async open(store: Store, dataDir: string, shown: () => void): Promise<SharedWarehouse> {
    const view = await WarehouseView.open();
    const home = new SharedWarehouse(
      store,
      WarehouseGenerations.open(dataDir),
      view,
      await store.connect(),
      await ReadPool.open(() => view.connect(), READERS),
      shown,
    );
    store.changes.subscribe(WAREHOUSE_SHOWN_TOPIC, (key) => {
      const [folder, name] = key.split(' ');
      if (folder === home.files.id && name)
        home
          .show(path.join(home.files.dir, name))
          .catch((error: unknown) => console.error('warehouse not shown:', error));
    });
    // A change feed cut meanwhile may have missed an announcement: CURRENT names the newest file.
    store.changes.onGap(
      () => void home.showCurrent().catch((error: unknown) => console.error('warehouse not shown:', error)),
    );
    await home.showCurrent();
    return home;
  }

  get file(): string | null {
    return this.view.shown;
  }

  private get lock(): string {
    return `kesu warehouse ${this.files.id}`;
  }

  private async showCurrent(): Promise<void> {
    const current = this.files.current();
    if (current) await this.show(current);
  }

  private show(file: string): Promise<void> {
    const run = this.showing.then(async () => {
      // Names sort by generation: an announcement that arrives late never moves readers back.
      if (this.view.shown !== null && path.basename(file) <= path.basename(this.view.shown)) return;
      await this.readers.all(() => this.view.show(file));
      this.shown();
    });
    this.showing = run.catch(() => undefined);
    return run;
  }

  async hasBuild(): Promise<boolean> {
    return this.view.shown !== null && (await this.readers.read((c) => hasBuild(c)));
  }

  build<T>(
    work: (builder: DuckDBConnection, built: () => void) => Promise<T>,
    wait: boolean,
    changed: (result: T) => boolean,
  ): Promise<T | null> {
    return this.store.exclusively(
      this.lock,
      async () => {
        const file = this.files.next();
        let result: T;
        try {
          await attachWarehouse(this.builder, file);
          result = await work(this.builder, () => undefined);
          await detachWarehouse(this.builder);
        } catch (error) {
          await exec(this.builder, `DETACH DATABASE IF EXISTS ${WH}`).catch(() => undefined);
          this.files.discard(file);
          throw error;
        }
        // Two nodes told of one approval: the second to get the lock finds nothing new, and says nothing.
        if (!changed(result)) {
          this.files.discard(file);
          return result;
        }
        this.files.publish(file);
        await this.show(file);
        await this.store.changes.publish(WAREHOUSE_SHOWN_TOPIC, `${this.files.id} ${path.basename(file)}`);
        return result;
      },
      wait,
    );
  }

  async read<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.readers.read(work);
  }

  /** Readers read a published file, read-only, and a failed build discards its own file: nothing to put back. */
  async recover(): Promise<undefined> {
    return undefined;
  }

  close(): void {
    this.view.close();
  }
}
