import pg from 'pg';
import { placeholders, sqlTimestamp, type Cell, type Db, type Params, type Row } from '../db.js';
import { DatabaseUnavailableError, isConnectionLoss } from './connection-loss.js';

// Times and dates come back as the text DuckDB gives too (`2024-03-01 08:30:00.123`, `2024-03-01`),
// not as Dates in the process's own time zone. Stored times are UTC.
const AS_TEXT = new Set([pg.types.builtins.TIMESTAMP, pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.DATE]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    AS_TEXT.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * How long a connection's statements may run, wait for a row lock, and hold a transaction open
 * doing nothing, in ms (0: no limit). A statement stuck behind another node's lock or a slow plan
 * is cancelled and answered as busy rather than holding the node's one writer. The copier reads
 * whole tables for the warehouse; the lock holder waits for another node's build on purpose.
 */
const LIMITS: Record<string, { statement: number; lock: number; idle: number }> = {
  writer: { statement: 30_000, lock: 10_000, idle: 60_000 },
  reader: { statement: 30_000, lock: 10_000, idle: 60_000 },
  listener: { statement: 30_000, lock: 10_000, idle: 60_000 },
  copier: { statement: 600_000, lock: 10_000, idle: 60_000 },
  locks: { statement: 0, lock: 0, idle: 0 },
};

/** The settings every connection starts with: UTC, its role's time limits, and a name that says what holds it. */
export function clientConfig(url: string, role: string): pg.ClientConfig {
  const limits = LIMITS[role] ?? (LIMITS['reader'] as (typeof LIMITS)[string]);
  const options =
    `-c TimeZone=UTC -c statement_timeout=${limits.statement} -c lock_timeout=${limits.lock} ` +
    `-c idle_in_transaction_session_timeout=${limits.idle}`;
  // Keep-alive lets the kernel notice a server that vanished without closing the socket.
  return {
    connectionString: url,
    types,
    application_name: `kesu ${role}`,
    options,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

// PostgreSQL binds at most 65,535 parameters in one statement.
const MAX_PARAMS = 65_535;

const cellParam = (cell: Cell): unknown => (cell instanceof Date ? sqlTimestamp(cell) : cell);

/** Statements that end a transaction, and those of them that roll it back. */
const ENDS_TRANSACTION = /^\s*(ROLLBACK|ABORT|COMMIT|END)\b/i;
const ROLLS_BACK = /^\s*(ROLLBACK|ABORT)\b/i;
/** Statements that may be sent again when the connection they went to was found dead: reads, and BEGIN. */
const SAFE_AGAIN = /^\s*(SELECT|BEGIN|START TRANSACTION)\b/i;

/** How long a connection that must stay open (the listener) waits between attempts while the server is away. */
const RETRY_MS = [100, 250, 500, 1_000, 2_000];

const unavailable = (error: unknown): DatabaseUnavailableError =>
  error instanceof DatabaseUnavailableError
    ? error
    : new DatabaseUnavailableError(error instanceof Error ? error : new Error(String(error)));

async function openClient(url: string, role: string): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(url, role));
  // Errors after connecting are the owner's to handle; unhandled, one would end the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * A connection to PostgreSQL, which other API nodes write to as well. When the server goes away
 * (a restart, a failover, a broken network) the connection is dropped and the next statement opens
 * a new one; until the server is back, statements fail with `DatabaseUnavailableError`. A
 * transaction the lost connection held is gone with it (the server rolled it back): its remaining
 * statements fail too, COMMIT above all, until its ROLLBACK, so no write is ever acknowledged
 * that was not committed, and none runs outside the transaction it belonged to.
 */
export class PostgresDb implements Db {
  readonly dialect = 'postgres';
  readonly shared = true;

  private current: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  /** Set when the connection was lost inside a transaction begun through this object. */
  private lostTransaction: DatabaseUnavailableError | null = null;
  private readonly hooks: Array<(client: pg.Client) => Promise<void>> = [];
  private keepOpen = false;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly role: string,
    client: pg.Client,
  ) {
    this.adopt(client);
  }

  static async connect(url: string, role: string): Promise<PostgresDb> {
    return new PostgresDb(url, role, await openClient(url, role));
  }

  /** Whether a connection is open now (false while the server is away, until the next one is made). */
  get connected(): boolean {
    return this.current !== null;
  }

  /** Runs `hook` on the connection now and on every one opened after a loss (to LISTEN again, say). */
  async onConnect(hook: (client: pg.Client) => Promise<void>): Promise<void> {
    this.hooks.push(hook);
    await this.session(hook);
  }

  /**
   * Reconnects as soon as the server is back rather than at the next statement: for a connection
   * that is mostly listened on, which no statement would wake.
   */
  keepConnected(): void {
    this.keepOpen = true;
    if (!this.current) this.scheduleRetry(0);
  }

  /**
   * Hands the live connection (opening one if the last was lost) to work that runs whole
   * transactions or streams on it itself. A connection lost meanwhile fails the work with
   * `DatabaseUnavailableError`.
   */
  async session<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = await this.live();
    try {
      return await work(client);
    } catch (error) {
      const failure = this.failed(client, error);
      // The work owned whatever transaction died with the connection.
      if (failure instanceof DatabaseUnavailableError) this.lostTransaction = null;
      throw failure;
    }
  }

  async rows(sql: string, params?: Params): Promise<Row[]> {
    return this.statement(
      sql,
      [],
      async (client) => (await client.query(sql, params as unknown[] | undefined)).rows as Row[],
    );
  }

  async exec(sql: string, params?: Params): Promise<number> {
    return this.statement(
      sql,
      0,
      async (client) => (await client.query(sql, params as unknown[] | undefined)).rowCount ?? 0,
    );
  }

  async script(sql: string): Promise<void> {
    await this.statement(sql, undefined, (client) => client.query(sql));
  }

  async append(table: string, rows: readonly Cell[][]): Promise<void> {
    if (rows.length === 0) return;
    const width = rows[0]?.length ?? 1;
    const per = Math.floor(MAX_PARAMS / width);
    for (let start = 0; start < rows.length; start += per) {
      const chunk = rows.slice(start, start + per);
      const sql = `INSERT INTO ${table} VALUES ${placeholders(chunk.length, width)}`;
      await this.statement(sql, undefined, (client) => client.query(sql, chunk.flat().map(cellParam)));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.current;
    this.current = null;
    // A connection being opened now is ended by `reconnect` once it sees the store closed.
    await this.connecting?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  /**
   * Runs one statement. After the connection was lost inside a transaction, the transaction's
   * statements fail with the loss until the one that ends it; a ROLLBACK then succeeds with
   * `nothing`, as there is nothing left to roll back.
   */
  private async statement<T>(
    sql: string,
    nothing: T,
    run: (client: pg.Client) => Promise<T>,
    retried = false,
  ): Promise<T> {
    const lost = this.lostTransaction;
    if (lost) {
      if (ENDS_TRANSACTION.test(sql)) this.lostTransaction = null;
      if (ROLLS_BACK.test(sql)) return nothing;
      throw lost;
    }
    const client = await this.live();
    // Read before running: the status the last statement left, outside any transaction or inside one.
    const idle = client.getTransactionStatus() === 'I';
    try {
      return await run(client);
    } catch (error) {
      const failure = this.failed(client, error);
      // A connection that died while idle (cut by a restart or a firewall) costs no request: a
      // query or a BEGIN changes nothing, so it is sent once more on a new connection.
      if (failure instanceof DatabaseUnavailableError && idle && !retried && SAFE_AGAIN.test(sql))
        return this.statement(sql, nothing, run, true);
      throw failure;
    }
  }

  /** The open connection, or a new one when the last was lost (shared by callers asking at once). */
  private live(): Promise<pg.Client> {
    if (this.current) return Promise.resolve(this.current);
    if (this.closed) return Promise.reject(unavailable(new Error('Client was closed and is not queryable')));
    this.connecting ??= this.reconnect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async reconnect(): Promise<pg.Client> {
    let client: pg.Client;
    try {
      client = await openClient(this.url, this.role);
    } catch (error) {
      throw unavailable(error);
    }
    try {
      for (const hook of this.hooks) await hook(client);
      if (this.closed) throw new Error('Client was closed and is not queryable');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw unavailable(error);
    }
    this.adopt(client);
    return client;
  }

  private adopt(client: pg.Client): void {
    this.current = client;
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, new Error('Connection terminated')));
  }

  /** A query's error: the connection's loss becomes `DatabaseUnavailableError`, anything else stays as it was. */
  private failed(client: pg.Client, error: unknown): unknown {
    if (!isConnectionLoss(error)) return error;
    this.lose(client, error as Error);
    return unavailable(error);
  }

  /** Drops a connection that broke; the next statement (or the retry, if kept open) opens another. */
  private lose(client: pg.Client, error: Error): void {
    if (this.current !== client) return;
    this.current = null;
    const status = client.getTransactionStatus();
    if (status === 'T' || status === 'E') this.lostTransaction = unavailable(error);
    void client.end().catch(() => undefined);
    if (this.keepOpen) this.scheduleRetry(0);
  }

  private scheduleRetry(attempt: number): void {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(
      () => {
        this.retry = null;
        this.live().catch(() => this.scheduleRetry(attempt + 1));
      },
      RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)],
    );
    this.retry.unref();
  }
}
