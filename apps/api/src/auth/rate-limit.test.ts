import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './rate-limit.js';

describe('LoginLimiter', () => {
  it('blocks a user name after its limit, says for how long, and frees it when the window moves on', () => {
    let now = 0;
    const limiter = new LoginLimiter(3, 10, 60_000, () => now);
    const keys = ['user:a', 'ip:1.2.3.4'];
    for (let i = 0; i < 3; i++) {
      now = i * 1000;
      limiter.fail(keys);
    }
    expect(limiter.retryAfter(keys)).toBe(58);
    expect(limiter.retryAfter(['user:b', 'ip:1.2.3.4'])).toBeNull();
    now = 60_001;
    expect(limiter.retryAfter(keys)).toBeNull();
  });

  it('allows an address more failures than a single user name', () => {
    const limiter = new LoginLimiter(2, 5);
    for (let i = 0; i < 4; i++) limiter.fail([`user:u${i}`, 'ip:x']);
    expect(limiter.retryAfter(['user:new', 'ip:x'])).toBeNull();
    limiter.fail(['user:u9', 'ip:x']);
    expect(limiter.retryAfter(['user:new', 'ip:x'])).toBeGreaterThan(0);
  });

  it('clears the user name on success but not the address, so one good account does not reset a spray', () => {
    const limiter = new LoginLimiter(3, 5);
    for (let i = 0; i < 4; i++) limiter.fail([`user:u${i}`, 'ip:x']);
    limiter.fail(['user:a', 'ip:x']);
    limiter.succeed(['user:a', 'ip:x']);
    expect(limiter.retryAfter(['user:a'])).toBeNull();
    expect(limiter.retryAfter(['user:other', 'ip:x'])).toBeGreaterThan(0);
  });

  it('forgets names whose failures have left the window', () => {
    let now = 0;
    const limiter = new LoginLimiter(3, 100_000, 1000, () => now);
    for (let i = 0; i < 500; i++) limiter.fail([`user:n${i}`]);
    // Asking about names never tried keeps nothing.
    for (let i = 0; i < 500; i++) limiter.retryAfter([`user:never${i}`]);
    expect(limiter.size).toBe(500);
    now = 2000;
    for (let i = 0; i < 1000; i++) limiter.fail([`user:late${i % 10}`]);
    expect(limiter.size).toBe(10);
  });
});
