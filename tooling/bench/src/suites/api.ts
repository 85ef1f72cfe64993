import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startTestPostgres } from '@kesu/store/testing';
import type { BenchRow } from '../report.js';
import { saveLatencyUnderHeavySql } from './heavy-sql.js';

const CLI = fileURLToPath(new URL('../../../../apps/api/src/cli/main.ts', import.meta.url));
const FIELDS = 40;
const ADMIN = { username: 'bench-admin', password: 'bench-password-1' };
const REPORTER = { username: 'bench-reporter', password: 'bench-password-2' };

/** Runs the kesu command line from source on a data folder. */
export function kesu(dir: string, args: string[], stdin?: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--conditions=@kesu/source',
      '--import',
      'tsx',
      CLI,
      ...args,
    ],
    {
      env: { ...process.env, KESU_DATA_DIR: dir, INIT_CWD: dir, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  child.stdin?.end(stdin ?? '');
  return child;
}

export function done(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kesu exited ${code}`)))),
  );
}

/** Starts the server and measures the time from spawning it to its first answered request. */
export async function serve(
  dir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string; coldStartMs: number }> {
  const started = performance.now();
  const child = kesu(dir, ['serve', '--port', '0'], undefined, env);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /is running: (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', () => reject(new Error(out)));
  });
  for (;;) {
    const res = await fetch(`${url}/api/v1/health`).catch(() => null);
    if (res?.ok) break;
  }
  return { child, url, coldStartMs: performance.now() - started };
}

export async function session(url: string, who: { username: string; password: string }) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const call = async (method: string, pathname: string, body: unknown) => {
    const r = await fetch(`${url}${pathname}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${pathname}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
  return { cookie, csrfToken, call };
}

/** A 40-field monthly form, published and assigned for 480 months to one unit with its reporter. */
async function prepare(url: string): Promise<string[]> {
  const admin = await session(url, ADMIN);
  const definition = {
    title: '基准测试表（40 项）',
    periodKind: 'month',
    sections: [
      {
        id: 's',
        title: '数据',
        fields: Array.from({ length: FIELDS }, (_, i) => ({
          id: `f${i}`,
          type: 'integer',
          label: `指标${i}`,
          max: 1e9,
        })),
      },
    ],
  };
  const form = await admin.call('POST', '/api/v1/forms', { department: '基准测试局', definition });
  await admin.call('POST', `/api/v1/forms/${String(form['id'])}/publish`, {});
  const ids: string[] = [];
  for (let year = 2001; year <= 2040; year++) {
    const periods = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
    const rows = (await admin.call('POST', '/api/v1/assignments', {
      formId: form['id'],
      version: 1,
      regionCodes: ['510104'],
      departments: ['基准测试局'],
      periods,
    })) as unknown as Array<{ id: string }>;
    ids.push(...rows.map((r) => r.id));
  }
  // A reporter's unit must be one the region knows: it is, once assigned.
  await admin.call('POST', '/api/v1/users', {
    ...REPORTER,
    displayName: 'bench',
    role: 'reporter',
    regionCode: '510104',
    department: '基准测试局',
  });
  return ids;
}

// One counter across runs: every request carries a fresh idempotency key, so no run measures replays.
let sent = 0;

function saves(url: string, auth: { cookie: string; csrfToken: string }, assignments: string[]) {
  return {
    url,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken, 'content-type': 'application/json' },
    requests: [
      {
        method: 'PUT' as const,
        setupRequest: (req: autocannon.Request): autocannon.Request => {
          const i = sent++;
          const values = Object.fromEntries(Array.from({ length: FIELDS }, (_, f) => [`f${f}`, i + f]));
          return {
            ...req,
            path: `/api/v1/assignments/${assignments[i % assignments.length]}/submission`,
            headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${i}` },
            body: JSON.stringify({ values, formVersion: 1 }),
          };
        },
      },
    ],
  };
}

/**
 * The ingestion API on both stores, in one run: the embedded DuckDB file, then PostgreSQL (a
 * throw-away server of the bench's own, on this machine).
 */
export async function apiSuite(): Promise<BenchRow[]> {
  // Statisticians' queries run in the sandbox whatever the store: measured once, on the default.
  const onDuckDb = await apiOn('DuckDB', {}, true);
  const postgres = await startTestPostgres();
  try {
    const database = new URL(postgres.url);
    database.pathname = '/postgres';
    return [...onDuckDb, ...(await apiOn('PostgreSQL', { KESU_DATABASE_URL: database.toString() }))];
  } finally {
    await postgres.stop();
  }
}

/**
 * The ingestion API: durable submissions per second for a 40-field form, latency at a fixed
 * 500 submissions/s, the same load on a no-op route as the baseline, and cold start.
 */
async function apiOn(store: string, env: NodeJS.ProcessEnv, underHeavySql = false): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-bench-api-'));
  let server: ChildProcess | undefined;
  try {
    await done(kesu(dir, ['user', 'add', ADMIN.username, '--role', 'admin', '--password-stdin'], ADMIN.password, env));
    const running = await serve(dir, env);
    server = running.child;
    const assignments = await prepare(running.url);
    const reporter = await session(running.url, REPORTER);
    const max = await autocannon({ ...saves(running.url, reporter, assignments), connections: 256, duration: 10 });
    const paced = await autocannon({
      ...saves(running.url, reporter, assignments),
      connections: 50,
      duration: 10,
      overallRate: 500,
    });
    const noopMax = await autocannon({ url: `${running.url}/api/v1/health`, connections: 64, duration: 5 });
    const noopPaced = await autocannon({
      url: `${running.url}/api/v1/health`,
      connections: 50,
      duration: 10,
      overallRate: 500,
    });
    const okRate = (r: autocannon.Result) => r['2xx'] / r.duration;
    const heavy = underHeavySql
      ? await saveLatencyUnderHeavySql(
          running.url,
          session,
          await session(running.url, ADMIN),
          reporter,
          assignments[0] as string,
          store,
        )
      : [];
    return [
      {
        suite: 'api',
        name: `cold start: spawn to first answered request [${store}]`,
        value: running.coldStartMs,
        unit: 'ms',
      },
      {
        suite: 'api',
        name: `durable submissions (${FIELDS}-field form), 256 connections [${store}]`,
        value: okRate(max),
        unit: `/s (non-2xx ${max.non2xx})`,
        goal: '≥ 1,500/s',
      },
      { suite: 'api', name: `no-op route, 64 connections (baseline) [${store}]`, value: okRate(noopMax), unit: '/s' },
      {
        suite: 'api',
        name: `submissions / no-op throughput [${store}]`,
        value: okRate(max) / okRate(noopMax),
        unit: 'ratio',
      },
      { suite: 'api', name: `submissions at 500/s: p50 latency [${store}]`, value: paced.latency.p50, unit: 'ms' },
      {
        suite: 'api',
        name: `submissions at 500/s: p99 latency [${store}]`,
        value: paced.latency.p99,
        unit: `ms (non-2xx ${paced.non2xx})`,
        goal: '≤ 100 ms',
      },
      {
        suite: 'api',
        name: `no-op route at 500/s: p50 / p99 latency [${store}]`,
        value: noopPaced.latency.p50,
        unit: `ms / ${noopPaced.latency.p99} ms`,
      },
      ...heavy,
    ];
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server?.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
