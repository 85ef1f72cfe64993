import { dateValue, timestampValue, type DuckDBAppender } from '@duckdb/node-api';
import { DuckDb, type Cell, type Db } from '@kesu/store';
import { DAY_MS } from './calendar.js';

/**
 * Rows added to one table, one short method per column type, called column by column in table
 * order: no per-cell type dispatch, because the hot tables take millions of rows. On DuckDB a
 * native Appender takes them; on any other engine they are buffered and sent as bulk inserts.
 * Opened with `openTables`.
 */
export abstract class Rows {
  abstract text(value: string): this;
  /** Text, or NULL. */
  abstract maybe(value: string | null): this;
  abstract int(value: number): this;
  abstract flag(value: boolean): this;
  /** A TIMESTAMP from milliseconds since 1970 (UTC, as the API writes them). */
  abstract time(ms: number): this;
  /** A DATE from days since 1970-01-01. */
  abstract day(days: number): this;
  abstract end(): void;
  /**
   * Resolves once the rows sent so far are written (rejecting if a write failed), or null when
   * nothing is in flight: lets the caller wait for the server instead of buffering a province.
   */
  abstract drained(): Promise<void> | null;
  /** Writes what is left and releases the table; rejects if any write failed. */
  abstract close(): Promise<void>;
}

/** DuckDB's Appender: rows go straight into the transaction's storage, many times faster than INSERT. */
class AppenderRows extends Rows {
  constructor(private readonly appender: DuckDBAppender) {
    super();
  }

  text(value: string): this {
    this.appender.appendVarchar(value);
    return this;
  }

  maybe(value: string | null): this {
    if (value === null) this.appender.appendNull();
    else this.appender.appendVarchar(value);
    return this;
  }

  int(value: number): this {
    this.appender.appendInteger(value);
    return this;
  }

  flag(value: boolean): this {
    this.appender.appendBoolean(value);
    return this;
  }

  time(ms: number): this {
    this.appender.appendTimestamp(timestampValue(BigInt(ms) * 1000n));
    return this;
  }

  day(days: number): this {
    this.appender.appendDate(dateValue(days));
    return this;
  }

  end(): void {
    this.appender.endRow();
  }

  drained(): null {
    return null;
  }

  async close(): Promise<void> {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

/**
 * Rows per bulk insert: large enough that a statement's round trip is small beside its rows,
 * small enough that a province is never held in memory at once.
 */
const CHUNK = 2_000;

/**
 * The inserts of the tables written together, chained on one promise: the connection runs one
 * statement at a time, so they reach the server in the order written, while the next rows are
 * being made.
 */
class InsertChain {
  private chain: Promise<void> = Promise.resolve();
  private inFlight = false;
  // The first failed insert: later ones are skipped (the transaction is lost anyway), and the
  // error waits for `drained` or `close`, since nobody awaits the chain in between.
  private failure: { error: unknown } | null = null;

  add(insert: () => Promise<void>): void {
    this.inFlight = true;
    this.chain = this.chain
      .then(() => (this.failure ? undefined : insert()))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
  }

  /** Resolves once every insert added so far is done; rejects with the first that failed. */
  async settled(): Promise<void> {
    const chain = this.chain;
    await chain;
    if (this.chain === chain) this.inFlight = false;
    if (this.failure) throw this.failure.error;
  }

  drained(): Promise<void> | null {
    return this.inFlight || this.failure ? this.settled() : null;
  }
}

/** Rows kept as cells and sent with `Db.append` every CHUNK rows, through the chain of their group. */
class BufferedRows extends Rows {
  private row: Cell[] = [];
  private buffered: Cell[][] = [];

  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly inserts: InsertChain,
  ) {
    super();
  }

  text(value: string): this {
    this.row.push(value);
    return this;
  }

  maybe(value: string | null): this {
    this.row.push(value);
    return this;
  }

  int(value: number): this {
    this.row.push(value);
    return this;
  }

  flag(value: boolean): this {
    this.row.push(value);
    return this;
  }

  time(ms: number): this {
    this.row.push(new Date(ms));
    return this;
  }

  day(days: number): this {
    this.row.push(new Date(days * DAY_MS).toISOString().slice(0, 10));
    return this;
  }

  end(): void {
    this.buffered.push(this.row);
    this.row = [];
    if (this.buffered.length >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.buffered.length === 0) return;
    const batch = this.buffered;
    this.buffered = [];
    this.inserts.add(() => this.db.append(this.table, batch));
  }

  drained(): Promise<void> | null {
    return this.inserts.drained();
  }

  async close(): Promise<void> {
    this.flush();
    await this.inserts.settled();
  }
}

/**
 * Tables written together in one transaction, by name (`{ forms: 'forms' }`): DuckDB Appenders,
 * or on another engine buffered rows whose inserts share one chain.
 */
export async function openTables<K extends string>(db: Db, names: Record<K, string>): Promise<Record<K, Rows>> {
  const inserts = new InsertChain();
  const tables = {} as Record<K, Rows>;
  for (const key of Object.keys(names) as K[]) {
    tables[key] =
      db instanceof DuckDb
        ? new AppenderRows(await db.connection.createAppender(names[key]))
        : new BufferedRows(db, names[key], inserts);
  }
  return tables;
}

/** Waits for the rows sent so far; null (nothing to wait for) on DuckDB, which writes them in place. */
export function tablesDrained<T extends Record<keyof T, Rows>>(tables: T): Promise<void> | null {
  const pending = (Object.values(tables) as Rows[]).map((rows) => rows.drained()).filter((p) => p !== null);
  return pending.length === 0 ? null : Promise.all(pending).then(() => undefined);
}

/** Closes every table, even when one fails; rejects with the first failure. */
export async function closeTables<T extends Record<keyof T, Rows>>(tables: T): Promise<void> {
  const closed = await Promise.allSettled((Object.values(tables) as Rows[]).map((rows) => rows.close()));
  const failed = closed.find((c) => c.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The tables one province's regions are written to. */
export interface RegionTables {
  planDocuments: Rows;
  plans: Rows;
  planRevisions: Rows;
  assignments: Rows;
  revisions: Rows;
}

export function openRegionTables(db: Db): Promise<RegionTables> {
  return openTables(db, {
    planDocuments: 'plan_documents',
    plans: 'plans',
    planRevisions: 'plan_revisions',
    assignments: 'assignments',
    revisions: 'submission_revisions',
  });
}
