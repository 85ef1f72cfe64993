import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, assignmentOf, type AssignmentRow } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { visible } from '../support/element';

const chromium = useBrowser();
let context: BrowserContext;
let page: Page;
let assignment: AssignmentRow;
let reporter: ApiClient;

beforeAll(async () => {
  reporter = await ApiClient.as('jj-edu');
  assignment = await assignmentOf(reporter, '锦江区教育局', '2025Q4');
  ({ context, page } = await chromium.open('jj-edu', { name: 'offline' }));
  await page.goto(`/report/${assignment.id}`);
  await visible(page.locator('.survey'));
});

const serverValue = async (field: string) =>
  (await reporter.get<{ submission: { values: Record<string, unknown> } | null }>(`/assignments/${assignment.id}`))
    .submission?.values[field];

describe('autosave on a flaky connection', () => {
  it('keeps the draft in the browser while offline and sends it when the connection is back', async () => {
    await context.setOffline(true);
    await page.locator('#f-s1t2_g1').fill('33');
    await visible(page.getByTestId('save-state').getByText('网络不通'), 20_000);
    await shot(page, '15-report-offline');
    const kept = await page.evaluate((key) => localStorage.getItem(key), `kesu.draft.${assignment.id}`);
    expect(JSON.parse(kept ?? '{}').payload.values.s1t2_g1).toBe(33);
    await context.setOffline(false);
    await visible(page.getByTestId('save-state').getByText('草稿已保存'), 20_000);
    expect(await serverValue('s1t2_g1')).toBe(33);
    expect(await page.evaluate((key) => localStorage.getItem(key), `kesu.draft.${assignment.id}`)).toBeNull();
  });

  it('restores a draft the server never got when the form is opened again, and sends it', async () => {
    await context.setOffline(true);
    await page.locator('#f-s1t2_g1').fill('44');
    await visible(page.getByTestId('save-state').getByText('网络不通'), 20_000);
    await page.close();
    await context.setOffline(false);
    page = await context.newPage();
    await page.goto(`/report/${assignment.id}`);
    await visible(page.getByText('已恢复本机尚未上传的草稿'));
    expect(await page.locator('#f-s1t2_g1').inputValue()).toBe('44');
    await expect.poll(() => serverValue('s1t2_g1'), { timeout: 20_000 }).toBe(44);
  });
});
