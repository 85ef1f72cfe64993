import { describe, expect, it } from 'vitest';
import { assignmentOf, ApiClient } from '../support/api';
import { login, shot, useBrowser } from '../support/browser';

const chromium = useBrowser('access-');

describe('a reporter editing addresses', () => {
  it('gets a clear 无权访问 page for another unit’s assignment, and for a page of another role', async () => {
    const office = await ApiClient.as('admin');
    const others = await assignmentOf(office, '锦江区教育局', '2025Q4');
    const { context, page, errors } = await chromium.open('jj-kx');

    await page.goto(`/report/${others.id}`);
    const forbidden = page.getByTestId('forbidden');
    await expect.poll(() => forbidden.isVisible()).toBe(true);
    expect(await forbidden.textContent()).toContain('无权访问');
    // Nothing of the other unit's form leaks onto the page.
    expect(await page.locator('.survey').count()).toBe(0);
    await shot(page, '90-forbidden-other-unit');

    await page.goto(`/review/${others.id}`);
    await expect.poll(() => page.getByTestId('forbidden').isVisible()).toBe(true);
    await page.goto('/plans');
    await expect.poll(() => page.getByTestId('forbidden').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/plans');

    await page.goto('/report/00000000-0000-4000-8000-000000000000');
    await expect.poll(() => page.getByText('页面不存在').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a visitor without a session to log in, and back afterwards', async () => {
    const { context, page } = await chromium.open(null);
    await page.goto('/report');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await shot(page, '00-login');
    await login(page, 'jj-kx');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/report');
    await context.close();
  });
});

describe('a leader opening a link to another province', () => {
  it('is told the region is beyond their own, sees none of it, and goes back to their own', async () => {
    const { context, page, errors } = await chromium.open('leader');
    await page.goto('/dashboard?region=150000&year=2025');
    const notice = page.getByTestId('outside-scope');
    await expect
      .poll(() => notice.textContent())
      .toContain('内蒙古自治区不在您的查看范围内：您可以查看四川省及其下级地区。');
    expect(
      await page.locator('[data-test^="chart-"], [data-test="target-table"], [data-test="status-summary"]').count(),
    ).toBe(0);
    // The header's region picker keeps to the leader's own regions.
    expect(await page.getByTestId('region-field').textContent()).not.toContain('内蒙古');
    await shot(page, '26-dashboard-outside-scope');

    await page.goto('/print?region=150000&year=2025');
    await expect.poll(() => page.getByTestId('outside-scope').isVisible()).toBe(true);
    expect(await page.getByTestId('print-frame').count()).toBe(0);

    await page.getByRole('button', { name: '回到四川省' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('510000');
    await expect.poll(() => page.getByTestId('print-frame').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
