/**
 * Keeps a count fresh without a storm of requests: a call while one is in flight shares it, and a
 * call soon after the last answer (a route change right after the minute's poll) reuses that answer.
 * @example const poll = throttledRefresh(() => api.unreadCount().then((r) => (unread.value = r.unread)), 10_000)
 */
export function throttledRefresh(fetch: () => Promise<void>, minGapMs: number, now: () => number = Date.now) {
  let inFlight: Promise<void> | null = null;
  let answeredAt = Number.NEGATIVE_INFINITY;
  return {
    /**
     * Refreshes unless an answer younger than the gap is at hand;
     * `force` refreshes anyway (after a change of one's own).
     */
    refresh(force = false): Promise<void> {
      if (inFlight) return inFlight;
      if (!force && now() - answeredAt < minGapMs) return Promise.resolve();
      inFlight = fetch()
        .then(() => {
          answeredAt = now();
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    /** Forgets the last answer (logged out): the next refresh asks again. */
    reset(): void {
      answeredAt = Number.NEGATIVE_INFINITY;
    },
  };
}
