import { describe, expect, it } from 'vitest';
import { shot, useBrowser } from '../support/browser';
import { visible } from '../support/element';
import { overflows } from '../support/layout';

const chromium = useBrowser();

describe('plans across levels', () => {
  it('a county reviewer’s plan beside the city’s (a marked demo), and the real province plan on request', async () => {
    const { page, errors } = await chromium.open('jj-reviewer', { name: 'alignment' });
    await page.getByRole('link', { name: '上下级方案对照' }).click();
    await visible(page.getByTestId('alignment-summary'));
    // No public copy of 成都市's plan exists: the demo's synthetic one stands in, and says so.
    await visible(page.locator('.side', { hasText: '成都市' }).getByText('演示数据'));
    const literacy = page.locator('tbody tr', { hasText: '全区公民具备科学素质的比例超过18%' });
    expect(await literacy.getAttribute('data-relation')).toMatch(/^(stricter|same|looser)$/);
    await shot(page, '60-alignment-county');

    await page.getByTestId('alignment-parent').click();
    await page.locator('.el-select-dropdown__item', { hasText: '四川省全民科学素质行动实施方案' }).click();
    await visible(page.locator('.side', { hasText: '四川省' }));
    await visible(literacy.getByText('本级「> 18%」高于上级「> 13%」'));
    expect(await literacy.getAttribute('data-relation')).toBe('stricter');
    expect(await page.locator('.side', { hasText: '四川省' }).getByText('演示数据').count()).toBe(0);
    expect(page.url()).toMatch(/\/alignment\?plan=[0-9a-f-]+&parent=[0-9a-f-]+$/);
    // The filter keeps the pairs of one relation.
    await page.locator('.el-radio-button', { hasText: '高于上级' }).click();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await shot(page, '61-alignment-county-province');
    expect(errors).toEqual([]);
  });

  it('opens from the plan review, and says plainly when a plan has no parent', async () => {
    const { page } = await chromium.open('admin', { name: 'alignment' });
    await page.goto('/plans');
    await page
      .locator('tr', { hasText: '四川省全民科学素质行动实施方案' })
      .getByRole('button', { name: '审核' })
      .click();
    await page.getByRole('button', { name: '对照上级方案' }).click();
    await visible(
      page.getByRole('status').getByText('四川省的上级地区尚无与其规划期（2021—2025年）同期的已导入实施方案，无法对照'),
    );
  });

  it('places the county’s trainings among every county-level plan on its dashboard', async () => {
    const { page, errors } = await chromium.open('jj-reviewer', { name: 'alignment' });
    await page.goto('/dashboard?region=510104&year=2025');
    const benchmark = page.getByTestId('benchmark');
    await visible(benchmark.getByTestId('benchmark-standing'));
    expect(await benchmark.getByTestId('benchmark-standing').textContent()).toMatch(
      /^锦江区的承诺高于 \d+ 份同级方案中的 \d+ 份$/,
    );
    // The box plot with each plan a dot, 锦江区 named.
    await visible(benchmark.locator('svg text', { hasText: '锦江区' }).first());
    await visible(benchmark.locator('svg text', { hasText: '培训人次（每年）' }).first());
    await visible(benchmark.locator('tr.focus', { hasText: '锦江区' }));
    await benchmark.scrollIntoViewIfNeeded();
    await shot(page, '63-benchmark-county');
    // 「…的承诺高于 N 份同级方案中的 M 份」: N plans at the level in all.
    const plansCounted = async () =>
      Number(/高于 (\d+) 份/.exec((await benchmark.getByTestId('benchmark-standing').textContent()) ?? '')?.[1]);
    const country = await plansCounted();
    await benchmark.locator('.el-radio-button', { hasText: '本省同级' }).click();
    await visible(benchmark.locator('svg text', { hasText: '本省同级地区已导入的' }).first());
    // Within Sichuan there are fewer: the demo has no other county-level plan there (other tests may import one).
    expect(await plansCounted()).toBeLessThan(country);
    expect(errors).toEqual([]);
  });

  it('drafts an ended plan’s next term: each old target with its final actual, saved as a plan, reviewed', async () => {
    const { page, errors } = await chromium.open('admin', { name: 'alignment' });
    await page.goto('/plans');
    await page
      .locator('tr', { hasText: '东胜区全民科学素质行动规划纲要实施方案（2021—2025年）' })
      .getByRole('button', { name: '审核' })
      .click();
    await page.getByTestId('next-term').click();
    await visible(
      page.getByTestId('next-term-title').getByText('东胜区全民科学素质行动规划纲要实施方案（2026—2030年）'),
    );
    const baselines = await page.getByTestId('baseline').allTextContents();
    expect(baselines).toHaveLength(26);
    expect(baselines.filter((b) => b !== '—').length).toBeGreaterThan(0);
    await shot(page, '64-next-term-draft');
    await page.getByTestId('save-next-term').click();
    await page.waitForURL((url) => /\/plans\/[0-9a-f-]+$/.test(url.pathname) && !page.url().includes('alignment'));
    await visible(page.getByRole('heading', { name: /2026—2030/ }));
    await page.getByRole('tab', { name: /目标/ }).click();
    await visible(page.getByTestId('target-previous').first());
    expect(await page.getByTestId('target-previous').first().textContent()).toMatch(
      /^上期：时点值 不少于 15% · 2025；终期实际 .+（.+）$/,
    );
    // A term still running has no next term to draft.
    expect(await page.getByTestId('next-term').count()).toBe(0);
    await page.getByTestId('save-plan').click();
    await visible(page.getByText('已保存为第 2 版'));
    await shot(page, '65-next-term-review');
    expect(errors).toEqual([]);
  });

  it('fits a phone: each pair a card, nothing wider than the screen', async () => {
    const { page } = await chromium.open('leader', {
      name: 'alignment',
      context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    });
    await page.goto('/alignment');
    await visible(page.getByTestId('alignment-summary'));
    expect(await overflows(page)).toEqual([]);
    expect(await page.locator('thead').isVisible()).toBe(false);
    await shot(page, '62-alignment-phone');
  });
});
