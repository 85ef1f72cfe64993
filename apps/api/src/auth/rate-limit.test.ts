import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, openTestStore, type TestStore } from '@kesu/store/testing';
import { LoginLimiter } from './rate-limit.js';

describe.each(BACKENDS)('LoginLimiter on %s', (backend) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(() => t.dispose());

  it('blocks a user name after its limit, says for how long, and frees it when the window moves on', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const start = now;
    const limiter = new LoginLimiter(t.store, 3, 10, 60_000, () => now);
    const keys = ['user:a', 'ip:1.2.3.4'];
    for (let i = 0; i < 3; i++) {
      now = start + i * 1000;
      await limiter.fail(keys);
    }
    expect(await limiter.retryAfter(keys)).toBe(58);
    expect(await limiter.retryAfter(['user:b', 'ip:1.2.3.4'])).toBeNull();
    now = start + 60_001;
    expect(await limiter.retryAfter(keys)).toBeNull();
  });

  it('allows an address more failures than a single user name', async () => {
    const limiter = new LoginLimiter(t.store, 2, 5);
    for (let i = 0; i < 4; i++) await limiter.fail([`user:u${i}`, 'ip:x']);
    expect(await limiter.retryAfter(['user:new', 'ip:x'])).toBeNull();
    await limiter.fail(['user:u9', 'ip:x']);
    expect(await limiter.retryAfter(['user:new', 'ip:x'])).toBeGreaterThan(0);
  });

  it('clears the user name on success but not the address, so one good account does not reset a spray', async () => {
    const limiter = new LoginLimiter(t.store, 3, 5);
    for (let i = 0; i < 4; i++) await limiter.fail([`user:s${i}`, 'ip:y']);
    await limiter.fail(['user:good', 'ip:y']);
    await limiter.succeed(['user:good', 'ip:y']);
    expect(await limiter.retryAfter(['user:good'])).toBeNull();
    expect(await limiter.retryAfter(['user:other', 'ip:y'])).toBeGreaterThan(0);
  });

  it('counts the same failures from two nodes on one database, and from a node started after them', async () => {
    const first = new LoginLimiter(t.store, 4, 100);
    const second = new LoginLimiter(t.store, 4, 100);
    for (let i = 0; i < 2; i++) await first.fail(['user:shared']);
    for (let i = 0; i < 2; i++) await second.fail(['user:shared']);
    expect(await first.retryAfter(['user:shared'])).toBeGreaterThan(0);
    const restarted = new LoginLimiter(await t.reopen(), 4, 100);
    expect(await restarted.retryAfter(['user:shared'])).toBeGreaterThan(0);
  });

  it('forgets names whose failures have left the window', async () => {
    // Later than every failure the tests before this one recorded, so the sweep reaches them all.
    let now = Date.now() + 86_400_000;
    const limiter = new LoginLimiter(t.store, 3, 100_000, 1000, () => now);
    const before = await limiter.size();
    for (let i = 0; i < 500; i++) await limiter.fail([`user:n${i}`]);
    // Asking about names never tried keeps nothing.
    for (let i = 0; i < 50; i++) await limiter.retryAfter([`user:never${i}`]);
    expect((await limiter.size()) - before).toBe(500);
    now += 2000;
    // The sweep runs every 1,000 failures recorded by a node.
    for (let i = 0; i < 500; i++) await limiter.fail([`user:late${i % 10}`]);
    expect(await limiter.size()).toBe(10);
  }, 60_000);
});
