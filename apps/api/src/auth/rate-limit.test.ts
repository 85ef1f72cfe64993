import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './rate-limit.js';

describe('LoginLimiter', () => {
  it('blocks a user name after its limit and frees it when the window moves on', () => {
    let now = 0;
    const limiter = new LoginLimiter(3, 10, 1000, () => now);
    const keys = ['user:a', 'ip:1.2.3.4'];
    for (let i = 0; i < 3; i++) limiter.fail(keys);
    expect(limiter.blocked(keys)).toBe(true);
    expect(limiter.blocked(['user:b', 'ip:1.2.3.4'])).toBe(false);
    now = 1001;
    expect(limiter.blocked(keys)).toBe(false);
  });

  it('allows an address more failures than a single user name', () => {
    const limiter = new LoginLimiter(2, 5);
    for (let i = 0; i < 4; i++) limiter.fail([`user:u${i}`, 'ip:x']);
    expect(limiter.blocked(['user:new', 'ip:x'])).toBe(false);
    limiter.fail(['user:u9', 'ip:x']);
    expect(limiter.blocked(['user:new', 'ip:x'])).toBe(true);
  });

  it('clears a key on success', () => {
    const limiter = new LoginLimiter(1);
    limiter.fail(['user:a']);
    limiter.succeed(['user:a']);
    expect(limiter.blocked(['user:a'])).toBe(false);
  });
});
