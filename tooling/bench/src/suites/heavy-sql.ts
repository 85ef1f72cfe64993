import { performance } from 'node:perf_hooks';
import type { BenchRow } from '../report.js';

/** A logged-in client, as the api suite makes them. */
export interface Session {
  cookie: string;
  csrfToken: string;
  call: (method: string, pathname: string, body: unknown) => Promise<Record<string, unknown>>;
}
type LogIn = (url: string, who: { username: string; password: string }) => Promise<Session>;

const CROSS_JOIN = 'SELECT count(*) FROM range(1000000) a, range(1000000) b';
const STATISTICIANS = 4;
/** Saves measured in each window, one every 100 ms, as a person typing and saving would. */
const SAVES = 60;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** A reporter's draft saves, one at a time, each timed from sending to its answer. */
async function saveLatencies(reporter: Session, assignment: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const started = performance.now();
    await reporter.call('PUT', `/api/v1/assignments/${assignment}/submission`, { values: { f0: i }, formVersion: 1 });
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 100));
  }
  return times;
}

/** A statistician sending heavy queries until told to stop, waiting as long as a refusal asks. */
async function heavyQueries(
  url: string,
  statistician: { cookie: string; csrfToken: string },
  running: () => boolean,
): Promise<void> {
  while (running()) {
    const res = await fetch(`${url}/api/v1/sql`, {
      method: 'POST',
      headers: {
        cookie: statistician.cookie,
        'x-csrf-token': statistician.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ sql: CROSS_JOIN }),
    });
    await res.arrayBuffer();
    const wait = Number(res.headers.get('retry-after') ?? 0);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait * 1000));
  }
}

/**
 * A reporter's save latency while four statisticians run heavy SQL (cross joins stopped at the
 * sandbox's time limit, sent again as soon as allowed), beside the same saves with nobody querying.
 */
export async function saveLatencyUnderHeavySql(
  url: string,
  logIn: LogIn,
  admin: Session,
  reporter: Session,
  assignment: string,
  store: string,
): Promise<BenchRow[]> {
  await admin.call('POST', '/api/v1/warehouse/build', { full: true });
  const statisticians: Session[] = [];
  for (let i = 0; i < STATISTICIANS; i++) {
    const who = { username: `bench-stat-${i}`, password: 'bench-password-3' };
    await admin.call('POST', '/api/v1/users', {
      ...who,
      displayName: who.username,
      role: 'statistician',
      regionCode: '510000',
    });
    statisticians.push(await logIn(url, who));
  }
  const alone = await saveLatencies(reporter, assignment);
  let going = true;
  const load = statisticians.map((s) => heavyQueries(url, s, () => going));
  // Let the queries take their places first.
  await new Promise((r) => setTimeout(r, 1_000));
  const busy = await saveLatencies(reporter, assignment);
  going = false;
  await Promise.all(load);
  const row = (name: string, times: number[]): BenchRow => ({
    suite: 'api',
    name: `${name}: p50 / p99 [${store}]`,
    value: percentile(times, 50),
    unit: `ms / ${percentile(times, 99).toFixed(0)} ms`,
  });
  return [
    row("a reporter's draft save, nobody querying", alone),
    row(`the same while ${STATISTICIANS} statisticians run heavy SQL`, busy),
  ];
}
