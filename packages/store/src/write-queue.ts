import type { Db } from './db.js';
import { isDatabaseBusy, isDatabaseUnavailable } from './postgres/connection-loss.js';
import { inTransaction } from './transaction.js';

/** A unit of work run inside a write transaction. */
export type WriteJob<T> = (connection: Db) => Promise<T>;

/**
 * Several jobs of one kind written together: `run` gets every pending input and returns one
 * result per input (an Error for an input it refused) inside a single transaction.
 */
export interface BatchKind<I, O> {
  name: string;
  max: number;
  run: (connection: Db, inputs: I[]) => Promise<Array<O | Error>>;
  /** Told what was written once the transaction has committed (to keep caches of it right). */
  committed?: (connection: Db, results: Array<O | Error>) => void;
}

interface Pending {
  /** Run outside a transaction (DuckDB's CHECKPOINT cannot run inside one). */
  raw?: boolean;
  kind: BatchKind<unknown, unknown> | null;
  input: unknown;
  job: WriteJob<unknown> | null;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Serialises every write through one connection. A promise resolves only after its
 * transaction has committed, so callers acknowledge only durable writes. Batchable jobs of
 * the same kind that are waiting together share one transaction (group commit).
 */
export class WriteQueue {
  private readonly pending: Pending[] = [];
  private running = false;

  constructor(private readonly connection: Db) {}

  /** Runs a job in its own transaction. */
  write<T>(job: WriteJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({
        kind: null,
        input: null,
        job: job as WriteJob<unknown>,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      void this.drain();
    });
  }

  /** Runs a job in queue order but outside any transaction, with no write running beside it. */
  exclusive<T>(job: WriteJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({
        raw: true,
        kind: null,
        input: null,
        job: job as WriteJob<unknown>,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      void this.drain();
    });
  }

  /** Adds an input to the next batch of its kind. */
  batch<I, O>(kind: BatchKind<I, O>, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({
        kind: kind as BatchKind<unknown, unknown>,
        input,
        job: null,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const head = this.pending[0] as Pending;
        if (head.kind === null) {
          this.pending.shift();
          await this.runSingle(head);
        } else {
          let n = 0;
          while (n < this.pending.length && n < head.kind.max && this.pending[n]?.kind === head.kind) n++;
          await this.runBatch(head.kind, this.pending.splice(0, n));
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async runSingle(item: Pending): Promise<void> {
    const job = item.job as WriteJob<unknown>;
    try {
      item.resolve(
        item.raw ? await job(this.connection) : await inTransaction(this.connection, () => job(this.connection)),
      );
    } catch (error) {
      item.reject(error);
    }
  }

  private async runBatch(kind: BatchKind<unknown, unknown>, items: Pending[]): Promise<void> {
    try {
      const results = await inTransaction(this.connection, () =>
        kind.run(
          this.connection,
          items.map((i) => i.input),
        ),
      );
      kind.committed?.(this.connection, results);
      items.forEach((item, i) => {
        const result = results[i];
        if (result instanceof Error) item.reject(result);
        else item.resolve(result);
      });
    } catch (error) {
      // A database out of reach (or too busy to answer in time) is no input's fault, and a COMMIT
      // it cut off may have landed: every caller hears of it (and may send again with its key)
      // rather than each being run again.
      if (items.length === 1 || isDatabaseUnavailable(error) || isDatabaseBusy(error)) {
        for (const item of items) item.reject(error);
        return;
      }
      // The whole batch rolled back: retry one by one so one bad input fails alone.
      for (const item of items) await this.runBatch(kind, [item]);
    }
  }
}
