import { readFileSync } from 'node:fs';
import { beijingToday } from '@kesu/schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { toast, visible } from '../support/element';

// 四川省's statistician writes a query with a parameter, runs it, charts it, saves and shares it,
// exports it three ways, cancels a slow one, meets the time limit, scrolls 100,000 rows, reads a
// mistake in Chinese, picks names into the query, sees statuses in words and what the scope hid,
// and tries to get out of the sandbox.
const chromium = useBrowser();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await chromium.open('sc-stat', { name: 'workbench' }));
  await page.goto('/sql');
  await visible(page.locator('.cm-content'));
});

/** Replaces the editor's text as a paste would (typing would trip the bracket auto-closing). */
async function setSql(text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const status = () => page.getByTestId('run-status').textContent();

async function download(format: RegExp): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: '导出' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.el-dropdown-menu__item:visible', { hasText: format }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
}

/** Runs the editor's query and waits until it has answered. */
async function run(sql: string): Promise<void> {
  await setSql(sql);
  await page.getByTestId('run').click();
  await expect.poll(async () => page.getByTestId('cancel').count(), { timeout: 20_000 }).toBe(0);
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
    // Regions along x, the total up y: not the first column whatever it is.
    expect(await page.getByTestId('chart-x').textContent()).toContain('地区');
    expect(await page.getByTestId('chart-y').textContent()).toContain('合计');
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
    const mine = await (
      await ApiClient.as('sc-stat')
    ).get<Array<{ title: string; shared: boolean; sql: string; mine: boolean }>>('/saved-queries');
    expect(mine.find((q) => q.title === '锦江区各指标合计')).toMatchObject({ shared: true, sql: QUERY, mine: true });
    const office = await (
      await ApiClient.as('admin')
    ).get<Array<{ title: string; mine: boolean; owner: string }>>('/saved-queries');
    expect(office.find((q) => q.title === '锦江区各指标合计')).toMatchObject({ mine: false, owner: 'sc-stat' });
  });

  it('exports CSV here, XLSX and Parquet from the server, each named after the saved query and the day', async () => {
    const csv = await download(/CSV/);
    expect(csv.name).toBe(`锦江区各指标合计-${beijingToday()}.csv`);
    expect(csv.bytes.toString('utf8').startsWith('\uFEFF地区,指标,合计\r\n')).toBe(true);
    expect(csv.bytes.toString('utf8')).toContain('锦江区');
    const xlsx = await download(/XLSX/);
    expect(xlsx.name).toBe(`锦江区各指标合计-${beijingToday()}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const parquet = await download(/Parquet/);
    expect(parquet.name).toBe(`锦江区各指标合计-${beijingToday()}.parquet`);
    expect([parquet.bytes.subarray(0, 4).toString(), parquet.bytes.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
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

  it('stops a query at the 10 s limit and says so within seconds of it, once', async () => {
    await setSql('SELECT count(*) AS n FROM range(100000000000) a');
    const started = Date.now();
    await page.getByTestId('run').click();
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.count(), { timeout: 30_000 }).toBe(1);
    // The limit, not twice the limit: a 408 answer made the browser send the query again.
    expect(Date.now() - started).toBeLessThan(16_000);
    expect(await problems.textContent()).toContain(
      '查询超过 10 秒的时间上限，已中止：请加筛选条件或先汇总，缩小查询范围',
    );
    expect(await status()).toBe('');
    await shot(page, '37-workbench-time-limit');
  });

  it("says DuckDB's mistake once, in Chinese, marked in the editor, with DuckDB's words on request", async () => {
    await run("SELECT '科学' AS 甲, regoin_code\nFROM fact_value");
    const problems = page.getByTestId('problems');
    await expect
      .poll(() => problems.getByTestId('problem-message').textContent())
      .toBe('字段「regoin_code」不存在；您是否要找：region_code、province_code、function_code？');
    expect(await problems.textContent()).toContain('第 1 行第 19 列');
    expect(await page.getByTestId('problem-mark').textContent()).toBe('regoin_code');
    // Said once: not again in the status line, and no English unless asked for.
    const body = (await page.locator('.workbench-main').textContent()) ?? '';
    expect(body.split('不存在').length - 1).toBe(1);
    expect(await status()).toBe('');
    expect(await problems.getByText(/Binder Error/).isVisible()).toBe(false);
    await problems.getByTestId('problem-original').locator('summary').click();
    await visible(problems.getByText(/Binder Error: Referenced column "regoin_code" not found/));
    await shot(page, '38-workbench-error-translated');
  });

  it('types a picked table or column name at the cursor, not at line 1, column 1', async () => {
    await setSql('SELECT *\nFROM \nLIMIT 10');
    await page.locator('.cm-line').nth(1).click();
    await page.keyboard.press('End');
    await page.getByRole('tab', { name: '数据表' }).click();
    await page.locator('.schema-name', { hasText: /^dim_region$/ }).click();
    await expect.poll(() => page.locator('.cm-content').innerText()).toBe('SELECT *\nFROM dim_region\nLIMIT 10');
    // Over a selection: the name replaces it.
    await page.locator('.cm-line').nth(0).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.locator('.schema-table', { hasText: 'dim_region' }).first().locator('summary .schema-doc').click();
    await page
      .locator('.schema-table', { hasText: 'dim_region' })
      .first()
      .locator('li .schema-name', { hasText: /^name$/ })
      .click();
    await expect.poll(() => page.locator('.cm-content').innerText()).toBe('SELECT name\nFROM dim_region\nLIMIT 10');
    // A query put back from the history leaves the cursor after it, not before it.
    await page.getByRole('tab', { name: '历史' }).click();
    await page.getByTestId('history').locator('button', { hasText: 'range(100000000000)' }).first().click();
    await page.getByRole('tab', { name: '数据表' }).click();
    await page.locator('.schema-name', { hasText: /^dim_region$/ }).click();
    await expect
      .poll(() => page.locator('.cm-content').innerText())
      .toBe('SELECT count(*) AS n FROM range(100000000000) a dim_region');
    await shot(page, '39-workbench-insert-at-cursor');
  });

  it('says the scope filtered the rows, and why a query outside it finds none', async () => {
    await run("SELECT region_code, period, value FROM fact_value WHERE province_code = '110000'");
    await expect.poll(status).toMatch(/^共 0 行/);
    expect(await page.getByTestId('scope-note').textContent()).toBe('结果已按您的权限范围（四川省）过滤');
    expect(await page.getByTestId('no-rows').textContent()).toContain(
      '您只能查询四川省及其下辖地区的数据，范围之外的行不可见，因此不会出现在结果中。',
    );
    await shot(page, '40-workbench-scope-hint');
    await run('SELECT 42 AS answer');
    expect(await page.getByTestId('scope-note').count()).toBe(0);
  });

  it('shows statuses as words over their codes, and exports the codes', async () => {
    await run('SELECT status, count(*) AS n FROM fact_progress GROUP BY status ORDER BY status');
    const grid = page.getByTestId('result-grid');
    await visible(grid.locator('[aria-rowindex="2"]'));
    const cells = grid.locator('.result-row [role="gridcell"]:nth-child(2)');
    const words = await cells.allTextContents();
    const codes = await cells.evaluateAll((els) => els.map((el) => el.getAttribute('title')));
    expect(words.length).toBeGreaterThan(1);
    expect(words.every((w) => /^(已完成|进度正常|存在风险|进度滞后|暂无数据)$/.test(w))).toBe(true);
    expect(codes.every((c) => /^(achieved|on_track|at_risk|behind|no_data)$/.test(c ?? ''))).toBe(true);
    const csv = (await download(/CSV/)).bytes.toString('utf8');
    expect(csv).toMatch(/\r\n(achieved|on_track|at_risk|behind|no_data),/);
    expect(csv).not.toMatch(/进度滞后|已完成/);
    await shot(page, '41-workbench-status-words');
  });

  it('sizes every column to its content and scrolls sideways when the columns are wider than the pane', async () => {
    await run(
      'SELECT target_id, region_code, year, as_of, status, actual, expected, rule_zh, rule_en, region_code AS 区划 ' +
        'FROM fact_progress ORDER BY target_id LIMIT 50',
    );
    const grid = page.getByTestId('result-grid');
    await visible(grid.locator('[aria-rowindex="2"]'));
    expect(await grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await grid.evaluate((el) => el.scrollTo(el.scrollWidth, 0));
    // No header and no cell is cut, the last column's included; only a long rule stops at the widest a column gets.
    const cut = await grid.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[role="columnheader"], [role="gridcell"]')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth && cell.clientWidth < 470)
        .map((cell) => cell.textContent),
    );
    expect(cut).toEqual([]);
    const last = grid.locator('[role="columnheader"]').last();
    const box = await last.boundingBox();
    const pane = await grid.boundingBox();
    expect(box && pane && box.x + box.width <= pane.x + pane.width + 1).toBe(true);
    await shot(page, '42-workbench-wide-result');
  });

  it.each([
    [
      "SELECT * FROM read_csv('/etc/passwd')",
      'read_csv',
      '不允许使用表函数 read_csv（不能读取文件或系统信息）',
      '第 1 行第 15 列',
    ],
    [
      'SELECT *\nFROM information_schema.tables',
      'information_schema.tables',
      '不能指定库或模式：information_schema.tables',
      '第 2 行第 6 列',
    ],
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
