import type { Page } from 'playwright-core';

/** The status colours of the targets-on-track bars (packages/analytics/src/charts/targets-on-track). */
export const STATUS_FILLS = ['#3ba272', '#5470c6', '#fac858', '#ee6666'];

/**
 * Clicks, as a person would, a bar drawn in one of `fills` inside the upper panel of a dashboard
 * chart (the charts are SVG, so each bar is an element with its colour): the tallest, or the
 * first region's (the leftmost). The legend's swatches sit above the plot and are left out.
 */
export async function clickBar(
  page: Page,
  chart: string,
  fills: string[],
  which: 'tallest' | 'first' = 'tallest',
): Promise<void> {
  const host = page.locator(`[data-test="${chart}"]`);
  await host.scrollIntoViewIfNeeded();
  const svg = await host.locator('.app-chart svg').boundingBox();
  if (!svg) throw new Error(`${chart}: no chart drawn`);
  const bars = await host.locator('.app-chart svg path').evaluateAll(
    (paths, wanted) =>
      paths.flatMap((p) => {
        const box = p.getBoundingClientRect();
        return wanted.includes(p.getAttribute('fill') ?? '') && box.height > 0
          ? [{ x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height }]
          : [];
      }),
    fills,
  );
  // The tallest segment (a sliver of a bar is easy to miss by a pixel), of the leftmost bar when asked.
  const upper = bars.filter((b) => b.y > svg.y + 100 && b.y < svg.y + svg.height * 0.46);
  const leftmost = Math.min(...upper.map((b) => b.x));
  const bar = (which === 'first' ? upper.filter((b) => Math.abs(b.x - leftmost) < 1) : upper).sort(
    (a, b) => b.height - a.height,
  )[0];
  if (!bar) throw new Error(`${chart}: no bar in ${fills.join(', ')} in its upper panel`);
  await page.mouse.click(bar.x, bar.y);
}

/**
 * The dashboard has opened what its address names: nothing loading, and the loading masks gone
 * (a mask still fading out would take a click meant for a bar).
 */
export async function dashboardSettled(page: Page): Promise<void> {
  await page.locator('[data-test="dashboard"][aria-busy="false"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => !document.querySelector('.dashboard [aria-busy="true"], .dashboard .el-loading-mask'),
    undefined,
    { timeout: 30_000 },
  );
}
