import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('forgets entries after their time and when told', () => {
    let now = 0;
    const cache = new TtlCache<string, number>(100, 10, () => now);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    now = 101;
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 2);
    cache.delete('b');
    expect(cache.get('b')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new TtlCache<number, number>(1000, 2);
    cache.set(1, 1);
    cache.set(2, 2);
    cache.set(3, 3);
    expect([cache.get(1), cache.get(2), cache.get(3)]).toEqual([undefined, 2, 3]);
  });

  it('loads through on a miss only, and keeps no undefined', async () => {
    const cache = new TtlCache<string, number>(1000);
    let loads = 0;
    const load = async () => {
      loads++;
      return loads === 1 ? undefined : 7;
    };
    expect(await cache.through('k', load)).toBeUndefined();
    expect(await cache.through('k', load)).toBe(7);
    expect(await cache.through('k', load)).toBe(7);
    expect(loads).toBe(2);
  });

  it('shares one load among callers missing the same key at once', async () => {
    const cache = new TtlCache<string, number>(1000);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return 9;
    };
    expect(await Promise.all([cache.through('k', load), cache.through('k', load), cache.through('k', load)])).toEqual([
      9, 9, 9,
    ]);
    expect(loads).toBe(1);
  });

  it('does not keep a value loaded while the key was deleted', async () => {
    const cache = new TtlCache<string, number>(1000);
    const pending = cache.through('k', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return 1;
    });
    cache.delete('k');
    expect(await pending).toBe(1);
    expect(cache.get('k')).toBeUndefined();
  });

  it('forgets everything on clear, and keeps nothing a load under way brings back', async () => {
    const cache = new TtlCache<string, number>(1000);
    cache.set('a', 1);
    const pending = cache.through('k', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return 2;
    });
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    expect(await pending).toBe(2);
    expect(cache.get('k')).toBeUndefined();
  });
});
