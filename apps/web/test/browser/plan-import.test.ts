import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { visible } from '../support/element';
import { PLAN_VARIANTS } from '../support/paths';

const chromium = useBrowser();
let page: Page;
beforeAll(async () => {
  ({ page } = await chromium.open('admin', { name: 'import' }));
});

describe('importing plan documents in other formats', () => {
  it.each([
    ['a GBK-encoded text', 'county-gbk.txt', '平江县全民科学素质行动实施方案'],
    ['a Word document with a task table', 'district-table.docx', '雁塔区全民科学素质行动规划纲要实施方案'],
  ])('reads %s into a plan to review', async (_name, file, title) => {
    await page.goto('/plans');
    await page.getByTestId('plan-file').setInputFiles(path.join(PLAN_VARIANTS, file));
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await visible(page.getByRole('heading', { name: title }));
    expect(await page.locator('.plan-source-text .mark-task').count()).toBeGreaterThan(0);
  });

  it('says in Chinese why a document that is not a plan was refused, and stays on the list', async () => {
    await page.goto('/plans');
    await page.getByTestId('plan-file').setInputFiles(path.join(PLAN_VARIANTS, 'not-plan-novel.txt'));
    await visible(page.locator('.el-message--error'));
    expect(await page.locator('.el-message--error').textContent()).toMatch(/方案/);
    expect(new URL(page.url()).pathname).toBe('/plans');
  });
});
