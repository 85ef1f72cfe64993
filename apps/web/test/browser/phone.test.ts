import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingYear } from '@kesu/schema';
import { ApiClient, assignmentOf, type AssignmentRow } from '../support/api';
import { login, shot, useBrowser } from '../support/browser';
import { dashboardSettled } from '../support/charts';
import { visible } from '../support/element';
import { overflows, smallTargets } from '../support/layout';
import { typeIntoWorkbook } from '../support/xlsx';

// The reporter's pages on a phone held upright, and the office's dashboard and review page on a
// phone and on a tablet: one column, nothing wider than the screen, buttons a finger can hit.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true };
const COMMENT = '第二项活动人次与上季度差异过大，请核实后重新提交';

interface Field {
  id: string;
  type: string;
  required: boolean;
  min?: number;
}
interface View {
  form: { sections: Array<{ title: string; fields: Field[] }> };
}

const ACTIVITY_FORM = {
  title: '科普活动明细（手机测试）',
  periodKind: 'quarter',
  sections: [
    {
      id: 'events',
      title: '科普活动',
      fields: [
        { id: 'held', type: 'integer', label: '活动场次', unit: '场', required: true },
        { id: 'online', type: 'percent', label: '线上活动占比' },
        {
          id: 'activities',
          type: 'repeat_table',
          label: '活动明细',
          columns: [
            { id: 'name', type: 'text', label: '活动名称' },
            { id: 'visitors', type: 'integer', label: '参与人次' },
            { id: 'day', type: 'date', label: '举办日期' },
          ],
        },
      ],
    },
  ],
};

const chromium = useBrowser();
const pages: Record<string, Page> = {};
const errors: Record<string, string[]> = {};
/** A 锦江区科协 report its reviewer returned with a comment, and a blank 锦江区教育局 one. */
let returned = '';
let blank = '';
let blankView: View;
/** A 锦江区科协 report of a form with a table of activities, one row per activity. */
let withTable = '';

async function open(name: string, options: typeof PHONE): Promise<Page> {
  const opened = await chromium.open(null, { name, context: options });
  errors[name] = opened.errors;
  pages[name] = opened.page;
  return opened.page;
}

/** A report of a quarter nobody has reported yet, set up by the office for this test. */
async function freshAssignment(office: ApiClient, department: string, period: string): Promise<string> {
  const { formId } = await assignmentOf(office, department, '2024Q1');
  const [created] = await office.post<Array<{ id: string }>>('/assignments', {
    formId,
    version: 1,
    regionCodes: ['510104'],
    departments: [department],
    periods: [period],
    dueDate: null,
  });
  return created!.id;
}

beforeAll(async () => {
  const office = await ApiClient.as('admin');
  // Quarters no other journey uses: each test file owns the reports it changes.
  returned = await freshAssignment(office, '锦江区科协', '2022Q3');
  blank = await freshAssignment(office, '锦江区教育局', '2022Q2');
  const kx = await ApiClient.as('jj-kx');
  const view = await kx.get<View>(`/assignments/${returned}`);
  const values = Object.fromEntries(
    view.form.sections
      .flatMap((s) => s.fields)
      .map((f) => [
        f.id,
        f.type === 'long_text'
          ? '按计划推进'
          : f.type === 'percent'
            ? 80
            : f.type === 'yes_no'
              ? true
              : f.type === 'date'
                ? '2022-09-30'
                : 12,
      ]),
  );
  await kx.post(`/assignments/${returned}/submission/submit`, { values, formVersion: 1 });
  await (await ApiClient.as('jj-reviewer')).post(`/assignments/${returned}/submission/return`, { comment: COMMENT });
  blankView = await (await ApiClient.as('jj-edu')).get<View>(`/assignments/${blank}`);
  const form = await office.post<{ id: string }>('/forms', { department: '锦江区科协', definition: ACTIVITY_FORM });
  await office.post(`/forms/${form.id}/publish`, {});
  const [created] = await office.post<Array<{ id: string }>>('/assignments', {
    formId: form.id,
    version: 1,
    regionCodes: ['510104'],
    departments: ['锦江区科协'],
    periods: ['2023Q1'],
    dueDate: null,
  });
  withTable = created!.id;
});

/**
 * Nothing on the page is wider than the window, and the window is
 * the phone's (a phone zooms out to fit a page that is too wide).
 */
async function fits(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => window.innerWidth)).toBe(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  expect(await overflows(page)).toEqual([]);
}

describe('a reporter on a 390 × 844 phone', () => {
  it('logs in, or redeems a first-log-in code, on a page that fits', async () => {
    const page = await open('phone-login', PHONE);
    await page.goto('/login');
    await visible(page.getByLabel('用户名'));
    await fits(page, 390);
    expect(
      await smallTargets({
        login: page.getByRole('button', { name: '登录', exact: true }),
        code: page.getByTestId('have-code'),
      }),
    ).toEqual([]);
    await shot(page, 'phone-01-login');
    await page.getByTestId('have-code').click();
    await visible(page.getByTestId('code-form'));
    await fits(page, 390);
    await shot(page, 'phone-02-first-login-code');
  });

  it('lists the assignments as cards, with the menu in a drawer', async () => {
    const page = await open('phone-kx', PHONE);
    await login(page, 'jj-kx');
    await page.goto('/report');
    const card = page.locator(`tr[data-assignment="${returned}"]`);
    await visible(card);
    // The sidebar is out of the way until the menu button opens it.
    expect(await page.getByRole('link', { name: '我的填报任务' }).isVisible()).toBe(false);
    await fits(page, 390);
    expect(
      await smallTargets({
        menu: page.getByTestId('open-menu'),
        bell: page.getByTestId('inbox-bell'),
        fill: card.getByRole('button', { name: '填报' }),
      }),
    ).toEqual([]);
    await shot(page, 'phone-03-my-assignments');

    await page.getByTestId('open-menu').click();
    const link = page.getByRole('link', { name: '我的填报任务' });
    await visible(link);
    // Slid in all the way.
    await expect.poll(async () => (await page.locator('#shell-aside').boundingBox())?.x).toBe(0);
    expect(await page.getByTestId('open-menu').getAttribute('aria-expanded')).toBe('true');
    expect(await smallTargets({ link, logout: page.getByRole('button', { name: '退出登录' }) })).toEqual([]);
    await fits(page, 390);
    await shot(page, 'phone-04-menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => link.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('open-menu');
  });

  it('shows a returned report with its comment, one field under another, the submit button at the bottom', async () => {
    const page = pages['phone-kx'] as Page;
    await page.locator(`tr[data-assignment="${returned}"]`).getByRole('button', { name: '填报' }).click();
    await visible(page.getByTestId('returned-comment').getByText(COMMENT));
    await fits(page, 390);
    // Label above its box: a field takes the screen's width, not a third of it.
    const field = page.locator('.survey-field').first();
    const [label, body] = [
      await field.locator('.survey-label').boundingBox(),
      await field.locator('.survey-body').boundingBox(),
    ];
    expect(body!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
    expect(body!.width).toBeGreaterThan(300);
    await shot(page, 'phone-05-returned-report');

    // The submit bar stays at the bottom of the screen while the form scrolls under it.
    const submit = page.getByTestId('submit');
    const bottom = async () => (await submit.boundingBox())!.y + (await submit.boundingBox())!.height;
    expect(await bottom()).toBeGreaterThan(844 - 70);
    expect(await bottom()).toBeLessThanOrEqual(844);
    await page.locator('.shell-content').evaluate((el) => el.scrollBy(0, 600));
    expect(await bottom()).toBeGreaterThan(844 - 70);
    expect(await bottom()).toBeLessThanOrEqual(844);
    expect(
      await smallTargets({
        submit,
        download: page.getByRole('button', { name: '下载 Excel 模板' }),
        upload: page.locator('button', { hasText: '上传 Excel' }),
      }),
    ).toEqual([]);
    await shot(page, 'phone-06-returned-report-scrolled');
  });

  it('opens the inbox from the bell, on a page that fits', async () => {
    const page = pages['phone-kx'] as Page;
    await page.getByTestId('inbox-bell').click();
    await visible(page.getByTestId('inbox-latest'));
    await fits(page, 390);
    await shot(page, 'phone-07-bell');
    await page.getByTestId('inbox-latest').getByRole('link', { name: '查看全部消息' }).click();
    await page.waitForURL('**/inbox');
    await visible(page.getByTestId('inbox-list').locator('[data-kind="submission.returned"]'));
    await fits(page, 390);
    await shot(page, 'phone-08-inbox');
  });

  it('opens number boxes with a number keyboard, and says nothing about a blank before it was left', async () => {
    const page = await open('phone-edu', PHONE);
    await login(page, 'jj-edu');
    await page.goto(`/report/${blank}`);
    const fields = blankView.form.sections.flatMap((s) => s.fields);
    const numbers = fields.filter((f) => ['integer', 'decimal', 'percent'].includes(f.type));
    expect(numbers.length).toBeGreaterThan(0);
    await visible(page.locator(`#f-${numbers[0]!.id}`));
    for (const f of numbers) {
      const keyboard = f.type === 'integer' && (f.min ?? 0) >= 0 ? 'numeric' : 'decimal';
      expect(await page.locator(`#f-${f.id}`).getAttribute('inputmode'), f.id).toBe(keyboard);
    }
    await fits(page, 390);
    await shot(page, 'phone-09-blank-report');

    const required = fields.filter((f) => f.required);
    expect(required.length).toBeGreaterThan(1);
    expect(await page.locator('.survey-error').count()).toBe(0);
    const first = page.locator(`#f-${required[0]!.id}`);
    await first.focus();
    expect(await page.locator('.survey-error').count()).toBe(0);
    await first.blur();
    await visible(page.locator(`[data-field="${required[0]!.id}"] .survey-error`, { hasText: '为必填项' }));
    // Only the field that was left: the others are still untouched.
    expect(await page.locator('.survey-error').count()).toBe(1);
    await shot(page, 'phone-10-error-after-leaving');
  });

  it('lists every problem on submit, each naming its section and field, and goes to the one chosen', async () => {
    const page = pages['phone-edu'] as Page;
    await page.getByTestId('submit').click();
    const list = page.getByTestId('problem-list');
    await visible(list);
    const required = blankView.form.sections.flatMap((s) =>
      s.fields.filter((f) => f.required).map((f) => ({ ...f, section: s.title })),
    );
    await visible(list.getByRole('heading', { name: new RegExp(`报表有 ${required.length} 处问题`) }));
    const last = required.at(-1)!;
    const entry = list.locator(`[data-path="${last.id}"]`);
    expect(await entry.textContent()).toContain(last.section);
    expect(await entry.textContent()).toContain('为必填项');
    expect(await page.locator('.survey-error').count()).toBe(required.length);
    expect(await smallTargets({ entry })).toEqual([]);
    await fits(page, 390);
    await shot(page, 'phone-11-problem-list');

    await entry.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`f-${last.id}`);
    const box = await page.locator(`#f-${last.id}`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    await shot(page, 'phone-12-problem-chosen');

    // Fixed, it leaves the list.
    await page
      .locator(`#f-${last.id}`)
      .fill(['integer', 'decimal', 'percent'].includes(last.type) ? '5' : '按计划推进');
    await expect.poll(() => entry.count()).toBe(0);
  });

  it('takes an Excel workbook, and lists the cells it refuses, on a page that fits', async () => {
    const page = pages['phone-edu'] as Page;
    await page.locator('.shell-content').evaluate((el) => el.scrollTo(0, 0));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Excel 模板' }).click(),
    ]);
    const template = readFileSync(await download.path());
    const number = blankView.form.sections.flatMap((s) => s.fields).find((f) => f.type === 'integer')!;
    const bad = typeIntoWorkbook(template, { [number.id]: '五所' });
    await page.getByTestId('excel-file').setInputFiles({
      name: 'filled.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad.bytes,
    });
    await visible(page.getByTestId('upload-errors'));
    await fits(page, 390);
    await shot(page, 'phone-13-excel-refused');
    expect(errors['phone-edu']).toEqual([]);
  });

  it('fills a table as one card per row, and marks a cell only once it was left', async () => {
    const page = pages['phone-kx'] as Page;
    await page.goto(`/report/${withTable}`);
    await visible(page.locator('#f-held'));
    expect(await page.locator('#f-held').getAttribute('inputmode')).toBe('numeric');
    expect(await page.locator('#f-online').getAttribute('inputmode')).toBe('decimal');
    const table = page.locator('[data-field="activities"]');
    await table.getByRole('button', { name: '添加一行' }).click();
    await table.getByRole('button', { name: '添加一行' }).click();
    const visitors = (row: number) => page.locator(`#f-activities-${row}-visitors`);
    await visible(visitors(1));
    expect(await visitors(0).getAttribute('inputmode')).toBe('numeric');
    // A row is a card: its cells one under the other, each as wide as the card.
    const [name, count] = [await page.locator('#f-activities-0-name').boundingBox(), await visitors(0).boundingBox()];
    expect(count!.y).toBeGreaterThan(name!.y + name!.height);
    const cell = await table.locator('tbody tr').first().locator('td').nth(2).boundingBox();
    expect(cell!.width).toBeGreaterThan(280);
    expect(
      await smallTargets({
        remove: table.getByRole('button', { name: '删除第 1 行' }),
        add: table.getByRole('button', { name: '添加一行' }),
      }),
    ).toEqual([]);

    await visitors(0).fill('三百');
    expect(await table.locator('.survey-error').count()).toBe(0);
    await visitors(0).blur();
    await visible(table.locator('.survey-error', { hasText: '第 1 行' }));
    // Only the cell with the problem is marked, not the whole table.
    expect(await visitors(0).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-activities-0-name').getAttribute('aria-invalid')).toBeNull();
    // The second row's box is still being typed in.
    await visitors(1).fill('-5');
    expect(await table.locator('.survey-error').count()).toBe(1);
    await visitors(1).blur();
    await visible(table.locator('.survey-error', { hasText: '第 2 行' }));
    await fits(page, 390);
    await visitors(0).scrollIntoViewIfNeeded();
    await shot(page, 'phone-14-table-cards');
    expect(errors['phone-kx']).toEqual([]);
  });
});

/** A reviewer's page in English: logged in (in Chinese), then the language switched as it is remembered. */
async function inEnglish(name: string, options: typeof PHONE, who: string): Promise<Page> {
  const page = await open(name, options);
  await login(page, who);
  await page.evaluate(() => localStorage.setItem('kesu.locale', 'en'));
  return page;
}

describe('the dashboard and the review page in English on a phone and on a tablet', () => {
  let submitted: AssignmentRow;
  beforeAll(async () => {
    const reviewer = await ApiClient.as('jj-reviewer');
    const rows = await reviewer.get<AssignmentRow[]>(
      `/assignments?department=${encodeURIComponent('锦江区教育局')}&status=submitted`,
    );
    submitted = rows[0]!;
  });

  for (const [device, options] of [
    ['phone', PHONE],
    ['tablet', TABLET],
  ] as const) {
    const width = options.viewport.width;

    it(`shows the dashboard of 成都市 without sideways scrolling on a ${device}`, async () => {
      const page = await inEnglish(`${device}-dashboard`, options, 'cd-reviewer');
      await page.goto(`/dashboard?region=510100&year=${beijingYear()}`);
      await visible(page.locator('.dashboard h1'));
      await dashboardSettled(page);
      await fits(page, width);
      await shot(page, `${device}-20-dashboard-en`);
      await page.getByTestId('target-table').scrollIntoViewIfNeeded();
      await fits(page, width);
      await shot(page, `${device}-21-dashboard-targets-en`);
      expect(errors[`${device}-dashboard`]).toEqual([]);
    });

    it(`shows a report to review without sideways scrolling on a ${device}`, async () => {
      const page = await inEnglish(`${device}-review`, options, 'jj-reviewer');
      await page.goto(`/review/${submitted.id}`);
      await visible(page.getByTestId('approve'));
      await fits(page, width);
      await shot(page, `${device}-22-review-en`);
      expect(errors[`${device}-review`]).toEqual([]);
    });
  }
});
