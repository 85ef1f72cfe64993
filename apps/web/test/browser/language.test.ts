import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newContext, shootOnFailure, shot } from '../support/browser';
import { visible } from '../support/element';

let browser: Browser;
let page: Page;
shootOnFailure(() => ({ language: page }));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the language switch', () => {
  it('shows the app in English on request, remembers it, and goes back to Chinese', async () => {
    page = await (await newContext(browser)).newPage();
    await login(page, 'jj-reviewer');
    await page.locator('.el-radio-button', { hasText: 'EN' }).click();
    await visible(page.getByRole('link', { name: 'Review' }));
    await visible(page.getByRole('heading', { name: 'Review' }));
    await shot(page, '30-english-review-queue');
    await page.goto('/assignments');
    await visible(page.getByRole('heading', { name: 'Progress' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('.el-radio-button', { hasText: '中文' }).click();
    await visible(page.getByRole('heading', { name: '填报进度' }));
  });
});
