import path from 'node:path';
import { attachWarehouse, buildWarehouse, exportLake, Sandbox, type BuildOptions, type BuildResult, type LakeExport, type StepListener } from '@kesu/analytics';
import { exportTables } from './table-export.js';
import { exec, rows, type Params, type Row, type Store } from '@kesu/store';

type DuckDBConnection = Awaited<ReturnType<Store['connect']>>;

export interface BuildOutcome {
  build: BuildResult;
  lake: LakeExport;
}

/**
 * The warehouse beside a running store: builds run one at a time on their own connection,
 * workflow changes ask for a refresh (coalesced: while one runs, at most one more waits),
 * dashboards read on another connection, and statisticians' SQL goes to the sandbox.
 */
export class AnalyticsService {
  private chain: Promise<unknown> = Promise.resolve();
  private waiting: Promise<BuildOutcome> | null = null;
  private sandboxOpening: Promise<Sandbox> | null = null;

  private constructor(
    private readonly builder: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    readonly dataDir: string,
  ) {}

  static async open(store: Store, dataDir: string): Promise<AnalyticsService> {
    const builder = await store.connect();
    await attachWarehouse(builder, path.join(dataDir, 'warehouse.duckdb'));
    const reader = await store.connect();
    // Report queries name the warehouse's tables without a catalog.
    await exec(reader, 'USE wh');
    return new AnalyticsService(builder, reader, dataDir);
  }

  /** Builds the warehouse (in full, or what changed) and then the lake, after any build already queued. */
  build(options: BuildOptions & { onLakeStep?: StepListener } = {}): Promise<BuildOutcome> {
    return this.enqueue(options, () => undefined);
  }

  /**
   * Asks for an incremental refresh: requests made before it starts share it, requests made
   * while it runs get the next one (so no change waits for more than one build after its own).
   */
  refresh(): Promise<BuildOutcome> {
    if (this.waiting) return this.waiting;
    const next = this.enqueue({}, () => {
      if (this.waiting === next) this.waiting = null;
    });
    this.waiting = next;
    return next;
  }

  private enqueue(options: BuildOptions & { onLakeStep?: StepListener }, onStart: () => void): Promise<BuildOutcome> {
    const run = this.chain.then(async () => {
      onStart();
      const build = await buildWarehouse(this.builder, options);
      const lake = await exportLake(this.builder, this.dataDir, build.touched, options.onLakeStep);
      return { build, lake };
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Writes the warehouse's tables as CSV files or an XLSX workbook, after queued builds. */
  exportTables(outDir: string, format: 'csv' | 'xlsx', onStep: StepListener = () => undefined): Promise<string[]> {
    const run = this.chain.then(() => exportTables(this.builder, outDir, format, onStep));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** A dashboard query over the warehouse's tables. */
  query(sql: string, params?: Params): Promise<Row[]> {
    return rows(this.reader, sql, params);
  }

  /** The SQL sandbox over the lake, opened on first use. */
  sandbox(): Promise<Sandbox> {
    this.sandboxOpening ??= Sandbox.open({ dataDir: this.dataDir });
    return this.sandboxOpening;
  }

  /** Waits for queued builds (tests, shutdown). */
  async idle(): Promise<void> {
    await this.chain;
  }

  async close(): Promise<void> {
    await this.idle();
    if (this.sandboxOpening) (await this.sandboxOpening).close();
  }
}
