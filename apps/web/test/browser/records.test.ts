import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingToday } from '@kesu/schema';
import { latestOpenPeriod, periodsOfYears } from '../../src/features/assignments/assign-periods';
import { ApiClient, assignmentOf, type AssignmentRow } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { choose, toast, typeDate, visible } from '../support/element';

// The office's own screens: assigning a form to units in their regions (a county's included), the
// audit trail of one submission, and a backup made and downloaded.
const chromium = useBrowser();
let page: Page;
let errors: string[];
let office: ApiClient;

const DAY_MS = 86_400_000;
const today = beijingToday();
const dayFrom = (days: number) => new Date(Date.parse(today) + days * DAY_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ page, errors } = await chromium.open('admin', { name: 'admin' }));
  office = await ApiClient.as('admin');
});

describe('assigning a form to units in their regions', () => {
  // The demo's 锦江区 plan runs 2021—2025; its 区总工会 form is yearly.
  const period = latestOpenPeriod(periodsOfYears('year', { start: 2021, end: 2025 }), today) as string;
  const countText = () => page.getByTestId('assign-count').textContent();

  it('offers the plan’s units in its region, the form’s own ticked, and the plan’s latest open period', async () => {
    await page.goto('/assignments/new');
    await choose(page, 'assign-form', /锦江区总工会/);
    const own = page.locator('[data-pair="510104|锦江区总工会"]');
    await visible(own);
    expect(await own.locator('input').isChecked()).toBe(true);
    expect(await page.locator('[data-pair="510104|锦江区科协"] input').isChecked()).toBe(false);
    // Each unit is offered in its own region only: never a plan unit beside another region.
    const pairs = await page
      .locator('[data-pair]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-pair') ?? ''));
    expect(pairs.every((p) => p.startsWith('510104|'))).toBe(true);
    await visible(
      page
        .locator('#assign-periods')
        .locator('xpath=ancestor::div[contains(@class,"el-select")]')
        .getByText(`${period}年`),
    );
    expect(await countText()).toBe('将下发 1 项任务（1 个单位 × 1 个期间）');
  });

  it('adds a county’s unit found by typing part of its name, and counts pairs, not regions × units', async () => {
    await page.locator('#assign-pair-region').click();
    await page.locator('#assign-pair-region').pressSequentially('肥西');
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: '肥西县' }).first();
    await visible(option);
    expect(await option.textContent()).toContain('安徽省 / 合肥市 / 340123');
    await option.click();
    await page.locator('#assign-pair-unit').click();
    await page.locator('#assign-pair-unit').pressSequentially('肥西县总工会');
    await page.locator('#assign-pair-unit').press('Enter');
    await page.getByTestId('add-pair').click();
    const county = page.locator('[data-pair="340123|肥西县总工会"]');
    await visible(county);
    expect(await county.locator('input').isChecked()).toBe(true);
    expect(await countText()).toBe('将下发 2 项任务（2 个单位 × 1 个期间）');
    await page.locator('[data-pair="510104|锦江区科协"]').click();
    expect(await countText()).toBe('将下发 3 项任务（3 个单位 × 1 个期间）');
    await page.locator('[data-pair="510104|锦江区科协"]').click();
    expect(await countText()).toBe('将下发 2 项任务（2 个单位 × 1 个期间）');
  });

  it('warns before a due date already past, and assigns only once the date is right', async () => {
    const yesterday = dayFrom(-1);
    await typeDate(page, 'assign-due', yesterday);
    const warning = page.getByTestId('past-due');
    await visible(warning);
    expect(await warning.textContent()).toContain(`截止日期 ${yesterday} 已过（今天是 ${today}）`);
    await shot(page, '60-assign-pairs-past-due');
    await page.getByTestId('assign').click();
    const box = page.locator('.el-message-box');
    await visible(box.getByText('截止日期已过'));
    await box.getByRole('button', { name: '修改日期' }).click();
    await expect.poll(() => box.isVisible()).toBe(false);
    expect(await office.get<AssignmentRow[]>('/assignments?regionCode=340123')).toEqual([]);

    const due = dayFrom(30);
    await typeDate(page, 'assign-due', due);
    await expect.poll(() => warning.count()).toBe(0);
    await page.getByTestId('assign').click();
    await toast(page, '已下发 2 项任务');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/assignments');
    const county = await office.get<Array<AssignmentRow & { dueDate: string }>>('/assignments?regionCode=340123');
    expect(county.map((a) => [a.department, a.period, a.dueDate])).toEqual([['肥西县总工会', period, due]]);
  });

  it('reads in English with an English date picker', async () => {
    await page.evaluate(() => localStorage.setItem('kesu.locale', 'en'));
    try {
      await page.goto('/assignments/new');
      await choose(page, 'assign-form', /锦江区总工会/);
      await visible(page.locator('[data-pair="510104|锦江区总工会"]'));
      await visible(page.getByText('Add a unit of another region'));
      await expect.poll(countText, { timeout: 10_000 }).toBe('1 assignment(s): 1 unit(s) × 1 period(s)');
      // The usual deadline of a period long over would be past: two weeks from today is offered.
      await expect.poll(() => page.locator('#assign-due').inputValue()).not.toBe('');
      expect((await page.locator('#assign-due').inputValue()) >= today).toBe(true);
      await typeDate(page, 'assign-due', dayFrom(-1));
      await visible(page.getByTestId('past-due').getByText(`The due date ${dayFrom(-1)} has passed`));
      await page.locator('#assign-due').click();
      await expect
        .poll(() => page.locator('.el-picker-panel:visible .el-date-table th').allTextContents())
        .toContain('Mon');
      await shot(page, '61-assign-en');
      await page.keyboard.press('Escape');
    } finally {
      await page.evaluate(() => localStorage.setItem('kesu.locale', 'zh-CN'));
    }
  });
});

describe('the audit trail', () => {
  let id = '';

  beforeAll(async () => {
    // A quarter of the demo's 锦江区科协 form nobody has reported: saved, submitted, then returned.
    const { formId } = await assignmentOf(office, '锦江区科协', '2024Q1');
    const [created] = await office.post<Array<{ id: string }>>('/assignments', {
      formId,
      version: 1,
      pairs: [{ regionCode: '510104', department: '锦江区科协' }],
      periods: ['2023Q3'],
      dueDate: null,
    });
    id = created!.id;
    const reporter = await ApiClient.as('jj-kx');
    const view = await reporter.get<{ form: { sections: Array<{ fields: Array<{ id: string; type: string }> }> } }>(
      `/assignments/${id}`,
    );
    const fields = view.form.sections.flatMap((s) => s.fields);
    const values = Object.fromEntries(
      fields.map((f) => [
        f.id,
        f.type === 'long_text'
          ? '按计划推进'
          : f.type === 'percent'
            ? 80
            : f.type === 'yes_no'
              ? true
              : f.type === 'date'
                ? '2023-09-30'
                : 12,
      ]),
    );
    await reporter.post(`/assignments/${id}/submission/submit`, { values, formVersion: 1 });
    const reviewer = await ApiClient.as('jj-reviewer');
    await reviewer.post(`/assignments/${id}/submission/return`, { comment: '请补充第三季度活动照片' });
  });

  it('filtered to one submission, shows its steps newest first, by whom, with the previous values', async () => {
    await page.goto(`/records/audit?entity=submission&entityId=${id}`);
    await visible(page.getByTestId('audit-total').getByText('共 2 条记录'));
    const rows = page.locator('tr.audit-row');
    await expect.poll(() => rows.count()).toBe(2);
    const returned = rows.nth(0);
    expect(await returned.locator('[data-action]').textContent()).toBe('退回修改');
    expect(await returned.textContent()).toContain('锦江区审核人（演示）');
    expect(await returned.locator('[data-key="status"]').textContent()).toMatch(/状态：\s*待审核\s*→\s*已退回/);
    expect(await returned.locator('[data-key="revision"]').textContent()).toMatch(/1\s*→\s*2/);
    const submitted = rows.nth(1);
    expect(await submitted.locator('[data-action]').textContent()).toBe('提交');
    expect(await submitted.textContent()).toContain('锦江区科协填报人（演示）');
    expect(await submitted.locator('[data-key="status"]').textContent()).toMatch(/新建\s*待审核/);
    // The entity links to its page.
    expect(await returned.locator(`a[href="/review/${id}"]`).count()).toBe(1);
    await shot(page, '62-audit-submission');
  });

  it('filters by action from the page and keeps the filter in the address', async () => {
    await page.goto('/records/audit');
    await visible(page.locator('tr.audit-row'));
    await shot(page, '63-audit');
    await choose(page, 'audit-action', '退回修改');
    await page.getByTestId('audit-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('submission.return');
    await expect
      .poll(async () => [...new Set(await page.locator('tr.audit-row [data-action]').allTextContents())])
      .toEqual(['退回修改']);
  });
});

describe('backups', () => {
  it('makes one, lists it with its size and Beijing time, and downloads it', async () => {
    await page.goto('/records/backups');
    await page.getByTestId('make-backup').click();
    // A copy of the whole demo database takes a while on a busy machine.
    await page.locator('.el-message', { hasText: '已备份' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const listed = await office.get<Array<{ name: string; bytes: number }>>('/backups');
    const made = listed[0]!;
    const row = page.locator('tr', { has: page.locator(`[data-backup="${made.name}"]`) });
    await visible(row);
    expect(await row.textContent()).toMatch(new RegExp(today));
    await shot(page, '64-backups');
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-download]').click()]);
    expect(download.suggestedFilename()).toBe(made.name);
    expect(statSync(await download.path()).size).toBe(made.bytes);
  });

  it('threw no uncaught error on any page', () => {
    expect(errors).toEqual([]);
  });
});
