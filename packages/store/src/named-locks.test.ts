import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './database.js';
import { BACKENDS, openTestStore, type TestStore } from './testing/index.js';

/** A promise and the function that settles it, to hold a lock for as long as a test wants. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe.each(BACKENDS)('named locks on %s', (backend) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(backend);
  });
  afterEach(() => t.dispose());

  it('refuse a second caller of this process that will not wait, and queue one that will', async () => {
    const held = gate();
    const order: string[] = [];
    const first = t.store.exclusively(
      'build',
      async () => {
        order.push('first');
        await held.opened;
        return 1;
      },
      true,
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(await t.store.exclusively('build', async () => 2, false)).toBeNull();
    const queued = t.store.exclusively('build', async () => (order.push('queued'), 3), true);
    // Another name is free meanwhile.
    expect(await t.store.exclusively('other', async () => 4, false)).toBe(4);
    held.open();
    expect(await Promise.all([first, queued])).toEqual([1, 3]);
    expect(order).toEqual(['first', 'queued']);
  });

  it('free the lock when the work fails', async () => {
    await expect(t.store.exclusively('build', async () => Promise.reject(new Error('boom')), true)).rejects.toThrow(
      'boom',
    );
    expect(await t.store.exclusively('build', async () => 'again', false)).toBe('again');
  });
});

describe('named locks on postgres, between two processes', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore('postgres');
  });
  afterEach(() => t.dispose());

  it('are held by one process at a time: the other is refused, or waits for the release', async () => {
    const other = await openStore(t.location);
    try {
      const held = gate();
      const first = t.store.exclusively('warehouse', () => held.opened, true);
      await new Promise((r) => setTimeout(r, 50));
      expect(await other.exclusively('warehouse', async () => 'ran', false)).toBeNull();
      let waited = false;
      const waiting = other.exclusively('warehouse', async () => (waited = true), true);
      await new Promise((r) => setTimeout(r, 100));
      expect(waited).toBe(false);
      held.open();
      await first;
      expect(await waiting).toBe(true);
      // Released again: the first process takes it without waiting.
      expect(await t.store.exclusively('warehouse', async () => 'mine', false)).toBe('mine');
    } finally {
      await other.close();
    }
  });
});
