import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, assignmentOf } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { confirmBox, toast, visible } from '../support/element';

// A 锦江区 report approved by the district, accepted by 成都市, then returned by 四川省 one level
// down, each office on its own screen.
const chromium = useBrowser();
const as = (who: string) => chromium.as(who);
let id = '';
/** A number field of the form, changed by the reporter just before submitting. */
let numberField = '';

/** Opens the review queue's "waiting for me" list and the report in it. */
async function openFromQueue(page: Page): Promise<void> {
  await page.goto('/review');
  await visible(page.getByTestId('awaiting-me'));
  const row = page.locator(`tr[data-assignment="${id}"]`);
  await visible(row);
  await row.getByRole('button', { name: '审核' }).click();
  await visible(page.locator('.approval-steps'));
}

const stepsDone = (page: Page) =>
  page.locator('.approval-steps [data-done="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));

beforeAll(async () => {
  // A quarter of the demo's 锦江区教育局 form nobody has reported yet, filled in as a draft by its reporter.
  const office = await ApiClient.as('admin');
  const { formId } = await assignmentOf(office, '锦江区教育局', '2024Q1');
  const [created] = await office.post<Array<{ id: string }>>('/assignments', {
    formId,
    version: 1,
    regionCodes: ['510104'],
    departments: ['锦江区教育局'],
    periods: ['2023Q2'],
    dueDate: null,
  });
  id = created!.id;
  const reporter = await ApiClient.as('jj-edu');
  const view = await reporter.get<{ form: { sections: Array<{ fields: Array<{ id: string; type: string }> }> } }>(
    `/assignments/${id}`,
  );
  const fields = view.form.sections.flatMap((s) => s.fields);
  numberField = fields.find((f) => f.type === 'integer')!.id;
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
              ? '2023-06-30'
              : 12,
    ]),
  );
  await reporter.put(`/assignments/${id}/submission`, { values, formVersion: 1 });
});

describe('approval up the levels', () => {
  it('submit mid-autosave: the save lands first, the submit carries the last change, nothing is refused', async () => {
    const reporter = await as('jj-edu');
    const writes: Array<{ path: string; status: number }> = [];
    reporter.on('response', (r) => {
      if (r.request().method() !== 'GET' && r.url().includes(`/assignments/${id}/submission`))
        writes.push({ path: new URL(r.url()).pathname, status: r.status() });
    });
    // A slow connection: the server has each autosave at once, its answer comes two seconds later.
    await reporter.route(`**/api/v1/assignments/${id}/submission`, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const response = await route.fetch();
      await reporter.waitForTimeout(2000);
      await route.fulfill({ response });
    });
    await reporter.goto(`/report/${id}`);
    await visible(reporter.locator(`#f-${numberField}`));
    const saving = reporter.waitForRequest(
      (r) => r.method() === 'PUT' && r.url().includes(`/assignments/${id}/submission`),
    );
    await reporter.locator(`#f-${numberField}`).fill('13');
    await saving;
    // Changed again and submitted within the autosave's pause, while the first save is still on its way.
    await reporter.locator(`#f-${numberField}`).fill('14');
    await reporter.getByTestId('submit').click();
    await confirmBox(reporter, '提交审核');
    await toast(reporter, '已提交，等待审核');
    await reporter.waitForTimeout(2500);
    expect(writes.map((w) => w.status)).not.toContain(409);
    expect(writes.at(-1)?.path).toMatch(/\/submit$/);
    // The late answer to the autosave did not make the page a draft again.
    await visible(reporter.getByText('已提交，等待审核；审核前不能修改'));
    expect(await reporter.getByTestId('submit').count()).toBe(0);
    const office = await ApiClient.as('admin');
    const view = await office.get<{ submission: { status: string; values: Record<string, unknown> } }>(
      `/assignments/${id}`,
    );
    expect(view.submission).toMatchObject({
      status: 'submitted',
      values: expect.objectContaining({ [numberField]: 14 }),
    });
    await reporter.unroute(`**/api/v1/assignments/${id}/submission`);
  });

  it('the district approves what its unit submitted; the city is not asked before that', async () => {
    const city = await as('cd-reviewer');
    await city.goto('/review');
    await visible(city.getByTestId('awaiting-me'));
    await city.waitForLoadState('networkidle');
    expect(await city.locator(`tr[data-assignment="${id}"]`).count()).toBe(0);

    const district = await as('jj-reviewer');
    await openFromQueue(district);
    expect(await stepsDone(district)).toEqual([]);
    await district.getByTestId('approve').click();
    await confirmBox(district, '审核通过');
    await toast(district, '已审核通过');
    await visible(district.getByText('县级已审核通过，数据已锁定'));
    await visible(district.getByTestId('not-mine'));
    expect(await district.getByTestId('approve').count()).toBe(0);
    expect(await stepsDone(district)).toEqual(['county']);
  });

  it('the city accepts it, after which the district can no longer act on it', async () => {
    const city = await as('cd-reviewer');
    await openFromQueue(city);
    await shot(city, 'approval-01-city-to-accept');
    await city.getByTestId('accept').click();
    await confirmBox(city, '接收');
    await toast(city, '已接收');
    await visible(city.getByText('市级已审核通过，数据已锁定'));
    expect(await stepsDone(city)).toEqual(['county', 'prefecture']);

    const district = await as('jj-reviewer');
    await district.goto(`/review/${id}`);
    await visible(district.getByText('市级已审核通过，数据已锁定'));
    expect(await district.getByTestId('return').count()).toBe(0);
  });

  it('the province returns it one level down with a comment, and it waits for the city again', async () => {
    const province = await as('sc-reviewer');
    await openFromQueue(province);
    await province.getByTestId('return').click();
    await province.getByLabel('退回意见（填报单位可见）').fill('请市级复核培训人次');
    await province.getByRole('dialog').getByTestId('confirm-return').click();
    await toast(province, '已退回下一级审核');
    await shot(province, 'approval-02-province-returned');

    const city = await as('cd-reviewer');
    await openFromQueue(city);
    expect(await stepsDone(city)).toEqual(['county']);
    await visible(city.getByText('请市级复核培训人次'));
    // The return leaves the report with the city again: the page
    // still names who handed it in, and each step's person by name.
    await visible(city.locator('.review-meta', { hasText: '锦江区教育局填报人（演示） 于' }));
    const history = city.locator('.history li');
    expect(await history.allTextContents()).toEqual([
      expect.stringMatching(/^县级已审核四川省审核人（演示） 退回第 5 版 · .*意见：请市级复核培训人次$/),
      expect.stringMatching(/^市级已审核成都市审核人（演示） 接收第 4 版/),
      expect.stringMatching(/^县级已审核锦江区审核人（演示） 审核通过第 3 版/),
      expect.stringMatching(/^待审核锦江区教育局填报人（演示） 提交第 2 版/),
      expect.stringMatching(/^草稿锦江区教育局填报人（演示） 保存草稿第 1 版/),
    ]);
    await city.locator('.history').scrollIntoViewIfNeeded();
    await shot(city, 'approval-03-city-history');
  });

  it('threw no uncaught error on any page', () => {
    for (const each of chromium.errors()) expect(each).toEqual({ who: each.who, errors: [] });
  });
});
