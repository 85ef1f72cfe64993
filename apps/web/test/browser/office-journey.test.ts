import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { beijingToday } from '@kesu/schema';
import { ApiClient } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { confirmBox, toast, visible } from '../support/element';
import { SEED_DOCUMENTS } from '../support/paths';

// The office's day from a newly imported plan to a report accepted a level up: an account handed
// out for a unit, the reporter's first log-in, a deadline reminder, a return, a county approval,
// the city's acceptance, and every step in the audit trail.
const chromium = useBrowser('journey22-');
const pageOf = (who: string, logIn?: (page: Page) => Promise<void>) => chromium.as(who, logIn);
let office: ApiClient;
let planId = '';
let assignmentId = '';
let handedOut = { username: '', code: '' };
const UNIT = '青羊区教育局';
const REVIEWER = { username: 'qy-reviewer', password: 'qingyang-review-1' };
const REPORTER_PASSWORD = 'qingyang-edu-pass-1';
const COMMENT = '科普讲座场次请与台账核对后重报';

async function logInWith(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The reporter's notices of one kind, read through the API with the password it set. */
async function noticesOf(kind: string): Promise<Array<{ kind: string }>> {
  const base = inject('baseUrl');
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: handedOut.username, password: REPORTER_PASSWORD }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = (await (await fetch(`${base}/api/v1/notifications?limit=100`, { headers: { cookie } })).json()) as
    { items?: Array<{ kind: string }> } | Array<{ kind: string }>;
  const items = Array.isArray(list) ? list : (list.items ?? []);
  return items.filter((n) => n.kind === kind);
}

/** Fills every field of the open report: numbers in inputs, a sentence in each note. */
async function fillReport(page: Page, figure: string) {
  for (const input of await page.locator('input[id^="f-"]').all()) await input.fill(figure);
  for (const note of await page.locator('textarea[id^="f-"]').all()) await note.fill('本季度按计划推进各项任务。');
}

beforeAll(async () => {
  office = await ApiClient.as('admin');
  // A plan of 青羊区 the demo does not have: the 锦江区 seed, as its neighbour would write it.
  const seed = readFileSync(path.join(SEED_DOCUMENTS, '004_f78b51a62ab1b450.txt'), 'utf8').replaceAll('锦江', '青羊');
  const res = await office.upload(`/plans/import?name=${encodeURIComponent('青羊区实施方案.txt')}`, new Blob([seed]));
  if (res.status !== 201 && res.status !== 200) throw new Error(`import: ${res.status} ${await res.text()}`);
  planId = ((await res.json()) as { id: string }).id;
  const form = await office.post<{ id: string; department: string }>(`/plans/${planId}/forms/generate`, {
    department: '区教育局',
    periodKind: 'quarter',
  });
  expect(form.department).toBe(UNIT);
  await office.post(`/forms/${form.id}/publish`, {});
  const tomorrow = new Date(Date.parse(`${beijingToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const [created] = await office.post<Array<{ id: string }>>('/assignments', {
    formId: form.id,
    version: 1,
    pairs: [{ regionCode: '510105', department: UNIT }],
    periods: ['2025Q4'],
    dueDate: tomorrow,
  });
  assignmentId = created!.id;
  await office.post('/users', {
    username: REVIEWER.username,
    displayName: '青羊区审核人',
    password: REVIEWER.password,
    role: 'reviewer',
    regionCode: '510105',
  });
});

describe('running the office, from a new plan to a report accepted by the city', () => {
  it('the office creates the reporter accounts of the new plan and reads the unit’s code', async () => {
    const page = await pageOf('admin');
    await page.goto(`/plans/${planId}`);
    await page.getByTestId('plan-accounts').click();
    const dialog = page.getByTestId('plan-accounts-dialog');
    await dialog.getByTestId('plan-accounts-create').click();
    await visible(dialog.getByText(/已新建 \d+ 个填报账号/));
    const row = dialog.locator('tr[data-username]', { hasText: UNIT });
    await visible(row);
    handedOut = {
      username: (await row.getAttribute('data-username')) ?? '',
      code: (await row.locator('[data-test="handout-code"]').textContent()) ?? '',
    };
    expect(handedOut.username).toMatch(/^510105\./);
    await shot(page, 'journey22-01-accounts');
    await dialog.getByRole('button', { name: '我已记下，关闭' }).click();
  });

  it('the reporter logs in with the code, sets a password and finds the task', async () => {
    const page = await pageOf('reporter', async (p) => {
      await p.goto(`/login?user=${encodeURIComponent(handedOut.username)}&code=${encodeURIComponent(handedOut.code)}`);
      const form = p.getByTestId('code-form');
      await visible(form);
      await p.locator('#code-password').fill(REPORTER_PASSWORD);
      await p.locator('#code-confirm').fill(REPORTER_PASSWORD);
      await form.getByRole('button', { name: '设置密码并登录' }).click();
      await p.waitForURL((url) => url.pathname === '/report');
    });
    await visible(page.locator(`tr[data-assignment="${assignmentId}"]`));
  });

  it('a reminder of the deadline tomorrow arrives once, however often the office runs the check', async () => {
    const page = await pageOf('admin');
    for (let i = 0; i < 2; i++) {
      await page.goto('/inbox?tab=outbox');
      await page.getByTestId('outbox').getByTestId('outbox-run').click();
      await toast(page, /已检查 \d+ 项未提交的任务/);
    }
    expect(await noticesOf('deadline.due1')).toHaveLength(1);
    const reporter = await pageOf('reporter');
    await reporter.goto('/report');
    await reporter.getByTestId('inbox-bell').click();
    await visible(reporter.getByTestId('inbox-latest').locator('[data-kind="deadline.due1"]'));
    await shot(reporter, 'journey22-02-reminder');
    await reporter.keyboard.press('Escape');
  });

  it('the reporter fills the report and submits it', async () => {
    const page = await pageOf('reporter');
    await page.goto(`/report/${assignmentId}`);
    await visible(page.locator('input[id^="f-"]'));
    await fillReport(page, '12');
    await page.getByTestId('submit').click();
    await confirmBox(page, '提交审核');
    await toast(page, '已提交，等待审核');
  });

  it('the county reviewer returns it with a comment, which reaches the reporter’s inbox', async () => {
    const page = await pageOf(REVIEWER.username, (p) => logInWith(p, REVIEWER.username, REVIEWER.password));
    await page.goto('/review');
    const row = page.locator(`tr[data-assignment="${assignmentId}"]`);
    await visible(row);
    await row.getByRole('button', { name: '审核' }).click();
    await page.getByTestId('return').click();
    await page.getByLabel('退回意见（填报单位可见）').fill(COMMENT);
    await page.getByRole('dialog').getByTestId('confirm-return').click();
    await toast(page, '已退回填报单位');

    const reporter = await pageOf('reporter');
    await expect.poll(async () => (await noticesOf('submission.returned')).length, { timeout: 15_000 }).toBe(1);
    await reporter.goto('/inbox');
    const notice = reporter
      .getByTestId('inbox-list')
      .locator('[data-kind="submission.returned"]', { hasText: COMMENT });
    await visible(notice);
    await shot(reporter, 'journey22-03-returned-inbox');
    await notice.click();
    await visible(reporter.getByTestId('returned-comment').getByText(COMMENT));
    await fillReport(reporter, '10');
    await reporter.getByTestId('submit').click();
    await confirmBox(reporter, '提交审核');
    await toast(reporter, '已提交，等待审核');
  });

  it('the county approves, the city accepts', async () => {
    const county = await pageOf(REVIEWER.username);
    await county.goto(`/review/${assignmentId}`);
    await county.getByTestId('approve').click();
    await confirmBox(county, '审核通过');
    await toast(county, '已审核通过');

    const city = await pageOf('cd-reviewer');
    await city.goto('/review');
    const row = city.locator(`tr[data-assignment="${assignmentId}"]`);
    await visible(row);
    await row.getByRole('button', { name: '审核' }).click();
    await city.getByTestId('accept').click();
    await confirmBox(city, '接收');
    await toast(city, '已接收');
    await visible(city.getByText('市级已审核通过，数据已锁定'));
    await shot(city, 'journey22-04-accepted');
  });

  it('the audit page shows every step with the previous values', async () => {
    const page = await pageOf('admin');
    await page.goto(`/records/audit?entity=submission&entityId=${assignmentId}`);
    await visible(page.getByTestId('audit-total').getByText('共 5 条记录'));
    const actions = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    // Newest first.
    const words = ['接收', '审核通过', '提交', '退回', '提交'];
    for (const [i, word] of words.entries()) expect(actions[i], `row ${i + 1}`).toContain(word);
    expect(actions[3]).toMatch(/待审核\s*→\s*已退回/);
    await shot(page, 'journey22-05-audit');
  });

  it('threw no uncaught error on any page', () => {
    for (const each of chromium.errors()) expect(each).toEqual({ who: each.who, errors: [] });
  });
});
