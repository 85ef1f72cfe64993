import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSubmission, listSubmissionRevisions, openStore } from '@kesu/store';
import { BACKENDS, createTestDatabase, startTestPostgres, type TestPostgres } from '@kesu/store/testing';
import { LOAD_PASSWORD, prepareLoad } from './load-setup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = 3;
const FIELDS = 40;
const WORKERS = 16;
/** How long PostgreSQL stays down in each restart, and how many restarts one server lives through. */
const OUTAGE_MS = 2_000;
const RESTARTS = 2;

/** Starts `kesu serve` as its own process on a free port and waits for its address. */
function startServer(
  dataDir: string,
  databaseUrl: string | null,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // The embedded file unless a URL is given, whatever the shell running the tests has set.
  const { KESU_DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@kesu/source', '--import', 'tsx', path.join(here, '../src/cli/main.ts'), 'serve', '--port', '0'],
      {
        env: {
          ...env,
          KESU_DATA_DIR: dataDir,
          INIT_CWD: dataDir,
          ...(databaseUrl ? { KESU_DATABASE_URL: databaseUrl } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /is running: (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string, output: () => out });
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

interface Ack {
  assignment: string;
  revision: number;
  /** When the writer stored it: drafts of one editing session are saved over in place. */
  updatedAt: string;
  values: Record<string, number>;
  /** When the answer came (ms since the epoch). */
  at: number;
}

interface LoadResult {
  acks: Ack[];
  /** How often each status came back. */
  statuses: Record<number, number>;
  /** Answers no client should ever see: a 5xx other than the database's 503, or a 503 not in the error shape. */
  unexpected: string[];
  /** Whether a request found no server to answer it. */
  serverGone: boolean;
}

async function login(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'loader', password: LOAD_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, csrf: body.csrfToken };
}

/** The one error shape, saying the database cannot be reached, Chinese first. */
function isUnavailableShape(body: unknown): boolean {
  const error = (body as { error?: { code?: unknown; message?: unknown; messageEn?: unknown; details?: unknown } })
    .error;
  return (
    error?.code === 'database_unavailable' &&
    error.message === '数据库暂时无法连接，请稍后重试' &&
    error.messageEn === 'the database cannot be reached just now; try again shortly' &&
    Array.isArray(error.details)
  );
}

/**
 * Sends drafts from `workers` concurrent loops until the server dies or `stopped()`; returns what
 * was acknowledged. A 503 is sent again with the same Idempotency-Key after a moment, as a client
 * does: if the write it was cut off from had committed, the stored answer comes back.
 */
async function load(
  url: string,
  assignments: string[],
  round: number,
  workers: number,
  onAck: (ack: Ack) => void,
  stopped: () => boolean = () => false,
): Promise<LoadResult> {
  const session = await login(url);
  const result: LoadResult = { acks: [], statuses: {}, unexpected: [], serverGone: false };
  let n = 0;
  const send = async (assignment: string, key: string, values: Record<string, number>) => {
    for (;;) {
      const res = await fetch(`${url}/api/v1/assignments/${assignment}/submission`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'idempotency-key': key,
        },
        body: JSON.stringify({ values, formVersion: 1 }),
      });
      result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
      const body = (await res.json()) as unknown;
      if (res.status === 200) return body as { revision: number; updatedAt: string };
      if (res.status === 503 && isUnavailableShape(body)) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (res.status >= 500) result.unexpected.push(`${res.status} ${JSON.stringify(body)}`);
      return null;
    }
  };
  const worker = async (w: number) => {
    while (!stopped()) {
      const i = n++;
      const assignment = assignments[(i * 7 + w) % assignments.length] as string;
      const values = Object.fromEntries(
        Array.from({ length: FIELDS }, (_, f) => [`f${f}`, round * 1_000_000 + i * 100 + f]),
      );
      try {
        const body = await send(assignment, `crash-${round}-${i}`, values);
        if (!body) continue;
        const ack = { assignment, revision: body.revision, updatedAt: body.updatedAt, values, at: Date.now() };
        result.acks.push(ack);
        onAck(ack);
      } catch {
        result.serverGone = true;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return result;
}

/** Checks that the database holds every acknowledged write, or a later one saved over it. */
async function expectKept(database: string, acks: Ack[]): Promise<void> {
  const store = await openStore(database);
  try {
    for (const ack of acks) {
      const current = await getSubmission(store.connection, ack.assignment);
      expect(current?.revision ?? 0).toBeGreaterThanOrEqual(ack.revision);
      const revisions = await listSubmissionRevisions(store.connection, ack.assignment);
      const stored = revisions.find((r) => r.revision === ack.revision);
      // A draft may have been saved over by a later write since, never rolled back to before the ack.
      expect(stored?.createdAt, `${ack.assignment} r${ack.revision}`).toBeDefined();
      expect(
        (stored?.createdAt ?? '') >= ack.updatedAt,
        `${ack.assignment} r${ack.revision} ${stored?.createdAt} < ${ack.updatedAt}`,
      ).toBe(true);
      // Saved over by nothing later: it holds exactly what was acknowledged at that time.
      if (stored?.createdAt === ack.updatedAt) {
        const same = acks.filter(
          (a) => a.assignment === ack.assignment && a.revision === ack.revision && a.updatedAt === ack.updatedAt,
        );
        expect(
          same.map((a) => a.values),
          `${ack.assignment} r${ack.revision}`,
        ).toContainEqual(stored.values);
      }
    }
  } finally {
    await store.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(BACKENDS)('durability on %s', (backend) => {
  let dir: string;
  let database: string;
  let drop: () => Promise<void> = async () => undefined;
  let assignments: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kesu-crash-'));
    if (backend === 'postgres') ({ url: database, drop } = await createTestDatabase());
    else database = path.join(dir, 'kesu.duckdb');
    ({ assignments } = await prepareLoad(database, dir, FIELDS, 240));
  }, 60_000);
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write over ${ROUNDS} rounds of kill -9 under load`, async ({ annotate }) => {
    let total = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const { child, url } = await startServer(dir, backend === 'postgres' ? database : null);
      const exited = new Promise((r) => child.once('exit', r));
      let going: () => void = () => undefined;
      const firstAck = new Promise<void>((r) => (going = r));
      const running = load(url, assignments, round, WORKERS, () => going());
      // Kill at a random moment once writes are being acknowledged (a slow start is no failure).
      await firstAck;
      await sleep(Math.random() * 800);
      child.kill('SIGKILL');
      const { acks, unexpected } = await running;
      await exited;
      total += acks.length;
      expect(acks.length, `round ${round} acknowledged nothing`).toBeGreaterThan(0);
      expect(unexpected).toEqual([]);
      await expectKept(database, acks);
    }
    expect(total).toBeGreaterThan(ROUNDS);
    await annotate(`${total} acknowledged writes over ${ROUNDS} kills, every one kept`);
  }, 120_000);
});

describe('durability when PostgreSQL itself restarts under load', () => {
  // A server of this test's own, to stop and start: the suite's is shared by other test files.
  let postgres: TestPostgres;
  let dir: string;
  let assignments: string[];
  beforeAll(async () => {
    postgres = await startTestPostgres();
    dir = mkdtempSync(path.join(tmpdir(), 'kesu-pg-restart-'));
    ({ assignments } = await prepareLoad(postgres.url, dir, FIELDS, 240));
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `answers 503 while it is down, recovers in the same process after each of ${RESTARTS} restarts, ` +
      'and loses no acknowledged write',
    async ({ annotate }) => {
      const { child, url, output } = await startServer(dir, postgres.url);
      let exitCode: number | null | undefined;
      child.once('exit', (code) => (exitCode = code));
      const acks: Ack[] = [];
      let going: () => void = () => undefined;
      const firstAck = new Promise<void>((r) => (going = r));
      let stop = false;
      const running = load(
        url,
        assignments,
        1,
        WORKERS,
        (ack) => {
          acks.push(ack);
          going();
        },
        () => stop,
      );
      const outages: Array<{ down: number; up: number }> = [];
      try {
        await firstAck;
        for (let i = 0; i < RESTARTS; i++) {
          await sleep(300 + Math.random() * 500);
          const down = Date.now();
          await postgres.pause();
          await sleep(OUTAGE_MS);
          await postgres.resume();
          outages.push({ down, up: Date.now() });
          // Back within a few seconds, through new connections of the same process.
          const until = Date.now() + 15_000;
          while (!acks.some((a) => a.at > (outages.at(-1)?.up ?? 0)) && Date.now() < until) await sleep(50);
        }
        await sleep(500);
      } finally {
        stop = true;
      }
      const result = await running;
      expect(exitCode, output()).toBeUndefined();
      expect(result.serverGone, output()).toBe(false);
      expect(result.unexpected).toEqual([]);
      // Each outage was answered with 503s, and writes were acknowledged again after each.
      expect(result.statuses[503] ?? 0).toBeGreaterThan(0);
      for (const [i, { down, up }] of outages.entries()) {
        expect(acks.filter((a) => a.at < down).length, `before outage ${i + 1}`).toBeGreaterThan(0);
        expect(acks.filter((a) => a.at > up).length, `after outage ${i + 1}`).toBeGreaterThan(0);
      }
      // Nothing the server said 200 to was lost with the connections PostgreSQL closed.
      await expectKept(postgres.url, acks);
      const recovered = outages.map(({ down, up }) => {
        const firstAck = Math.min(...acks.filter((a) => a.at > up).map((a) => a.at));
        return `down ${up - down} ms, first 200 ${firstAck - up} ms after it was back`;
      });
      await annotate(
        `${acks.length} acknowledged writes, answers ${JSON.stringify(result.statuses)}; ${recovered.join('; ')}`,
      );
      child.kill('SIGTERM');
      await new Promise((r) => (exitCode === undefined ? child.once('exit', r) : r(undefined)));
    },
    120_000,
  );
});
