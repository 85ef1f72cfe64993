import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { beijingYear } from '@kesu/schema';
import { shot, useBrowser } from '../support/browser';
import { dashboardSettled } from '../support/charts';
import { visible } from '../support/element';

const chromium = useBrowser('language-');
let page: Page;

describe('the language switch', () => {
  it('shows the app in English on request, remembers it, and goes back to Chinese', async () => {
    ({ page } = await chromium.open('jj-reviewer'));
    await page.locator('.el-radio-button', { hasText: 'EN' }).click();
    await visible(page.getByRole('link', { name: 'Review' }));
    await visible(page.getByRole('heading', { name: 'Review' }));
    await shot(page, '30-english-review-queue');
    // A report under review: its values with their units in English, the period in words.
    await page.locator('tr', { hasText: '锦江区科协' }).getByRole('button', { name: 'Review' }).first().click();
    await visible(page.locator('.survey-value', { hasText: /^\d[\d,.]* (events|people|person-times|sessions)$/ }));
    expect(await page.locator('.review-meta').textContent()).toMatch(/Q[1-4] \d{4}/);
    await shot(page, '30-english-review');
    await page.goto('/assignments');
    await visible(page.getByRole('heading', { name: 'Progress' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('.el-radio-button', { hasText: '中文' }).click();
    await visible(page.getByRole('heading', { name: '填报进度' }));
  });

  it('counts in English on the dashboard: units in words, signs for comparators, periods as spoken', async () => {
    ({ page } = await chromium.open('admin'));
    await page.locator('.el-radio-button', { hasText: 'EN' }).click();
    // The choice is remembered once the English texts have loaded.
    await visible(page.getByRole('link', { name: 'Dashboard' }));
    const year = String(beijingYear());
    // The demo's five years of reports end in 2025: that year's heat maps have cells to read.
    await page.goto('/dashboard?region=510100&year=2025');
    await dashboardSettled(page);
    await visible(page.getByTestId('chart-reporting-heatmap').locator('svg text', { hasText: 'Timeliness' }));
    await shot(page, '31-english-dashboard-prefecture');
    await page.getByTestId('chart-reporting-heatmap').scrollIntoViewIfNeeded();
    await shot(page, '31-english-dashboard-heatmap');
    await page.goto(`/dashboard?region=510104&year=${year}`);
    await dashboardSettled(page);
    const table = page.getByTestId('target-table');
    await visible(table);
    // Goal, actual, expected and as-of (the metric is the plan's own Chinese sentence).
    const text = (await table.locator('tbody td:nth-child(n+2):nth-child(-n+5)').allTextContents()).join(' | ');
    expect(text).toMatch(/≥ [\d,.]+ (people|person-times|events)/);
    expect(text).not.toMatch(/>=|\d{4}Q\d|人次|名|场|所/);
    await table.scrollIntoViewIfNeeded();
    await shot(page, '32-english-dashboard-county');
  });
});
