import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, ownReporter, type Fixture } from './fixture.js';
import { addUser, Client, startHarness, type Harness, type Reply } from './harness.js';

/**
 * Statisticians' SQL under hostile load: a room of heavy queries at once is bounded by the sandbox's
 * places (one a person, two in all; the rest refused with when to try again), every query ends by
 * its limit, and a reporter's save is answered as quickly as ever meanwhile.
 */
let h: Harness;
let f: Fixture;
let reporter: Client;
const CROSS_JOIN = 'SELECT count(*) FROM range(1000000) a, range(1000000) b';

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  reporter = await ownReporter(h);
  await h.ctx.analytics.build({ full: true });
}, 60_000);
afterAll(() => h.close());

async function statistician(name: string): Promise<Client> {
  await addUser(h, name, 'statistician', '510000');
  const client = new Client(h);
  await client.login(name);
  return client;
}

const timed = async (work: () => Promise<Reply>): Promise<{ reply: Reply; ms: number }> => {
  const started = performance.now();
  const reply = await work();
  return { reply, ms: performance.now() - started };
};

describe('statisticians’ SQL under hostile load', () => {
  it('ends twelve cross joins at once by 12 s, two run and ten refused with Retry-After, while a reporter’s save answers within 1 s', async () => {
    const statisticians = await Promise.all(Array.from({ length: 12 }, (_, i) => statistician(`heavy${i}`)));
    const started = performance.now();
    const queries = statisticians.map((s) => timed(() => s.request('POST', '/api/v1/sql', { sql: CROSS_JOIN })));
    // While they run (or wait for a place), a reporter saves a draft.
    await new Promise((r) => setTimeout(r, 500));
    const save = await timed(() => reporter.request('PUT', `/api/v1/assignments/${f.own}/submission`, { values: { s1t1_note: '按计划推进' }, formVersion: 1 }));
    const answers = await Promise.all(queries);
    const allEnded = performance.now() - started;

    expect(save.reply.status).toBe(200);
    expect(save.ms).toBeLessThan(1_000);
    expect(allEnded).toBeLessThan(12_000);
    const statuses = answers.map((a) => a.reply.status).sort();
    // The two that ran were stopped at the 10 s limit; the others waited briefly and were refused.
    expect(statuses).toEqual([422, 422, ...Array(10).fill(429)]);
    for (const a of answers.filter((x) => x.reply.status === 429)) {
      expect(a.reply.headers.get('retry-after')).toBe('5');
      expect(a.reply.body.error?.code).toBe('sql_busy');
    }
  }, 30_000);

  it('refuses a person’s second query while their first runs, at once', async () => {
    const stat = await statistician('twice');
    const first = stat.request('POST', '/api/v1/sql', { sql: CROSS_JOIN });
    await new Promise((r) => setTimeout(r, 200));
    const second = await timed(() => stat.request('POST', '/api/v1/sql', { sql: 'SELECT 1 AS one' }));
    expect(second.reply.status).toBe(429);
    expect(second.reply.body.error?.message).toBe('您已有一条查询正在运行，请等它结束后再试');
    expect(second.ms).toBeLessThan(500);
    expect((await first).status).toBe(422);
    expect((await stat.request('POST', '/api/v1/sql', { sql: 'SELECT 1 AS one' })).status).toBe(200);
  }, 30_000);
});
