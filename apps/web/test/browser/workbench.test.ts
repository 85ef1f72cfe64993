import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api';
import { launch, login, newContext, shootOnFailure, shot, watchErrors } from '../support/browser';
import { toast, visible } from '../support/element';

// 四川省's statistician writes a query with a parameter, runs it, charts it, saves and shares it,
// exports it three ways, cancels a slow one, scrolls 100,000 rows, and tries to get out of the sandbox.
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser);
  page = await context.newPage();
  errors = watchErrors(page);
  await login(page, 'sc-stat');
  await page.goto('/sql');
  await visible(page.locator('.cm-content'));
});
shootOnFailure(() => ({ workbench: page }));
afterAll(async () => {
  await context.close();
  await browser.close();
});

/** Replaces the editor's text as a paste would (typing would trip the bracket auto-closing). */
async function setSql(text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const status = () => page.getByTestId('run-status').textContent();

async function download(format: RegExp): Promise<Buffer> {
  await page.getByRole('button', { name: '导出' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.el-dropdown-menu__item:visible', { hasText: format }).click()]);
  return readFileSync((await file.path()) as string);
}

const QUERY = `SELECT r.name AS 地区, v.indicator_code AS 指标, sum(v.value) AS 合计
FROM fact_value v JOIN dim_region r USING (region_code)
WHERE v.year = :year AND r.name = :region
GROUP BY ALL
ORDER BY 合计 DESC`;

describe('the SQL workbench', () => {
  it('runs a query with a parameter (Ctrl+Enter) and shows its rows and a chart', async () => {
    await setSql(QUERY);
    await page.getByTestId('param-year').fill('2025');
    await page.getByTestId('param-region').fill('锦江区');
    await page.keyboard.press('Escape');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(status, { timeout: 15_000 }).toMatch(/^共 [\d,]+ 行/);
    const grid = page.getByTestId('result-grid');
    await visible(grid.locator('[aria-rowindex="2"]'));
    expect(await grid.locator('[aria-rowindex="2"]').textContent()).toContain('锦江区');
    await shot(page, '30-workbench-result');

    await page.getByRole('tab', { name: '图表' }).click();
    await visible(page.locator('.result-chart svg'));
    await shot(page, '31-workbench-chart');
    await page.getByRole('tab', { name: '表格' }).click();
  });

  it('saves the query, shared, for every statistician and the office', async () => {
    await page.getByTestId('save').click();
    await page.getByTestId('save-title').fill('锦江区各指标合计');
    await page.getByTestId('save-shared').click();
    await page.getByTestId('save-confirm').click();
    await toast(page, '已保存“锦江区各指标合计”');
    await page.getByRole('tab', { name: '已保存' }).click();
    await visible(page.getByTestId('saved-mine').getByText('锦江区各指标合计'));
    await shot(page, '32-workbench-saved');
    const mine = await (await ApiClient.as('sc-stat')).get<Array<{ title: string; shared: boolean; sql: string; mine: boolean }>>('/saved-queries');
    expect(mine.find((q) => q.title === '锦江区各指标合计')).toMatchObject({ shared: true, sql: QUERY, mine: true });
    const office = await (await ApiClient.as('admin')).get<Array<{ title: string; mine: boolean; owner: string }>>('/saved-queries');
    expect(office.find((q) => q.title === '锦江区各指标合计')).toMatchObject({ mine: false, owner: 'sc-stat' });
  });

  it('exports the result as CSV here, and as XLSX and Parquet from the server', async () => {
    const csv = (await download(/CSV/)).toString('utf8');
    expect(csv.startsWith('\uFEFF地区,指标,合计\r\n')).toBe(true);
    expect(csv).toContain('锦江区');
    const xlsx = await download(/XLSX/);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const parquet = await download(/Parquet/);
    expect([parquet.subarray(0, 4).toString(), parquet.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
  });

  it('cancels a slow query, and the server goes on answering', async () => {
    await setSql('SELECT count(*) AS n FROM range(100000000000) a');
    await page.getByTestId('run').click();
    await expect.poll(status).toMatch(/正在查询/);
    await shot(page, '33-workbench-running');
    await page.getByTestId('cancel').click();
    await expect.poll(status).toBe('查询已取消');
    await setSql('SELECT 42 AS answer');
    await page.getByTestId('run').click();
    await expect.poll(status).toMatch(/^共 1 行/);
  });

  it.each([
    ["SELECT * FROM read_csv('/etc/passwd')", 'read_csv', '不允许使用表函数 read_csv（不能读取文件或系统信息）', '第 1 行第 15 列'],
    ['SELECT *\nFROM information_schema.tables', 'information_schema.tables', '不能指定库或模式：information_schema.tables', '第 2 行第 6 列'],
  ])('refuses an escape (%s) with a Chinese message at its place', async (sql, marked, message, place) => {
    await setSql(sql);
    await page.getByTestId('run').click();
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.textContent()).toContain(message);
    expect(await problems.textContent()).toContain(place);
    expect(await page.getByTestId('problem-mark').first().textContent()).toBe(marked);
    expect(await page.getByTestId('result-grid').count()).toBe(0);
    await shot(page, `34-workbench-refused-${marked.split('.')[0]}`);
  });

  it('scrolls 100,000 rows with only the rows in view in the page', async () => {
    await setSql("SELECT i, i % 7 AS bucket, '第' || i || '行' AS label FROM range(100000) t(i)");
    await page.getByTestId('run').click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/^共 100,000 行/);
    const grid = page.getByTestId('result-grid');
    await visible(grid.locator('[aria-rowindex="2"]'));
    expect(await grid.locator('[role="row"]').count()).toBeLessThan(80);
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await visible(grid.locator('[aria-rowindex="100001"]'));
    expect(await grid.locator('[role="row"]').count()).toBeLessThan(80);
    await shot(page, '35-workbench-100k');
  });

  it('completes the documented tables with their description', async () => {
    await setSql('SELECT * FROM fact_val');
    await page.keyboard.press('Control+Space');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'fact_value' });
    await visible(option);
    await visible(page.locator('.cm-completionInfo', { hasText: '已审核的指标值' }));
    await shot(page, '36-workbench-completion');
    await page.keyboard.press('Escape');
  });

  it('keeps a history of what was run in this browser', async () => {
    await page.getByRole('tab', { name: '历史' }).click();
    await visible(page.getByTestId('history').getByText('range(100000)'));
    expect(errors).toEqual([]);
  });
});
