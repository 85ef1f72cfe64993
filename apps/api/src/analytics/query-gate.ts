import { Failure } from '../http/failure.js';

/** Seconds a refused statistician is told to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

/** How many statisticians' queries run at once in all: one sandbox process each. */
export const SQL_PLACES = 2;

/**
 * How many statisticians' queries run at once: one per person, two in all. Each runs in a sandbox
 * process of its own on one of the machine's few cores, so a reporter's save never waits behind a
 * room of heavy queries. A query finding every place taken waits briefly for one, and is then
 * refused with 429 and when to try again.
 */
export class QueryGate {
  private running = 0;
  private readonly perUser = new Map<string, number>();
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly total = SQL_PLACES,
    private readonly each = 1,
    private readonly waitMs = 2_000,
  ) {}

  /** Takes a place for `user`'s query; the function returned gives it back (once). */
  async enter(user: string): Promise<() => void> {
    if ((this.perUser.get(user) ?? 0) >= this.each) {
      throw busy('您已有一条查询正在运行，请等它结束后再试', 'you already have a query running; wait for it to finish');
    }
    this.perUser.set(user, (this.perUser.get(user) ?? 0) + 1);
    if (this.running < this.total) this.running += 1;
    else if (!(await this.place())) {
      this.leave(user);
      throw busy('当前运行的查询较多，请稍后再试', 'many queries are running just now; try again shortly');
    }
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.leave(user);
      // The place passes straight to the query waiting longest, so none arriving meanwhile can take it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
  }

  /** Waits for a running query to hand over its place; false when none did in time. */
  private place(): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(wake), 1);
        resolve(false);
      }, this.waitMs);
      this.waiting.push(wake);
    });
  }

  private leave(user: string): void {
    const left = (this.perUser.get(user) ?? 1) - 1;
    if (left > 0) this.perUser.set(user, left);
    else this.perUser.delete(user);
  }
}

const busy = (zh: string, en: string) =>
  new Failure(429, 'sql_busy', zh, en, [], { 'Retry-After': String(RETRY_AFTER_SECONDS) });
