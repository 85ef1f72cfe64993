import { describe, expect, it } from 'vitest';
import { AutosaveQueue, type DraftStorage, type SaveState } from './autosave-queue';

class MemoryStorage implements DraftStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

/** Timers the test fires by hand, so nothing depends on the clock. */
class ManualTimers {
  private next = 1;
  readonly waiting = new Map<number, { fn: () => void; ms: number }>();
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.waiting.set(id, { fn, ms });
    return id;
  };
  clear = (handle: unknown) => {
    this.waiting.delete(handle as number);
  };
  /** Fires every waiting timer once; returns the delays they were set for. */
  fire(): number[] {
    const due = [...this.waiting.entries()];
    this.waiting.clear();
    for (const [, t] of due) t.fn();
    return due.map(([, t]) => t.ms);
  }
}

const OFFLINE = new Error('offline');

function setup(send: (payload: { n: number }) => Promise<void>) {
  const storage = new MemoryStorage();
  const timers = new ManualTimers();
  const states: SaveState[] = [];
  let clock = 1000;
  const queue = new AutosaveQueue<{ n: number }>({
    key: 'draft:a1',
    storage,
    send,
    isOffline: (e) => e === OFFLINE,
    onState: (s) => states.push(s),
    delayMs: 1500,
    retryMs: 2000,
    now: () => clock++,
    timers,
  });
  return { storage, timers, states, queue };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AutosaveQueue', () => {
  it('keeps a change in storage at once and sends only the last of quick changes after the pause', async () => {
    const sent: number[] = [];
    const { storage, timers, queue } = setup(async (p) => {
      sent.push(p.n);
    });
    queue.change({ n: 1 });
    queue.change({ n: 2 });
    expect(JSON.parse(storage.getItem('draft:a1')!).payload).toEqual({ n: 2 });
    expect(sent).toEqual([]);
    expect(timers.fire()).toEqual([1500]);
    await settle();
    expect(sent).toEqual([2]);
    expect(storage.getItem('draft:a1')).toBeNull();
    expect(queue.state).toBe('saved');
  });

  it('keeps the copy through a lost connection, retries with growing pauses, sends it when back online', async () => {
    let connected = false;
    const sent: number[] = [];
    const { storage, timers, states, queue } = setup(async (p) => {
      if (!connected) throw OFFLINE;
      sent.push(p.n);
    });
    queue.change({ n: 7 });
    timers.fire();
    await settle();
    expect(queue.state).toBe('offline');
    expect(storage.getItem('draft:a1')).not.toBeNull();
    expect(timers.fire()).toEqual([2000]);
    await settle();
    expect(timers.fire()).toEqual([4000]);
    await settle();
    connected = true;
    queue.online();
    await settle();
    expect(sent).toEqual([7]);
    expect(storage.getItem('draft:a1')).toBeNull();
    expect(states).toEqual([
      'pending',
      'saving',
      'offline',
      'saving',
      'offline',
      'saving',
      'offline',
      'saving',
      'saved',
    ]);
  });

  it('finds a copy left from before a reload and sends it on flush', async () => {
    const first = setup(async () => {
      throw OFFLINE;
    });
    first.queue.change({ n: 3 });
    first.queue.dispose();
    const sent: number[] = [];
    const again = new AutosaveQueue<{ n: number }>({
      key: 'draft:a1',
      storage: first.storage,
      send: async (p) => {
        sent.push(p.n);
      },
      isOffline: () => false,
    });
    expect(again.pending()?.payload).toEqual({ n: 3 });
    expect(await again.flush()).toBe(true);
    expect(sent).toEqual([3]);
    expect(again.pending()).toBeNull();
  });

  it('sends a change made while an earlier one was on its way, and only then drops the copy', async () => {
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const { storage, queue } = setup(
      (p) =>
        new Promise<void>((resolve) => {
          sent.push(p.n);
          release = resolve;
        }),
    );
    queue.change({ n: 1 });
    const done = queue.flush();
    queue.change({ n: 2 });
    release();
    await settle();
    expect(storage.getItem('draft:a1')).not.toBeNull();
    release();
    expect(await done).toBe(true);
    expect(sent).toEqual([1, 2]);
    expect(storage.getItem('draft:a1')).toBeNull();
  });

  it('stops retrying a change the server refused, keeping it until the next change', async () => {
    const refused = new Error('validation');
    let calls = 0;
    const { storage, timers, queue } = setup(async () => {
      calls++;
      throw refused;
    });
    queue.change({ n: 1 });
    timers.fire();
    await settle();
    expect(queue.state).toBe('rejected');
    expect(queue.lastError).toBe(refused);
    expect(timers.waiting.size).toBe(0);
    expect(calls).toBe(1);
    expect(storage.getItem('draft:a1')).not.toBeNull();
  });

  it('forgets a damaged stored copy instead of failing', () => {
    const { storage, queue } = setup(async () => undefined);
    storage.setItem('draft:a1', '{not json');
    expect(queue.pending()).toBeNull();
    expect(storage.getItem('draft:a1')).toBeNull();
  });

  it('sends nothing while paused for a submit: the waiting change is held, one on its way lands first', async () => {
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const { storage, timers, queue } = setup(
      (p) =>
        new Promise<void>((resolve) => {
          sent.push(p.n);
          release = resolve;
        }),
    );
    queue.change({ n: 1 });
    void queue.flush();
    queue.change({ n: 2 });
    let paused = false;
    const pausing = queue.pause().then(() => (paused = true));
    await settle();
    expect(paused).toBe(false);
    release();
    await pausing;
    // The change made while the first was on its way stays in the browser, unsent.
    expect(sent).toEqual([1]);
    expect(queue.state).toBe('pending');
    queue.change({ n: 3 });
    queue.online();
    expect(timers.waiting.size).toBe(0);
    expect(await queue.flush()).toBe(false);
    expect(sent).toEqual([1]);
    // Submitted: the copy goes, and nothing is ever sent after it.
    queue.discard();
    queue.change({ n: 4 });
    expect(timers.waiting.size).toBe(0);
    expect(sent).toEqual([1]);
    expect(storage.getItem('draft:a1')).not.toBeNull();
  });

  it('sends what waits after the usual pause once resumed (the submit failed)', async () => {
    const sent: number[] = [];
    const { timers, queue } = setup(async (p) => {
      sent.push(p.n);
    });
    queue.change({ n: 1 });
    await queue.pause();
    expect(timers.waiting.size).toBe(0);
    queue.resume();
    expect(timers.fire()).toEqual([1500]);
    await settle();
    expect(sent).toEqual([1]);
    expect(queue.state).toBe('saved');
  });

  it('discards the copy and its timer', () => {
    const { storage, timers, queue } = setup(async () => undefined);
    queue.change({ n: 1 });
    queue.discard();
    expect(storage.getItem('draft:a1')).toBeNull();
    expect(timers.waiting.size).toBe(0);
    expect(queue.state).toBe('idle');
  });
});
