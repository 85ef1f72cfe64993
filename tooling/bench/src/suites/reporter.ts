import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BenchRow } from '../report.js';
import { done, kesu, serve, session } from './api.js';

const WEB = fileURLToPath(new URL('../../../../apps/web', import.meta.url));
const FIELDS = 200;
const RUNS = 5;
const ADMIN = { username: 'bench-office', password: 'bench-password-1' };
const REPORTER = { username: 'bench-filler', password: 'bench-password-2' };

/** What the reporter's form page downloads, measured by the web app's own script on its build. */
function reporterRouteSize(): { jsGzip: number; cssGzip: number } {
  if (!existsSync(path.join(WEB, 'dist', '.vite', 'manifest.json'))) {
    spawnSync('pnpm', ['--filter', '@kesu/web', 'run', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(WEB, 'build', 'route-size-cli.ts')], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`route size: ${out.stderr}`);
  return JSON.parse(out.stdout) as { jsGzip: number; cssGzip: number };
}

/** A published quarterly form of 200 number fields, assigned to one reporter. */
async function prepare(url: string): Promise<string> {
  const admin = await session(url, ADMIN);
  const definition = {
    title: '基准测试表（200 项）',
    periodKind: 'quarter',
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      title: `第${s + 1}部分`,
      fields: Array.from({ length: FIELDS / 10 }, (_, i) => ({
        id: `f${s}_${i}`,
        type: 'integer',
        label: `指标 ${s + 1}.${i + 1}`,
        unit: '人次',
      })),
    })),
  };
  const form = await admin.call('POST', '/api/v1/forms', { department: '基准测试局', definition });
  await admin.call('POST', `/api/v1/forms/${String(form['id'])}/publish`, {});
  const rows = (await admin.call('POST', '/api/v1/assignments', {
    formId: form['id'],
    version: 1,
    regionCodes: ['510104'],
    departments: ['基准测试局'],
    periods: ['2025Q1'],
  })) as unknown as Array<{ id: string }>;
  // A reporter's unit must be one the region knows: it is, once assigned.
  await admin.call('POST', '/api/v1/users', {
    ...REPORTER,
    displayName: 'bench',
    role: 'reporter',
    regionCode: '510104',
    department: '基准测试局',
  });
  return (rows[0] as { id: string }).id;
}

/**
 * The reporter's route: its gzipped script and styles, and the time from opening a 200-field
 * form to its last field taking input, in headless Chromium.
 */
export async function reporterSuite(): Promise<BenchRow[]> {
  const size = reporterRouteSize();
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-bench-reporter-'));
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await done(kesu(dir, ['user', 'add', ADMIN.username, '--role', 'admin', '--password-stdin'], ADMIN.password));
    const running = await serve(dir);
    server = running.child;
    const assignment = await prepare(running.url);
    const context = await browser.newContext({
      baseURL: running.url,
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
    });
    await context.request.post('/api/v1/auth/login', { data: REPORTER });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`/report/${assignment}`);
      const last = page.locator(`[data-field="f9_${FIELDS / 10 - 1}"] input`);
      await last.fill('1');
      times.push(performance.now() - started);
      await page.close();
    }
    times.sort((a, b) => a - b);
    return [
      {
        suite: 'reporter',
        name: "reporter's form page: initial JS (gzip)",
        value: size.jsGzip / 1024,
        unit: 'KB',
        goal: '≤ 250 KB',
      },
      { suite: 'reporter', name: "reporter's form page: initial CSS (gzip)", value: size.cssGzip / 1024, unit: 'KB' },
      {
        suite: 'reporter',
        name: `time to interactive, ${FIELDS}-field form (open to last field filled), median of ${RUNS}`,
        value: times[Math.floor(RUNS / 2)] as number,
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server?.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
