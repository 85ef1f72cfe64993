import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARISON_REPORT_IDS, reports } from '@kesu/analytics/charts';
import { loadParentDocuments, loadRegions } from '@kesu/seeds';
import { seedDemo, type DemoSummary } from '../src/demo/seed-demo.js';
import { loadSeeds } from '../src/seed.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let first: DemoSummary;

const YEARS = [2021, 2022, 2023, 2024, 2025];
const SICHUAN = loadRegions().filter((r) => r.parent === '510000');

async function storeCounts() {
  return h.ctx.store.reads.read(
    async (conn) =>
      (
        await conn.rows(
          'SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM forms) AS forms, ' +
            '(SELECT count(*) FROM assignments) AS assignments, ' +
            '(SELECT count(*) FROM submission_revisions) AS revisions, (SELECT count(*) FROM users) AS users',
        )
      )[0],
  );
}

beforeAll(async () => {
  h = await startHarness();
  await loadSeeds(h.ctx.store);
  first = await seedDemo(h.ctx, h.dir);
  await h.ctx.analytics.build();
}, 180_000);
afterAll(() => h.close());

describe('the demo of npm start', () => {
  it('gives every prefecture of 四川 approved reports in each year 2021—2025', async () => {
    const rows = await h.ctx.analytics.query(
      `SELECT t.ancestor_code AS region, list(DISTINCT s.year ORDER BY s.year) AS years
       FROM fact_submission s JOIN region_tree t ON t.region_code = s.region_code
       JOIN dim_region c ON c.region_code = t.ancestor_code
       WHERE c.parent_code = '510000' AND s.status = 'approved' GROUP BY 1`,
    );
    const years = new Map(rows.map((r) => [String(r['region']), r['years']]));
    expect(SICHUAN.length).toBe(21);
    for (const region of SICHUAN) expect(years.get(region.code), region.name).toEqual(YEARS);
  });

  it('has values at every step of the drill-down 四川省 → 成都市 → 锦江区, every year', async () => {
    const rows = await h.ctx.analytics.query(
      `SELECT t.ancestor_code AS region, list(DISTINCT v.year ORDER BY v.year) AS years
       FROM fact_value v JOIN region_tree t ON t.region_code = v.region_code
       WHERE t.ancestor_code IN ('510000', '510100', '510104') GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual(['510000', '510100', '510104'].map((region) => ({ region, years: YEARS })));
  });

  it('fills the 四川省 leader’s comparison charts with a value for every prefecture', async () => {
    for (const id of COMPARISON_REPORT_IDS) {
      const { sql, params } = reports[id].query({ parentCode: '510000', year: 2025 });
      expect((await h.ctx.analytics.query(sql, params as never)).length, id).toBeGreaterThan(0);
    }
    const literacy = reports['literacy-rate'].query({ parentCode: '510000', year: 2025 });
    const rates = await h.ctx.analytics.query(literacy.sql, literacy.params as never);
    expect(rates.map((r) => r['region_code'])).toEqual(SICHUAN.map((r) => r.code));
    for (const row of rates) {
      expect(row['rate'], String(row['region_name'])).toEqual(expect.any(Number));
      expect(row['target'], String(row['region_name'])).toEqual(expect.any(Number));
    }
    const bases = reports['science-bases'].query({ parentCode: '510000', year: 2025 });
    const stocks = (await h.ctx.analytics.query(bases.sql, bases.params as never)).filter(
      (r) => r['indicator_code'] === 'science_bases',
    );
    expect(stocks.filter((r) => Number(r['stock']) > 0)).toHaveLength(SICHUAN.length);
  });

  it('judges the seed regions’ plans on their own targets and keeps one plan per seed region', async () => {
    const plans = await h.ctx.analytics.query(
      `SELECT region_code, count(*) AS plans, any_value(title) AS title FROM dim_plan
       WHERE region_code IN ('653000', '230522', '532300', '150602', '510104') GROUP BY 1 ORDER BY 1`,
    );
    expect(plans.map((p) => [p['region_code'], Number(p['plans'])])).toEqual([
      ['150602', 1],
      ['230522', 1],
      ['510104', 1],
      ['532300', 1],
      ['653000', 1],
    ]);
    for (const p of plans) expect(String(p['title'])).not.toContain('演示');
    // 克州's literacy rate now comes from its synthetic science association: judged, not no data.
    const [literacy] = await h.ctx.analytics.query(
      `SELECT p.status FROM dim_target t JOIN fact_progress p USING (target_id)
       WHERE t.region_code = '653000' AND t.indicator_code = 'science_literacy_rate' AND p.year = 2025`,
    );
    expect(literacy?.['status']).not.toBe('no_data');
  });

  it('marks what it made as demo data', async () => {
    // The seed plans and the real parent plans (imported by demo-seed) are published documents; only
    // the synthetic ones say 演示.
    const marks = await h.ctx.store.reads.read(
      async (conn) =>
        (
          await conn.rows(
            `SELECT (SELECT count(*) FROM users WHERE NOT demo) AS real_users,
               (SELECT count(*) FROM plans
                 WHERE updated_by <> 'demo-seed' AND title NOT LIKE '%（演示）') AS unmarked_plans,
               (SELECT count(*) FROM forms WHERE plan_id IS NULL AND definition NOT LIKE '%（演示）%') AS unmarked_forms,
               (SELECT count(DISTINCT region_code) FROM plans WHERE title LIKE '%（演示）') AS marked_plans`,
          )
        )[0],
    );
    expect(marks).toEqual({
      real_users: '0',
      unmarked_plans: '0',
      unmarked_forms: '0',
      marked_plans: String(first.plans - 5 - loadParentDocuments().length),
    });
    expect(first.synthRegions).toBe(96);
  });

  it('changes nothing when run again', async () => {
    const before = await storeCounts();
    const again = await seedDemo(h.ctx, h.dir);
    expect(again).toMatchObject({ plans: 0, forms: 0, assignments: 0, submissions: 0, synthRegions: 0 });
    expect(await storeCounts()).toEqual(before);
  });
});
