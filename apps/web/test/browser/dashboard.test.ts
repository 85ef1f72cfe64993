import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_IDS } from '@kesu/analytics/charts';
import { beijingYear } from '@kesu/schema';
import { shot, useBrowser } from '../support/browser';
import { clickBar, dashboardSettled, STATUS_FILLS } from '../support/charts';
import { visible } from '../support/element';

// The office opens the dashboard, picks 四川省 and drills down through 成都市 to 锦江区 by clicking
// bars, as a leader would; every step has its own address.
const chromium = useBrowser();
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ context, page, errors } = await chromium.open('admin', { name: 'dashboard' }));
});

// Progress is kept as of each region's latest approved report, and other journeys approve reports
// of the current year: this year's view holds every judgement whichever test ran first.
const YEAR = String(beijingYear());
const query = () => Object.fromEntries(new URL(page.url()).searchParams);
const current = () => page.getByTestId('current-region').textContent();
/** Every chart has drawn (each is an SVG once its rows are in). */
const chartsDrawn = () => page.locator('[data-test^="chart-"] .app-chart svg').count();
/** Five comparisons of the sub-regions, then four charts of the region itself. */
const ALL_CHARTS = 9;

describe('the leaders’ dashboard', () => {
  it('starts from the whole country and opens a province', async () => {
    await page.goto(`/dashboard?year=${YEAR}`);
    await page.getByTestId('child-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '四川省' }).click();
    await expect.poll(query).toEqual({ region: '510000', year: YEAR });
    await dashboardSettled(page);
    await expect.poll(chartsDrawn).toBe(ALL_CHARTS);
    expect(await current()).toBe('四川省');
    // 21 prefectures, each with the rate it reported (the demo's five years of reports).
    await visible(page.getByTestId('chart-literacy-rate').locator('svg text', { hasText: '成都市' }));
    await visible(page.getByTestId('chart-literacy-rate').locator('svg text', { hasText: /^\d+(\.\d+)?%$/ }));
    await shot(page, '20-dashboard-province');
    // The province has no plan of its own in the demo: its summary counts the plans below, by level.
    const below = page.getByTestId('summary-below');
    await visible(below.locator('[data-level="county"]'));
    expect(await below.locator('[data-level="county"]').textContent()).toMatch(
      /下辖县级规划（\d+ 个地区，\d+ 项目标）/,
    );
    expect(await page.getByTestId('status-summary').textContent()).not.toContain('没有可判定的目标');
  });

  it('shows the charts as the server drew them, and draws one live once the pointer rests on it', async () => {
    const chart = page.getByTestId('chart-targets-on-track');
    // Shown as drawn by the server (the chart the pointer was left on after picking the province may have gone live).
    expect(await chart.locator('.app-chart.drawn svg').count()).toBe(1);
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.locator('.app-chart svg').boundingBox();
    if (!box) throw new Error('no chart drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 4);
    await visible(chart.locator('.app-chart:not(.drawn) svg'));
    await expect.poll(() => chart.locator('.app-chart.drawn').count()).toBe(0);
    // The live chart answers the pointer: a bar's tooltip names its region.
    const bar = chart
      .locator(
        '.app-chart svg path[fill="#8a94a6"], .app-chart svg path[fill="#ee6666"], .app-chart svg path[fill="#3ba272"]',
      )
      .first();
    await bar.hover({ force: true });
    await visible(chart.locator('.app-chart div', { hasText: /市|州/ }).last());
    await page.mouse.move(0, 0);
  });

  it('drills down to a prefecture, then a county, by clicking their bars', async () => {
    // The first bar is the first prefecture by code, 成都市; its first district is 锦江区.
    await clickBar(page, 'chart-targets-on-track', STATUS_FILLS, 'first');
    await expect.poll(query).toEqual({ region: '510100', year: YEAR });
    await expect.poll(current).toBe('成都市');
    await dashboardSettled(page);
    await expect.poll(chartsDrawn).toBe(ALL_CHARTS);
    await page.locator('.shell-content').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, '21-dashboard-prefecture');

    await clickBar(page, 'chart-targets-on-track', STATUS_FILLS, 'first');
    await expect.poll(query).toEqual({ region: '510104', year: YEAR });
    await expect.poll(current).toBe('锦江区');
    await dashboardSettled(page);
    // A county has no sub-regions to compare: its own charts and targets instead, as full as a province's.
    await visible(page.getByText('锦江区没有下级地区'));
    expect(await page.getByTestId('comparison-charts').count()).toBe(0);
    await expect.poll(chartsDrawn).toBe(4);
    for (const id of ['target-progress', 'indicator-series', 'on-track-trend', 'department-reporting'])
      await visible(page.getByTestId(`chart-${id}`).locator('svg'));
    // Each of the county's targets is a bar in its status colour, labelled with its lead unit.
    expect(
      await page.getByTestId('chart-target-progress').locator('svg text', { hasText: '区教育局｜' }).count(),
    ).toBeGreaterThan(0);
    await visible(page.getByTestId('target-table').getByTestId('status-chip'));
    await shot(page, '22-dashboard-county');
    await page.getByTestId('chart-indicator-series').scrollIntoViewIfNeeded();
    await shot(page, '22-dashboard-county-charts');
  });

  it('explains a status by the rule behind it', async () => {
    const chip = page.getByTestId('target-table').getByTestId('status-chip').nth(1);
    await chip.hover();
    const rule = page.locator('.el-popover:visible [data-test="status-rule"]');
    await visible(rule);
    expect(await rule.textContent()).toMatch(/累计|应达|目标/);
    await shot(page, '23-dashboard-rule');
    // The actual opens the units behind it: every unit that reported the target, and the total they make.
    await page.keyboard.press('Escape');
    await page.getByTestId('target-table').getByTestId('actual-link').first().click();
    const units = page.getByTestId('contributions');
    await visible(units.getByTestId('contribution-rows'));
    expect(await units.getByTestId('contribution-rows').locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, '23-dashboard-contributions');
    await page.keyboard.press('Escape');
    // In the plan's first year the county's targets reported by their
    // own fields had nothing approved yet: said so, not shown as 0.
    const first = await context.newPage();
    await first.goto('/dashboard?region=510104&year=2021');
    await dashboardSettled(first);
    await expect.poll(() => first.getByTestId('target-table').textContent()).toContain('暂无数据');
    await first.close();
  });

  it('goes back up the path, and a shared address opens the same view', async () => {
    await page.goBack();
    await expect.poll(query).toEqual({ region: '510100', year: YEAR });
    await expect.poll(current).toBe('成都市');
    const other = await context.newPage();
    const asked: string[] = [];
    other.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (/^\/api\/v1\/(reports\/|progress)/.test(pathname)) asked.push(pathname);
    });
    await other.goto('/dashboard?region=510100&year=2024');
    await expect.poll(() => other.getByTestId('current-region').textContent()).toBe('成都市');
    await dashboardSettled(other);
    await expect.poll(() => other.locator('[data-test^="chart-"] .app-chart svg').count()).toBe(ALL_CHARTS);
    // The address asks for its data once, on its way to the page: not again when the page's code is in.
    expect([...asked].sort()).toEqual(
      ['/api/v1/progress', '/api/v1/progress/rollup', ...REPORT_IDS.map((id) => `/api/v1/reports/${id}`)].sort(),
    );
    expect(await other.locator('[data-test="year-select"]').textContent()).toContain('2024年');
    await shot(other, '24-dashboard-shared-address');
    await other.close();
  });

  it('says the targets could not be read, rather than counting zero of each, and reads them on retry', async () => {
    const other = await context.newPage();
    await other.route('**/api/v1/progress?*', (route) => route.abort('connectionfailed'));
    await other.goto(`/dashboard?region=510000&year=${YEAR}`);
    const summary = other.getByTestId('status-summary');
    await visible(summary.getByTestId('summary-failed'));
    // The region's own counts are unknown; the plans below (read apart) may still show theirs.
    expect(await summary.getByTestId('own-count').allTextContents()).toEqual(['–', '–', '–', '–', '–']);
    await shot(other, '27-dashboard-targets-failed');
    await other.unroute('**/api/v1/progress?*');
    await other.getByRole('button', { name: '重试' }).click();
    await expect.poll(() => summary.getByTestId('summary-failed').count()).toBe(0);
    await expect
      .poll(async () => (await summary.getByTestId('own-count').allTextContents()).every((n) => /^\d+$/.test(n)))
      .toBe(true);
    expect(await other.getByRole('button', { name: '重试' }).count()).toBe(0);
    await other.close();
  });

  it("makes the header's region picker when it is pressed, and the dashboard follows the region picked", async () => {
    await page.goto(`/dashboard?region=510000&year=${YEAR}`);
    await dashboardSettled(page);
    const field = page.getByTestId('region-field');
    expect(await field.textContent()).toContain('四川省');
    expect(await page.locator('.region-picker').count()).toBe(0);
    await field.click();
    const chengdu = page.locator('.el-cascader-node:visible', { hasText: '成都市' });
    await visible(chengdu);
    expect(await page.locator('.region-picker input').inputValue()).toBe('四川省');
    await shot(page, '25-dashboard-header-region-picker');
    await chengdu.locator('.el-radio').click();
    await expect.poll(query).toEqual({ region: '510100', year: YEAR });
    await expect.poll(current).toBe('成都市');
    expect(errors).toEqual([]);
  });
});
