/** Where unsent drafts wait: localStorage in the browser, a map in tests. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'rejected';

/** A change kept in the browser until the server has it. */
export interface DraftCopy<T> {
  payload: T;
  changedAt: number;
}

export interface AutosaveOptions<T> {
  key: string;
  storage: DraftStorage;
  send: (payload: T) => Promise<void>;
  /** Whether a failure means "no connection" (retry) rather than "refused" (wait for the next change). */
  isOffline: (error: unknown) => boolean;
  onState?: (state: SaveState, error: unknown) => void;
  /** Pause after the last change before sending. */
  delayMs?: number;
  /** First retry after a lost connection; doubles up to a minute. */
  retryMs?: number;
  now?: () => number;
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

const MAX_RETRY_MS = 60_000;

/**
 * Saves a draft as the user types, so that a flaky connection never loses it: every change is
 * written to the browser's storage at once and sent after a pause; a send that fails for lack of
 * a connection is retried (and at once when the browser is back online), and the stored copy is
 * dropped only when the server has acknowledged exactly that change.
 * @example const queue = new AutosaveQueue({ key, storage: localStorage, send, isOffline }); queue.change(values)
 */
export class AutosaveQueue<T> {
  state: SaveState = 'idle';
  lastError: unknown = null;
  private timer: unknown = null;
  private retryMs: number;
  private inFlight: Promise<boolean> | null = null;
  private paused = false;
  private readonly o: Required<Omit<AutosaveOptions<T>, 'onState'>> & Pick<AutosaveOptions<T>, 'onState'>;

  constructor(options: AutosaveOptions<T>) {
    this.o = {
      delayMs: 1500,
      retryMs: 2000,
      now: () => Date.now(),
      timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      ...options,
    };
    this.retryMs = this.o.retryMs;
  }

  /** The copy not yet acknowledged by the server, if any (left from before a reload too). */
  pending(): DraftCopy<T> | null {
    const raw = this.o.storage.getItem(this.o.key);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as DraftCopy<T>;
    } catch {
      this.o.storage.removeItem(this.o.key);
      return null;
    }
  }

  /** Keeps a change in the browser at once and sends it after a pause in typing. */
  change(payload: T): void {
    const copy: DraftCopy<T> = { payload, changedAt: this.o.now() };
    this.o.storage.setItem(this.o.key, JSON.stringify(copy));
    this.retryMs = this.o.retryMs;
    this.setState('pending');
    if (!this.paused) this.schedule(this.o.delayMs);
  }

  /** Sends the latest unsent copy now; resolves true once the server has everything. */
  flush(): Promise<boolean> {
    this.cancel();
    if (this.paused) return Promise.resolve(false);
    if (this.inFlight) return this.inFlight.then(() => this.flush());
    if (!this.pending()) return Promise.resolve(true);
    this.inFlight = this.sendLatest().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * Holds every send until `resume()`, for a write that must come last (submitting): the pending
   * one is not made and one already on its way is waited for. Changes are still kept in storage.
   */
  async pause(): Promise<void> {
    this.paused = true;
    this.cancel();
    await this.inFlight;
  }

  /** Sends again (the submit failed): what waits goes after the usual pause. */
  resume(): void {
    this.paused = false;
    if (this.pending()) this.schedule(this.o.delayMs);
  }

  /** The browser says the connection is back: resend what waits. */
  online(): void {
    if (this.state === 'offline' || this.state === 'pending') void this.flush();
  }

  /** Forgets the unsent copy (the draft was submitted, or the user threw it away). */
  discard(): void {
    this.cancel();
    this.o.storage.removeItem(this.o.key);
    this.setState('idle');
  }

  /** Stops the timers (the page is left); the stored copy stays for next time. */
  dispose(): void {
    this.cancel();
  }

  private async sendLatest(): Promise<boolean> {
    const raw = this.o.storage.getItem(this.o.key);
    const copy = this.pending();
    if (raw === null || copy === null) return true;
    this.setState('saving');
    try {
      await this.o.send(copy.payload);
    } catch (error) {
      this.lastError = error;
      if (this.o.isOffline(error)) {
        this.setState('offline', error);
        this.schedule(this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      } else {
        this.setState('rejected', error);
      }
      return false;
    }
    this.lastError = null;
    // A change made while this one was on its way is still to be sent, unless sending is held.
    if (this.o.storage.getItem(this.o.key) !== raw) {
      if (!this.paused) return this.sendLatest();
      this.setState('pending');
      return false;
    }
    this.o.storage.removeItem(this.o.key);
    this.retryMs = this.o.retryMs;
    this.setState('saved');
    return true;
  }

  private schedule(ms: number): void {
    this.cancel();
    this.timer = this.o.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private cancel(): void {
    if (this.timer !== null) this.o.timers.clear(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState, error: unknown = null): void {
    this.state = state;
    this.o.onState?.(state, error);
  }
}
