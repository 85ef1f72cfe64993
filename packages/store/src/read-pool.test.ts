import { describe, expect, it } from 'vitest';
import { ReadPool } from './read-pool.js';

/** A read that finishes when told to, recording which connection ran it. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

describe('a read pool', () => {
  it('runs as many reads at once as it has connections, the next as soon as one is free', async () => {
    const pool = new ReadPool(['a', 'b']);
    const slow = gate();
    const running: string[] = [];
    const first = pool.read(async (c) => {
      running.push(c);
      await slow.done;
    });
    const second = pool.read(async (c) => {
      running.push(c);
    });
    await second;
    // The second read did not wait behind the slow first one.
    expect(running).toHaveLength(2);
    expect(new Set(running).size).toBe(2);
    const third = pool.read(async (c) => c);
    expect(await third).toBeTypeOf('string');
    slow.open();
    await first;
  });

  it('runs a read that needs every connection alone, after the reads under way', async () => {
    const pool = new ReadPool([1, 2, 3]);
    const slow = gate();
    const log: string[] = [];
    const reading = pool.read(async () => {
      await slow.done;
      log.push('read');
    });
    const exclusive = pool.all(async () => log.push('all'));
    await Promise.resolve();
    expect(log).toEqual([]);
    slow.open();
    await Promise.all([reading, exclusive]);
    expect(log).toEqual(['read', 'all']);
  });

  it('hands a connection back when a read fails', async () => {
    const pool = new ReadPool(['only']);
    await expect(pool.read(async () => Promise.reject(new Error('bad SQL')))).rejects.toThrow('bad SQL');
    expect(await pool.read(async (c) => c)).toBe('only');
  });

  it('closes every connection it holds', async () => {
    const closed: number[] = [];
    const pool = await ReadPool.open(
      async () => closed.length + 10,
      2,
      async (c) => void closed.push(c),
    );
    await pool.close();
    expect(closed).toEqual([10, 10]);
  });
});
