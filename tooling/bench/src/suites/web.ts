import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { OWN_REPORT_IDS, REPORT_IDS } from '@kesu/analytics/charts';
import type { BenchRow } from '../report.js';
import { copyNational, nationalStore } from './analytics.js';
import { done, kesu, serve } from './api.js';

const WEB = fileURLToPath(new URL('../../../../apps/web', import.meta.url));
const RUNS = 5;
const PROVINCE = '510000';
const YEAR = 2025;
const LEADER = { username: 'bench-leader', password: 'bench-password-3' };
const STATISTICIAN = { username: 'bench-stat', password: 'bench-password-4' };
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The status colours of the targets-on-track bars, to click a region's bar as a person would. */
const STATUS_FILLS = ['#3ba272', '#5470c6', '#fac858', '#ee6666'];

const VIEWPORT = { width: 1280, height: 800 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The dashboard has opened what its address names: every chart drawn, nothing still loading. */
async function settled(page: Page, charts: number): Promise<void> {
  // Written as page script text: this package is compiled without the DOM's types.
  const script = [
    `document.querySelector('[data-test="dashboard"][aria-busy="false"]') !== null`,
    `document.querySelectorAll('[data-test^="chart-"] .app-chart svg').length === ${charts}`,
    `!document.querySelector('.dashboard [aria-busy="true"]')`,
    `document.querySelector('[data-test="target-table"]') !== null`,
  ].join(' && ');
  await page.waitForFunction(script, undefined, { timeout: 60_000 });
}

/** The loading masks' fade-out has ended (a mask still fading would take the click). */
async function masksGone(page: Page): Promise<void> {
  await page.waitForFunction(`!document.querySelector('.dashboard .el-loading-mask')`);
}

/**
 * Clicks the tallest bar of the by-region panel of targets on track, and waits for the address and
 * the heading to move.
 */
async function drill(page: Page): Promise<void> {
  const before = new URL(page.url()).searchParams.get('region');
  const name = await page.locator('[data-test="current-region"]').textContent();
  const host = page.locator('[data-test="chart-targets-on-track"]');
  await host.scrollIntoViewIfNeeded();
  const svg = await host.locator('.app-chart svg').boundingBox();
  const bars = await host
    .locator('.app-chart svg path')
    .evaluateAll(
      (paths, fills) =>
        paths
          .flatMap((p) => (fills.includes(p.getAttribute('fill') ?? '') ? [p.getBoundingClientRect()] : []))
          .map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2, h: b.height })),
      STATUS_FILLS,
    );
  // The tallest one: a sliver of a bar is easy to miss by a pixel.
  const bar = bars
    .filter((b) => svg && b.h > 0 && b.y > svg.y + 100 && b.y < svg.y + svg.height * 0.46)
    .sort((a, b) => b.h - a.h)[0];
  if (!bar) throw new Error('no region bar to click');
  await page.mouse.click(bar.x, bar.y);
  await page.waitForURL((url) => url.searchParams.get('region') !== before);
  await page.waitForFunction(
    `document.querySelector('[data-test="current-region"]')?.textContent !== ${JSON.stringify(name)}`,
  );
}

function ensureBuilt(): void {
  if (existsSync(path.join(WEB, 'dist', '.vite', 'manifest.json'))) return;
  spawnSync('pnpm', ['--filter', '@kesu/web', 'run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

const list = (values: number[]) => values.map((ms) => Math.round(ms)).join(', ');

/** Opens the dashboard of the province in a new tab (or the tab given), as far as everything shown. */
async function openDashboard(context: BrowserContext, tab?: Page): Promise<void> {
  const page = tab ?? (await context.newPage());
  await page.goto(`/dashboard?region=${PROVINCE}&year=${YEAR}`);
  await settled(page, REPORT_IDS.length);
  if (!tab) await page.close();
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * The web app on the national data set, in headless Chromium: the leaders' dashboard's first
 * render and its drill-downs, the SQL workbench's time to the first row of a 100,000-row result,
 * and the printable report as PDF (from the command line, and printed from the served page).
 */
export async function webSuite(): Promise<BenchRow[]> {
  ensureBuilt();
  const source = await nationalStore();
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-bench-web-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'kesu-bench-profile-'));
  copyNational(source, dir);
  let server: ChildProcess | undefined;
  /** The leader's own browser (a profile of its own), closed here if a measurement fails. */
  let leaderBrowser: BrowserContext | undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  try {
    process.stderr.write('  building the warehouse of the national data set…\n');
    await done(kesu(dir, ['warehouse', 'build']));
    await done(
      kesu(
        dir,
        ['user', 'add', LEADER.username, '--role', 'leader', '--region', PROVINCE, '--password-stdin'],
        LEADER.password,
      ),
    );
    await done(
      kesu(
        dir,
        ['user', 'add', STATISTICIAN.username, '--role', 'statistician', '--region', PROVINCE, '--password-stdin'],
        STATISTICIAN.password,
      ),
    );
    const cliPdfMs = await timed(() =>
      done(
        kesu(dir, ['report', '--region', PROVINCE, '--period', String(YEAR), '--out', 'report.pdf', '--format', 'pdf']),
      ),
    );
    const pdfBytes = readFileSync(path.join(dir, 'report.pdf')).length;

    process.stderr.write('  measuring in headless Chromium…\n');
    const running = await serve(dir);
    server = running.child;
    // Read what the server writes to stderr: a full pipe would stop it mid-request.
    server.stderr?.resume();
    // A leader's own browser: a profile kept on disk, with its HTTP cache and the compiled code
    // Chromium keeps for scripts it has run before (a private window keeps no such code).
    const leader = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: FLAGS,
      baseURL: running.url,
      viewport: VIEWPORT,
      locale: 'zh-CN',
    });
    leaderBrowser = leader;
    await leader.request.post('/api/v1/auth/login', { data: LEADER });
    const firstVisit = await timed(() => openDashboard(leader));
    // Chromium keeps a script's compiled code when it runs the script a second time: one more
    // visit, and the measured ones start as a leader's everyday visit does.
    await openDashboard(leader);

    const firstRender: number[] = [];
    const toPrefecture: number[] = [];
    const toCounty: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await leader.newPage();
      firstRender.push(await timed(() => openDashboard(leader, page)));
      await masksGone(page);
      toPrefecture.push(
        await timed(async () => {
          await drill(page);
          await settled(page, REPORT_IDS.length);
        }),
      );
      await masksGone(page);
      toCounty.push(
        await timed(async () => {
          await drill(page);
          // A county has no sub-regions to compare: its own charts and targets table are what shows.
          await settled(page, OWN_REPORT_IDS.length);
        }),
      );
      await page.close();
    }
    // One browser at a time on the machine: the next measurements share its cores with no other.
    await leader.close();
    leaderBrowser = undefined;

    const incognito = await browser.newContext({ baseURL: running.url, viewport: VIEWPORT, locale: 'zh-CN' });
    await incognito.request.post('/api/v1/auth/login', { data: LEADER });
    await openDashboard(incognito);
    const privateRender: number[] = [];
    for (let i = 0; i < RUNS; i++) privateRender.push(await timed(() => openDashboard(incognito)));
    await incognito.close();

    const statistician = await browser.newContext({ baseURL: running.url, viewport: VIEWPORT, locale: 'zh-CN' });
    await statistician.request.post('/api/v1/auth/login', { data: STATISTICIAN });
    const firstRow: number[] = [];
    const page = await statistician.newPage();
    await page.goto('/sql');
    await page.locator('.cm-content').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT * FROM fact_value LIMIT 100000');
    for (let i = 0; i < RUNS; i++) {
      firstRow.push(
        await timed(async () => {
          await page.locator('[data-test="run"]').click();
          // Running shows Cancel in place of Run; Run is back once the rows are in.
          await page.locator('[data-test="cancel"]').waitFor();
          await page.locator('[data-test="run"]').waitFor({ timeout: 60_000 });
          await page.locator('[data-test="result-grid"] [aria-rowindex="2"]').waitFor();
        }),
      );
    }
    const rows = await page.locator('[data-test="run-status"]').textContent();

    await statistician.close();
    const printing = await browser.newContext({ baseURL: running.url, locale: 'zh-CN' });
    await printing.request.post('/api/v1/auth/login', { data: LEADER });
    const report = await printing.newPage();
    const printMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      printMs.push(
        await timed(async () => {
          await report.goto(`/api/v1/print?region=${PROVINCE}&year=${YEAR}`);
          await report.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        }),
      );
    }

    return [
      {
        suite: 'web',
        name:
          `dashboard first render, ${PROVINCE} in ${YEAR} (${REPORT_IDS.length} charts + targets), ` +
          `in a browser that has opened Kesu before, median of ${RUNS} new tabs`,
        value: median(firstRender),
        unit: `ms (each: ${list(firstRender)} ms)`,
        goal: '≤ 1,000 ms',
      },
      {
        suite: 'web',
        name:
          'dashboard first render, the first visit of a new browser profile ' +
          '(nothing cached; the server draws the charts)',
        value: firstVisit,
        unit: 'ms',
      },
      {
        suite: 'web',
        name:
          'dashboard first render in a private window (no compiled code kept between tabs), ' +
          `median of ${RUNS} new tabs`,
        value: median(privateRender),
        unit: `ms (each: ${list(privateRender)} ms)`,
      },
      {
        suite: 'web',
        name: `dashboard drill-down to a prefecture (click a bar → ${REPORT_IDS.length} charts + targets), median`,
        value: median(toPrefecture),
        unit: 'ms',
        goal: '≤ 1,000 ms',
      },
      {
        suite: 'web',
        name:
          'dashboard drill-down to a county ' +
          `(click a bar → its ${OWN_REPORT_IDS.length} own charts + targets), median`,
        value: median(toCounty),
        unit: 'ms',
        goal: '≤ 1,000 ms',
      },
      {
        suite: 'web',
        name: `SQL workbench: run to first row shown, 100,000-row result (${rows?.trim() ?? ''}), median`,
        value: median(firstRow),
        unit: 'ms',
      },
      {
        suite: 'web',
        name: `printable report as PDF from the served page (${PROVINCE}, ${YEAR}), median`,
        value: median(printMs),
        unit: 'ms',
      },
      {
        suite: 'web',
        name:
          'kesu report --format pdf, end to end ' +
          `(opens the store, refreshes the warehouse, starts Chromium; ${Math.round(pdfBytes / 1024)} KB)`,
        value: cliPdfMs,
        unit: 'ms',
      },
    ];
  } finally {
    await leaderBrowser?.close();
    await browser.close();
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server?.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
