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
  // A server that has been up: its sandbox processes are running.
  await (await statistician('warm')).request('POST', '/api/v1/sql', { sql: 'SELECT 1 AS one' });
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
  it(
    'ends twelve cross joins at once by 12 s, two run and ten refused with Retry-After, ' +
      'while a reporter’s save answers within 1 s',
    async () => {
      const statisticians = await Promise.all(Array.from({ length: 12 }, (_, i) => statistician(`heavy${i}`)));
      const started = performance.now();
      const queries = statisticians.map((s) => timed(() => s.request('POST', '/api/v1/sql', { sql: CROSS_JOIN })));
      // While they run (or wait for a place), a reporter saves a draft.
      await new Promise((r) => setTimeout(r, 500));
      const save = await timed(() =>
        reporter.request('PUT', `/api/v1/assignments/${f.own}/submission`, {
          values: { s1t1_note: '按计划推进' },
          formVersion: 1,
        }),
      );
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
    },
    30_000,
  );

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

  it(
    'answers six wide-row queries at once whole or cut by the byte cap and saying so, ' +
      'never a shorter answer that looks whole',
    async () => {
      const wide = await Promise.all(Array.from({ length: 6 }, (_, i) => statistician(`wide${i}`)));
      // About 500 MB as JSON each: more than the 32 MB an answer may carry.
      const answers = await Promise.all(
        wide.map((s) =>
          s.request('POST', '/api/v1/sql', { sql: "SELECT repeat('x', 5000) AS filler FROM range(100000)" }),
        ),
      );
      const answered = answers.filter((a) => a.status === 200);
      expect(answered.length).toBeGreaterThanOrEqual(2);
      for (const a of answered) {
        expect(a.body.truncated).toBe(true);
        const bytes = JSON.stringify(a.body.rows).length;
        expect(bytes).toBeLessThanOrEqual(32 * 1024 * 1024);
        expect(bytes).toBeGreaterThan(32 * 1024 * 1024 - 10_000);
      }
      for (const a of answers.filter((x) => x.status !== 200)) expect(a.status).toBe(429);
      const whole = await wide[0]!.request('POST', '/api/v1/sql', {
        sql: "SELECT repeat('x', 5000) AS filler FROM range(1000)",
      });
      expect(whole.status).toBe(200);
      expect(whole.body).toMatchObject({ truncated: false });
      expect(whole.body.rows).toHaveLength(1000);
    },
    60_000,
  );

  it(
    'stops a query that needs more memory than a sandbox process may hold, ' +
      'the server staying small, and runs the next',
    async () => {
      const stat = await statistician('greedy');
      const reply = await stat.request('POST', '/api/v1/sql', { sql: 'SELECT len(range(300000000)) AS n' });
      expect(reply.status).toBe(422);
      expect(reply.body.error?.code).toMatch(/^(out_of_memory|engine_stopped)$/);
      expect(process.memoryUsage().rss).toBeLessThan(4 * 2 ** 30);
      expect((await stat.request('POST', '/api/v1/sql', { sql: 'SELECT 42 AS answer' })).body.rows).toEqual([[42]]);
    },
    30_000,
  );
});
