import { describe, expect, it } from 'vitest';
import { throttledRefresh } from './inbox-poll';

function counter() {
  let calls = 0;
  const pending: Array<() => void> = [];
  return {
    get calls() {
      return calls;
    },
    fetch: () =>
      new Promise<void>((resolve) => {
        calls++;
        pending.push(resolve);
      }),
    answer: () => pending.splice(0).forEach((r) => r()),
  };
}

describe('the unread count refresh', () => {
  it('shares a request in flight and reuses an answer younger than the gap', async () => {
    let clock = 1_000;
    const server = counter();
    const poll = throttledRefresh(server.fetch, 10_000, () => clock);
    const a = poll.refresh();
    const b = poll.refresh();
    expect(server.calls).toBe(1);
    server.answer();
    await Promise.all([a, b]);
    clock += 5_000;
    await poll.refresh();
    expect(server.calls).toBe(1);
    clock += 6_000;
    const c = poll.refresh();
    expect(server.calls).toBe(2);
    server.answer();
    await c;
  });

  it('asks again at once when forced (a notice just read) or after a log-out', async () => {
    const server = counter();
    const poll = throttledRefresh(server.fetch, 60_000, () => 0);
    const first = poll.refresh();
    server.answer();
    await first;
    const forced = poll.refresh(true);
    expect(server.calls).toBe(2);
    server.answer();
    await forced;
    poll.reset();
    const after = poll.refresh();
    expect(server.calls).toBe(3);
    server.answer();
    await after;
  });

  it('tries again on the next call after a failed request', async () => {
    let fail = true;
    let calls = 0;
    const poll = throttledRefresh(
      async () => {
        calls++;
        if (fail) throw new Error('offline');
      },
      60_000,
      () => 0,
    );
    await expect(poll.refresh()).rejects.toThrow('offline');
    fail = false;
    await poll.refresh();
    expect(calls).toBe(2);
  });
});
