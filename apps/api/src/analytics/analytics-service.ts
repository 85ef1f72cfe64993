import type { ApprovalLevel } from '@kesu/schema';
import {
  buildWarehouse,
  exportLake,
  lastBuild,
  SandboxProcesses,
  type BuildOptions,
  type BuildResult,
  type LakeExport,
  type LastBuild,
  type StepListener,
} from '@kesu/analytics';
import { rows, type Params, type Row, type Store } from '@kesu/store';
import { TtlCache } from '../http/ttl-cache.js';
import { QueryGate, SQL_PLACES } from './query-gate.js';
import { exportTables } from './table-export.js';
import { OwnWarehouse, SharedWarehouse, type WarehouseHome } from './warehouse-home.js';

export interface BuildOutcome {
  build: BuildResult;
  lake: LakeExport;
}

/** The change-feed topic that says the store holds changes the warehouse does not show yet. */
export const WAREHOUSE_TOPIC = 'warehouse';

/** Results are dropped after every build; the time limit only bounds what an idle server keeps. */
const RESULTS_KEPT_MS = 30 * 60_000;

/**
 * The warehouse beside a running store: builds run one at a time on their own connection,
 * workflow changes ask for a refresh (coalesced: while one runs, at most one more waits),
 * dashboards read on a few connections of their own, and statisticians' SQL goes to the sandbox.
 * A dashboard query's rows are kept until the next build changes the warehouse: leaders open
 * the same regions again and again, and the rows change only when a build commits.
 */
export class AnalyticsService {
  private chain: Promise<unknown> = Promise.resolve();
  private waiting: Promise<BuildOutcome | null> | null = null;
  private sandboxOpening: Promise<SandboxProcesses> | null = null;
  private readonly results = new TtlCache<string, Row[]>(RESULTS_KEPT_MS, 512);
  private readonly charts = new TtlCache<string, string>(RESULTS_KEPT_MS, 256);
  /** Places for statisticians' queries in the sandbox. */
  readonly queries = new QueryGate();
  /** Counts the builds that changed what readers see: a chart drawn from older rows is not kept. */
  private generation = 0;
  /** Settled once the warehouse has tables to read; null until something asks for them. */
  private built: Promise<unknown> | null = null;
  /** Set by `open`, which needs the service to tell it of builds other nodes made. */
  private home!: WarehouseHome;

  private constructor(
    private readonly store: Store,
    readonly dataDir: string,
    /** Count only data approved at this level or above (null: once approved at the first level). */
    readonly countApprovedFrom: ApprovalLevel | null,
  ) {}

  /** The embedded store keeps its warehouse beside it; on PostgreSQL, nodes sharing a data folder share one. */
  static async open(
    store: Store,
    dataDir: string,
    countApprovedFrom: ApprovalLevel | null = null,
  ): Promise<AnalyticsService> {
    const service = new AnalyticsService(store, dataDir, countApprovedFrom);
    const open = store.backend === 'postgres' ? SharedWarehouse.open : OwnWarehouse.open;
    service.home = await open(store, dataDir, () => service.changed());
    if (await service.home.hasBuild()) service.built = Promise.resolve();
    return service;
  }

  /** Readers see another build: rows and charts read before it are dropped. */
  private changed(): void {
    this.results.clear();
    this.charts.clear();
    this.generation += 1;
  }

  /** A warehouse never built has no tables yet: the first read waits for the first build. */
  private whenBuilt(): Promise<unknown> {
    this.built ??= this.build().catch((error: unknown) => {
      this.built = null;
      throw error;
    });
    return this.built;
  }

  /** Builds the warehouse (in full, or what changed) and then the lake, after any build already queued. */
  async build(options: BuildOptions & { onLakeStep?: StepListener } = {}): Promise<BuildOutcome> {
    // Waits for the build lock: never null.
    return (await this.enqueue(options, () => undefined, true)) as BuildOutcome;
  }

  /**
   * Asks for an incremental refresh: requests made before it starts share it, requests made
   * while it runs get the next one (so no change waits for more than one build after its own).
   * Null when another node sharing the warehouse is building: that node heard of the change too.
   */
  refresh(): Promise<BuildOutcome | null> {
    if (this.waiting) return this.waiting;
    const next = this.enqueue(
      {},
      () => {
        if (this.waiting === next) this.waiting = null;
      },
      false,
    );
    this.waiting = next;
    return next;
  }

  private enqueue(
    options: BuildOptions & { onLakeStep?: StepListener },
    onStart: () => void,
    wait: boolean,
  ): Promise<BuildOutcome | null> {
    const run = this.chain.then(() => {
      onStart();
      return this.home.build(
        async (builder, built) => {
          // On PostgreSQL the build reads a copy of the store's tables: taken now, it holds every commit so far.
          await this.store.refreshAnalyticsCopy();
          const build = await buildWarehouse(builder, { ...options, countApprovedFrom: this.countApprovedFrom });
          built();
          const lake = await exportLake(builder, this.dataDir, build.touched, options.onLakeStep);
          return { build, lake };
        },
        wait,
        (outcome) => outcome.build.changed,
      );
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Writes the warehouse's tables as CSV files or an XLSX workbook, after queued builds. */
  exportTables(outDir: string, format: 'csv' | 'xlsx', onStep: StepListener = () => undefined): Promise<string[]> {
    const run = this.chain.then(() => this.home.read((connection) => exportTables(connection, outDir, format, onStep)));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** A dashboard query over the warehouse's tables (callers share the rows: they must not change them). */
  async query(sql: string, params?: Params): Promise<Row[]> {
    await this.whenBuilt();
    const key = JSON.stringify([sql, params ?? null]);
    const read = () =>
      this.home.readers.read((reader) =>
        rows(reader, sql, params).catch(async (error: unknown) => {
          throw (await this.home.recover(error)) ?? error;
        }),
      );
    return (await this.results.through(key, read)) ?? [];
  }

  /**
   * A dashboard query's rows and the chart drawn from them (as SVG). The drawing is kept like the
   * rows, under the caller's key for what else shapes it (size, language): drawing a chart costs
   * more than reading its rows.
   */
  async queryChart(
    sql: string,
    params: Params,
    key: string,
    draw: (rows: Row[]) => string,
  ): Promise<{ rows: Row[]; svg: string }> {
    const generation = this.generation;
    const found = await this.query(sql, params);
    const cacheKey = JSON.stringify([sql, params, key]);
    const kept = this.charts.get(cacheKey);
    if (kept !== undefined) return { rows: found, svg: kept };
    const svg = draw(found);
    // Rows read before a build that has since committed are drawn for this caller only.
    if (generation === this.generation) this.charts.set(cacheKey, svg);
    return { rows: found, svg };
  }

  /** The SQL sandbox over the lake, opened on first use: a process for each place the gate gives. */
  sandbox(): Promise<SandboxProcesses> {
    this.sandboxOpening ??= SandboxProcesses.open({ dataDir: this.dataDir, processes: SQL_PLACES });
    return this.sandboxOpening;
  }

  /** The warehouse file dashboards read (null: none built yet), and whether nodes sharing the data folder share it. */
  where(): { file: string | null; shared: boolean } {
    return { file: this.home.file, shared: this.home.shared };
  }

  /** When the last build ran and up to which stored changes it read (null: never built). */
  lastBuild(): Promise<LastBuild> {
    const run = this.chain.then(async () => {
      if (!(await this.home.hasBuild())) return { builtAt: null, revisionsUntil: null, assignmentsUntil: null };
      return this.home.read((connection) => lastBuild(connection));
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Waits for queued builds (tests, shutdown). */
  async idle(): Promise<void> {
    await this.chain;
  }

  async close(): Promise<void> {
    await this.idle();
    if (this.sandboxOpening) (await this.sandboxOpening).close();
    this.home.close();
  }
}
