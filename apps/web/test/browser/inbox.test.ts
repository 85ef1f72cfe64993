import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatBeijingDateTime } from '@kesu/schema';
import { ApiClient, assignmentOf } from '../support/api';
import { login, shot, useBrowser } from '../support/browser';
import { visible } from '../support/element';

// A 锦江区科协 report the district's reviewer returns: its reporter sees the bell, opens the inbox
// and goes from the notice to the report with the reviewer's comment.
const COMMENT = '第二项活动人次与上季度差异过大，请核实后重新提交';
const chromium = useBrowser('inbox-');
let page: Page;
let errors: string[] = [];
let id = '';

interface Notice {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
}

beforeAll(async () => {
  // A quarter of the demo's 锦江区科协 form nobody has reported yet.
  const office = await ApiClient.as('admin');
  const { formId } = await assignmentOf(office, '锦江区科协', '2024Q1');
  const [created] = await office.post<Array<{ id: string }>>('/assignments', {
    formId,
    version: 1,
    regionCodes: ['510104'],
    departments: ['锦江区科协'],
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
  await reviewer.post(`/assignments/${id}/submission/return`, { comment: COMMENT });
  // The notice is stored just after the answer; wait until it is there.
  const returned = async () =>
    (await reporter.get<{ items: Notice[] }>('/notifications?limit=5')).items.some(
      (n) => n.link === `/report/${id}` && n.kind === 'submission.returned',
    );
  for (let waited = 0; !(await returned()); waited += 200) {
    if (waited > 15_000) throw new Error('the returned report never reached the reporter’s inbox');
    await new Promise((r) => setTimeout(r, 200));
  }
  ({ page, errors } = await chromium.open(null, { name: 'inbox' }));
});

describe('the inbox', () => {
  it('shows a returned report in the bell, and leads from the notice to the report with the comment', async () => {
    const reporter = await ApiClient.as('jj-kx');
    const { unread } = await reporter.get<{ unread: number }>('/notifications/unread-count');
    expect(unread).toBeGreaterThan(0);

    await login(page, 'jj-kx');
    const bell = page.getByTestId('inbox-bell');
    await visible(bell.locator('.el-badge__content', { hasText: String(Math.min(unread, 99)) }));
    expect(await bell.getAttribute('aria-label')).toBe(`消息：${unread} 条未读`);
    await shot(page, 'inbox-01-bell');

    await bell.click();
    const latest = page.getByTestId('inbox-latest');
    const notice = latest.locator('[data-kind="submission.returned"]', { hasText: '填报被退回' }).first();
    await visible(notice);
    await shot(page, 'inbox-02-latest');

    // The whole list, newest first, in Beijing time.
    await latest.getByRole('link', { name: '查看全部消息' }).click();
    await page.waitForURL('**/inbox');
    const list = page.getByTestId('inbox-list');
    const first = list.locator('[data-kind="submission.returned"]').first();
    await visible(first);
    const stored = (await reporter.get<{ items: Notice[] }>('/notifications?limit=20')).items.find(
      (n) => n.link === `/report/${id}` && n.kind === 'submission.returned',
    )!;
    await visible(list.locator(`[data-notice="${stored.id}"]`, { hasText: formatBeijingDateTime(stored.createdAt) }));
    await visible(list.locator(`[data-notice="${stored.id}"]`, { hasText: COMMENT }));
    await shot(page, 'inbox-03-page');

    await list.locator(`[data-notice="${stored.id}"]`).click();
    await page.waitForURL(`**/report/${id}`);
    await visible(page.getByTestId('returned-comment').getByText(COMMENT));
    await shot(page, 'inbox-04-report');
    // Read on opening: the count went down by one, on the server and on the bell.
    await expect
      .poll(async () => (await reporter.get<{ unread: number }>('/notifications/unread-count')).unread)
      .toBe(unread - 1);
    await page.goto('/inbox');
    await visible(page.getByTestId('inbox-list').locator(`[data-notice="${stored.id}"]:not(.unread)`));
    expect(errors).toEqual([]);
  });

  it('marks everything read and shows the list in English', async () => {
    await page.getByTestId('inbox-read-all').click();
    await visible(page.locator('.el-message', { hasText: /已将 \d+ 条消息标为已读/ }));
    await expect.poll(async () => (await page.getByTestId('inbox-bell').getAttribute('aria-label')) ?? '').toBe('消息');
    // The list marks its items after the bell counts down: wait for it to show the same.
    await expect.poll(() => page.locator('.inbox-item.unread').count()).toBe(0);
    await page.locator('.el-radio-button', { hasText: 'EN' }).click();
    await visible(page.getByRole('heading', { name: 'Messages' }));
    await visible(
      page
        .getByTestId('inbox-list')
        .getByText(/^Report returned: /)
        .first(),
    );
    await shot(page, 'inbox-05-english');
    await page.locator('.el-radio-button', { hasText: '中文' }).click();
    await visible(page.getByRole('heading', { name: '消息' }));
    expect(errors).toEqual([]);
  });

  it('lets the office see the mail outbox', async () => {
    const { page: office } = await chromium.open('admin', { name: 'office' });
    await office.goto('/inbox?tab=outbox');
    const outbox = office.getByTestId('outbox');
    await visible(outbox.getByText('尚未配置邮件服务器'));
    await visible(outbox.getByText('邮件队列为空'));
    await outbox.getByTestId('outbox-run').click();
    await visible(office.locator('.el-message', { hasText: /已检查 \d+ 项未提交的任务/ }));
    await shot(office, 'inbox-06-outbox');
    await office.context().close();
  });
});
