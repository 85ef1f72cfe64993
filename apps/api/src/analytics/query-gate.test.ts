import { describe, expect, it } from 'vitest';
import { QueryGate } from './query-gate.js';

describe('QueryGate', () => {
  it('lets each person run one query, and refuses a second at once with when to try again', async () => {
    const gate = new QueryGate(2, 1, 50);
    const release = await gate.enter('stat');
    const refused = await gate.enter('stat').catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 429, code: 'sql_busy', headers: { 'Retry-After': '5' } });
    release();
    release();
    (await gate.enter('stat'))();
  });

  it('hands a place to the query that waited, not to one arriving meanwhile, and refuses after the wait', async () => {
    const gate = new QueryGate(1, 1, 100);
    const first = await gate.enter('a');
    const waiting = gate.enter('b');
    first();
    // Arrives after the place was handed over: it must wait, and in vain.
    const late = await gate.enter('c').catch((e: unknown) => e);
    expect(late).toMatchObject({ status: 429, code: 'sql_busy' });
    (await waiting)();
    (await gate.enter('c'))();
  });
});
