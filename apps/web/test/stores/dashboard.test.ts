import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { OWN_REPORT_IDS, REPORT_IDS } from '@kesu/analytics/charts';
import { reportRows, targetProgress, targetRollup } from '../../src/api/analytics';
import { ApiFailure } from '../../src/api/client';
import { i18n, setLocale } from '../../src/i18n';
import { useDashboardStore } from '../../src/stores/dashboard';
import { useDashboardPrefetchStore } from '../../src/stores/dashboard-prefetch';
import { useSessionStore } from '../../src/stores/session';

const password = (username: string) => inject('logins')[username] as string;
const logIn = (username: string) => useSessionStore().login(username, password(username));

/**
 * The page the dashboard is laid out in: its scrolling area is 1200 px wide, so each chart is
 * drawn one to a row at 1200 − 2 × 24 (page padding) − 2 × 9 (panel inset) = 1134 px.
 */
const CONTENT_WIDTH = 1200;
const CHART_WIDTH = 1134;

beforeEach(() => {
  vi.stubGlobal('document', {
    querySelector: (selector: string) => (selector === '.shell-content' ? { clientWidth: CONTENT_WIDTH } : null),
    documentElement: { lang: 'zh-CN' },
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  if (i18n.global.locale.value !== 'zh-CN') await setLocale('zh-CN');
  vi.unstubAllGlobals();
});

/** The API requests the page sends from now on (the real server answers them). */
function watchRequests() {
  const spy = vi.spyOn(globalThis, 'fetch');
  return () => spy.mock.calls.map(([input]) => decodeURIComponent(String(input)).replace('/api/v1', ''));
}

/**
 * A slow line for some requests: the real server's answers to them reach the page only when
 * `release` is called (the requests themselves go out at once).
 */
function holdBack(slow: (url: string) => boolean) {
  const network = globalThis.fetch;
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const answer = await network(input, init);
    if (slow(decodeURIComponent(String(input)))) {
      held.push(String(input));
      await gate;
    }
    return answer;
  });
  return { release: () => release(), held };
}

/** What the server answers for a region and year, read straight from it. */
async function serverView(code: string, year: number) {
  const rows = Object.fromEntries(
    await Promise.all(REPORT_IDS.map(async (id) => [id, (await reportRows(id, code, year)).rows] as const)),
  );
  const targets = await targetProgress(code, year);
  const rollup = await targetRollup(code, year);
  return { rows, targets, rollup };
}

describe('the dashboard store', () => {
  it('loads every report of a region and year, its targets and how the plans below stand', async () => {
    await logIn('leader');
    const dashboard = useDashboardStore();
    expect([dashboard.region, dashboard.year]).toEqual([null, null]);

    const loading = dashboard.load('510000', 2024);
    // At once: what is on screen, and that each part is on its way.
    expect([dashboard.region, dashboard.year]).toEqual(['510000', 2024]);
    expect(REPORT_IDS.every((id) => dashboard.reports[id].loading)).toBe(true);
    expect(dashboard.targetsLoading).toBe(true);
    await loading;

    const server = await serverView('510000', 2024);
    for (const id of REPORT_IDS) {
      const report = dashboard.reports[id];
      expect([id, report.loading, report.error]).toEqual([id, false, null]);
      expect(report.rows).toEqual(server.rows[id]);
      expect(report.chart).toMatchObject({ width: CHART_WIDTH, lang: 'zh' });
      expect(report.chart?.svg).toMatch(new RegExp(`^<svg width="${CHART_WIDTH}" `));
    }
    // Sichuan's prefectures are compared, Chengdu among them.
    const literacy = dashboard.reports['literacy-rate'].rows as Array<{ region_code: string; region_name: string }>;
    expect(literacy.find((r) => r.region_code === '510100')?.region_name).toBe('成都市');
    expect(dashboard.reports['literacy-rate'].chart?.svg).toContain('公民具备科学素质的比例（%）');

    expect(dashboard.targets).toEqual(server.targets);
    expect(dashboard.targets.length).toBeGreaterThan(0);
    expect(dashboard.targets.every((t) => t.year === 2024)).toBe(true);
    expect([dashboard.targetsLoading, dashboard.targetsError]).toEqual([false, null]);
    // The region's own plans aside: the levels below it.
    expect(server.rollup.map((r) => r.level)).toContain('own');
    expect(dashboard.below).toEqual(server.rollup.filter((r) => r.level !== 'own'));
    expect(dashboard.below.map((r) => r.level)).toContain('prefecture');
  });

  it('draws the charts in the language shown', async () => {
    await logIn('sc-reviewer');
    await setLocale('en');
    const dashboard = useDashboardStore();
    await dashboard.load('510000', 2024);
    expect(dashboard.reports['literacy-rate'].chart).toMatchObject({ width: CHART_WIDTH, lang: 'en' });
    expect(dashboard.reports['literacy-rate'].chart?.svg).toContain('Science literacy rate (%)');
  });

  it('shows a district its own reports and targets, no regions to compare and no plans below', async () => {
    await logIn('jj-reviewer');
    const dashboard = useDashboardStore();
    await dashboard.load('510104', 2024);
    for (const id of ['literacy-rate', 'science-bases', 'reporting-heatmap'] as const)
      expect([id, dashboard.reports[id].rows]).toEqual([id, []]);
    // Without sub-regions, the targets on track are compared by the units' functions.
    const onTrack = dashboard.reports['targets-on-track'].rows as Array<{ grouping: string; key: string }>;
    expect(new Set(onTrack.map((r) => r.grouping))).toEqual(new Set(['function']));
    expect(onTrack.map((r) => r.key)).toContain('education');
    const own = (dashboard.reports['target-progress'].rows as Array<{ target_id: string }>).map((r) => r.target_id);
    expect(own.length).toBeGreaterThan(0);
    expect(dashboard.targets.map((t) => t.target_id).sort()).toEqual([...own].sort());
    expect(dashboard.below).toEqual([]);
    expect(REPORT_IDS.every((id) => dashboard.reports[id].error === null)).toBe(true);
  });

  it('refuses a region outside the caller’s scope part by part, with the reason in both languages', async () => {
    await logIn('jj-reviewer');
    const dashboard = useDashboardStore();
    await dashboard.load('510000', 2024);
    for (const id of REPORT_IDS) {
      const report = dashboard.reports[id];
      expect(report.error).toBeInstanceOf(ApiFailure);
      const failure = report.error as ApiFailure;
      expect([id, failure.status, failure.zh, failure.en]).toEqual([
        id,
        403,
        '无权访问',
        'not allowed for your role or scope',
      ]);
      expect([report.rows, report.chart, report.loading]).toEqual([[], null, false]);
    }
    expect((dashboard.targetsError as ApiFailure).status).toBe(403);
    expect([dashboard.targets, dashboard.targetsLoading, dashboard.below]).toEqual([[], false, []]);

    // The caller's own district next: the refusals are gone.
    await dashboard.load('510104', 2024);
    expect(REPORT_IDS.filter((id) => dashboard.reports[id].error !== null)).toEqual([]);
    expect(dashboard.targetsError).toBeNull();
    expect(dashboard.targets.length).toBeGreaterThan(0);
  });

  it('joins a load of the same region and year under way instead of asking again', async () => {
    await logIn('leader');
    const dashboard = useDashboardStore();
    const requests = watchRequests();
    await Promise.all([dashboard.load('510100', 2024), dashboard.load('510100', 2024)]);
    // Nine reports, the targets and the roll-up: once each.
    expect(requests()).toHaveLength(REPORT_IDS.length + 2);
    expect(requests().filter((r) => r.startsWith('/progress/rollup?'))).toEqual([
      '/progress/rollup?region=510100&year=2024',
    ]);
    // Done: coming back to it reads it again.
    await dashboard.load('510100', 2024);
    expect(requests()).toHaveLength(2 * (REPORT_IDS.length + 2));
  });

  it('keeps the latest region asked for when answers about an earlier one arrive late', async () => {
    await logIn('leader');
    const dashboard = useDashboardStore();
    const line = holdBack((url) => /(parent|region)=510000&/.test(url));
    const earlier = dashboard.load('510000', 2024);
    const latest = dashboard.load('510100', 2024);
    await latest;
    expect(line.held).toHaveLength(REPORT_IDS.length + 2);
    line.release();
    await earlier;

    const server = await serverView('510100', 2024);
    expect([dashboard.region, dashboard.year]).toEqual(['510100', 2024]);
    for (const id of REPORT_IDS) {
      expect(dashboard.reports[id].rows).toEqual(server.rows[id]);
      expect([id, dashboard.reports[id].loading]).toEqual([id, false]);
    }
    const literacy = dashboard.reports['literacy-rate'].rows as Array<{ region_code: string }>;
    expect(literacy.map((r) => r.region_code)).toContain('510104');
    expect(dashboard.targets).toEqual(server.targets);
    expect(dashboard.below).toEqual(server.rollup.filter((r) => r.level !== 'own'));
  });

  it('drops a late refusal about an earlier region: the region on screen shows no error', async () => {
    await logIn('jj-reviewer');
    const dashboard = useDashboardStore();
    const line = holdBack((url) => /(parent|region)=510000&/.test(url));
    const earlier = dashboard.load('510000', 2023);
    await dashboard.load('510104', 2023);
    line.release();
    await earlier;
    expect(dashboard.region).toBe('510104');
    expect(REPORT_IDS.filter((id) => dashboard.reports[id].error !== null)).toEqual([]);
    expect(dashboard.targetsError).toBeNull();
    expect(dashboard.targets.length).toBeGreaterThan(0);
    expect(dashboard.targets.every((t) => t.year === 2023)).toBe(true);
  });

  it('takes over the requests its route sent early, for the same region, year and drawing', async () => {
    await logIn('leader');
    const dashboard = useDashboardStore();
    const requests = watchRequests();
    useDashboardPrefetchStore().request('510000', 2023, { width: CHART_WIDTH, lang: 'zh' });
    expect(requests()).toHaveLength(REPORT_IDS.length + 1);
    await dashboard.load('510000', 2023);
    // Only the roll-up is asked for by the store itself.
    expect(requests().slice(REPORT_IDS.length + 1)).toEqual(['/progress/rollup?region=510000&year=2023']);
    expect(dashboard.reports['trainings'].chart?.width).toBe(CHART_WIDTH);
    expect(dashboard.reports['trainings'].rows).toEqual((await reportRows('trainings', '510000', 2023)).rows);
    expect(dashboard.targets).toEqual(await targetProgress('510000', 2023));
  });

  it('asks again when the early requests were for another drawing, and draws at the page’s width', async () => {
    await logIn('leader');
    const dashboard = useDashboardStore();
    const requests = watchRequests();
    useDashboardPrefetchStore().request('510000', 2023, { width: 800, lang: 'zh' });
    await dashboard.load('510000', 2023);
    expect(requests()).toHaveLength(REPORT_IDS.length + 1 + REPORT_IDS.length + 2);
    for (const id of OWN_REPORT_IDS) {
      expect(dashboard.reports[id].chart?.width).toBe(CHART_WIDTH);
      expect(dashboard.reports[id].chart?.svg).toMatch(new RegExp(`^<svg width="${CHART_WIDTH}" `));
    }
  });
});
