import { readFileSync } from 'node:fs';
import type { PlanSummary } from '@kesu/schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type AssignmentRow } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { confirmBox, toast, visible } from '../support/element';

const chromium = useBrowser('accounts-');
let office: Page;
let person: Page;
let reviewer: Page;
let officeErrors: string[];

/** The 锦江区 plan of the seeds: the demo gives two of its units reporters, the others none. */
let planId: string;
let api: ApiClient;
/** The unit whose new reporter logs in, and the log-in handed out for it. */
let unit: string;
let handedOut: { username: string; code: string };

beforeAll(async () => {
  api = await ApiClient.as('admin');
  const plans = await api.get<PlanSummary[]>('/plans');
  planId = plans.find((p) => p.regionCode === '510104' && !p.title.includes('演示'))!.id;
  ({ page: office, errors: officeErrors } = await chromium.open('admin', { name: 'office' }));
});

describe('a reviewer sees who in the region has no account yet', () => {
  it('lists the plan’s units without a reporter, not those with one', async () => {
    reviewer = (await chromium.open('jj-reviewer', { name: 'reviewer' })).page;
    await reviewer.getByRole('link', { name: '尚未开通账号的单位' }).click();
    await visible(reviewer.getByRole('heading', { name: '尚未开通账号的单位' }));
    await visible(reviewer.locator('tr[data-unit="锦江区总工会"]'));
    expect(await reviewer.locator('tr[data-unit="锦江区教育局"]').count()).toBe(0);
    // A reviewer sees the list, not the office's button to open accounts.
    expect(await reviewer.getByRole('button', { name: '开通账号' }).count()).toBe(0);
    await shot(reviewer, '70-accounts-missing-reviewer');
  });
});

describe('the office creates reporter accounts for the units of a plan', () => {
  it('creates them in one step and shows each code once, with a printable list', async () => {
    await office.goto(`/plans/${planId}`);
    await office.getByTestId('plan-accounts').click();
    const dialog = office.getByTestId('plan-accounts-dialog');
    await visible(dialog.getByText('方案中的单位'));
    await shot(office, '71-accounts-plan-dialog');
    await dialog.getByTestId('plan-accounts-create').click();
    await visible(dialog.getByText(/已新建 \d+ 个填报账号/));
    await visible(dialog.getByText('登录码只显示这一次', { exact: false }));

    // A unit the demo has assignments for, so its reporter finds work waiting.
    const rows = await dialog.locator('tr[data-username]').evaluateAll((trs) =>
      trs.map((tr) => ({
        username: tr.getAttribute('data-username') ?? '',
        unit: tr.querySelector('td')?.firstChild?.textContent?.trim() ?? '',
        code: tr.querySelector('[data-test="handout-code"]')?.textContent ?? '',
      })),
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    let chosen: (typeof rows)[number] | undefined;
    for (const r of rows) {
      const assigned = await api.get<AssignmentRow[]>(`/assignments?department=${encodeURIComponent(r.unit)}`);
      if (assigned.length > 0) {
        chosen = r;
        break;
      }
    }
    expect(chosen, 'a new reporter’s unit with assignments').toBeDefined();
    unit = chosen!.unit;
    handedOut = { username: chosen!.username, code: chosen!.code };
    expect(handedOut.username).toMatch(/^510104\./);
    await shot(office, '72-accounts-plan-created');

    const download = office.waitForEvent('download');
    await dialog.getByTestId('handout-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await dialog.getByRole('button', { name: '我已记下，关闭' }).click();
  });

  it('skips every unit when run again', async () => {
    await office.getByTestId('plan-accounts').click();
    const dialog = office.getByTestId('plan-accounts-dialog');
    await dialog.getByTestId('plan-accounts-create').click();
    await visible(dialog.getByText('所有单位都已有账号，没有新建账号'));
    await dialog.getByRole('button', { name: '我已记下，关闭' }).click();
  });
});

describe('the new reporter logs in with the handed-out code', () => {
  it('sets a password from the link and lands on the unit’s assignments', async () => {
    const { page, errors } = await chromium.open(null, { name: 'person' });
    person = page;
    await person.goto(
      `/login?user=${encodeURIComponent(handedOut.username)}&code=${encodeURIComponent(handedOut.code)}`,
    );
    const form = person.getByTestId('code-form');
    await visible(form);
    expect(await person.locator('#code-username').inputValue()).toBe(handedOut.username);
    expect(await person.locator('#code-code').inputValue()).toBe(handedOut.code);
    await person.locator('#code-password').fill('my-own-password-1');
    await person.locator('#code-confirm').fill('my-own-password-2');
    await form.getByRole('button', { name: '设置密码并登录' }).click();
    await visible(form.getByText('两次输入的密码不一致'));
    await person.locator('#code-confirm').fill('my-own-password-1');
    await shot(person, '73-accounts-first-login');
    await form.getByRole('button', { name: '设置密码并登录' }).click();
    await person.waitForURL((url) => url.pathname === '/report');
    await visible(person.getByRole('heading', { name: '我的填报任务' }));
    await visible(person.locator('tr[data-assignment]'));
    expect(await person.locator('.shell-user').textContent()).toContain(unit);
    await shot(person, '74-accounts-reporter-assignments');
    expect(errors).toEqual([]);
  });

  it('cannot use the same code twice, and is told so', async () => {
    const { page: again } = await chromium.open(null, { name: 'again' });
    await again.goto('/login');
    await again.getByTestId('have-code').click();
    await again.locator('#code-username').fill(handedOut.username);
    await again.locator('#code-code').fill(handedOut.code);
    await again.locator('#code-password').fill('another-password-1');
    await again.locator('#code-confirm').fill('another-password-1');
    await again.getByRole('button', { name: '设置密码并登录' }).click();
    await visible(again.getByText('该登录码已使用过', { exact: false }));
    await again.close();
  });
});

describe('the office manages the accounts on 用户管理', () => {
  it('lists the new reporter with the last log-in in Beijing time, and finds it by text', async () => {
    await office.getByRole('link', { name: '用户管理' }).click();
    await visible(office.getByRole('heading', { name: '用户管理' }));
    await office.getByLabel('搜索用户名、姓名、单位或邮箱').fill(handedOut.username);
    const row = office.locator(`tr[data-username="${handedOut.username}"]`);
    await visible(row);
    expect(await office.locator('tr[data-username]').count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(unit);
    expect(text).toContain('正常');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await office.getByLabel('搜索用户名、姓名、单位或邮箱').fill('');
    await shot(office, '75-accounts-users');
  });

  it('creates a leader with a one-time code shown once', async () => {
    await office.getByTestId('user-create').click();
    const dialog = office.getByTestId('user-dialog');
    await office.locator('#user-username').fill('jj-leader');
    await office.locator('#user-name').fill('锦江区领导');
    await office.locator('.el-select', { has: office.locator('#user-role') }).click();
    await office.locator('.el-select-dropdown__item:visible', { hasText: '领导' }).click();
    await office.getByTestId('user-region').locator('.el-cascader').click();
    await office.locator('.el-cascader-node', { hasText: '四川省' }).click();
    await office.locator('.el-cascader-node', { hasText: '成都市' }).click();
    await office.locator('.el-cascader-node', { hasText: '锦江区' }).locator('.el-radio').click();
    await office.keyboard.press('Escape');
    await office.locator('#user-email').fill('leader@jinjiang.example.cn');
    await shot(office, '76-accounts-create-dialog');
    await dialog.getByTestId('user-save').click();
    const codeDialog = office.getByTestId('code-dialog');
    await visible(codeDialog.getByTestId('handout-code'));
    expect(await codeDialog.getByTestId('handout-code').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await shot(office, '77-accounts-code-dialog');
    await codeDialog.getByRole('button', { name: '我已记下，关闭' }).click();
    await visible(office.locator('tr[data-username="jj-leader"]', { hasText: '待设置密码' }));
  });

  it('refuses an account without a region, naming the field in Chinese', async () => {
    await office.getByTestId('user-create').click();
    const dialog = office.getByTestId('user-dialog');
    await office.locator('#user-username').fill('jj-leader');
    await office.locator('#user-name').fill('重名');
    await dialog.getByTestId('user-save').click();
    await visible(dialog.getByText('「所属地区」必填', { exact: false }));
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('disables the reporter: the open session is refused at once', async () => {
    const row = office.locator(`tr[data-username="${handedOut.username}"]`);
    await row.getByRole('button', { name: '停用' }).click();
    await confirmBox(office, '确定');
    await toast(office, `已停用 ${handedOut.username}`);
    await visible(row.getByText('已停用'));
    await person.reload();
    await person.waitForURL((url) => url.pathname === '/login');
    await row.getByRole('button', { name: '启用' }).click();
    await visible(row.getByText('正常'));
  });

  it('opens an account for a unit still without one, from the list of such units', async () => {
    await office.getByRole('link', { name: '尚未开通账号的单位' }).click();
    await visible(office.getByRole('heading', { name: '尚未开通账号的单位' }));
    // 锦江区's plan units all have accounts now; other regions' units are still listed.
    await visible(office.locator('tr[data-unit]'));
    expect(await office.locator('tr[data-unit="锦江区总工会"]').count()).toBe(0);
    await shot(office, '79-accounts-missing-office');
    const row = office.locator('tr[data-unit]').first();
    const department = (await row.getAttribute('data-unit'))!;
    await row.getByRole('button', { name: '开通账号' }).click();
    const dialog = office.getByTestId('user-dialog');
    await visible(dialog.locator('.el-select__selected-item', { hasText: department }));
    await office.locator('#user-username').fill('first-of-missing');
    await dialog.getByTestId('user-save').click();
    const codeDialog = office.getByTestId('code-dialog');
    await visible(codeDialog.getByTestId('handout-code'));
    expect(await codeDialog.locator('tr[data-username="first-of-missing"]').textContent()).toContain(department);
    await codeDialog.getByRole('button', { name: '我已记下，关闭' }).click();
    await expect.poll(() => office.locator(`tr[data-unit="${department}"]`).count()).toBe(0);
    await office.getByRole('link', { name: '用户管理' }).click();
  });

  it('shows the page in English too', async () => {
    await office.locator('.el-radio-button', { hasText: 'EN' }).click();
    await visible(office.getByRole('heading', { name: 'Users' }));
    await office.getByRole('heading', { name: 'Users' }).scrollIntoViewIfNeeded();
    await shot(office, '78-accounts-users-english');
    await office.locator('.el-radio-button', { hasText: '中文' }).click();
    await visible(office.getByRole('heading', { name: '用户管理' }));
    expect(officeErrors).toEqual([]);
  });
});
