import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.js';
import { loadSeeds } from '../src/seed.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await loadSeeds(h.ctx.store);
  await seedDemo(h.ctx, h.dir);
  await h.ctx.analytics.build();
}, 120_000);
afterAll(() => h.close());

/** The worked examples of packages/analytics/README.md, one per scope: the page and the engine agree. */
const EXAMPLES = [
  {
    scope: 'annual',
    region: '532300',
    metric: '评定农民技术职称500人以上',
    status: 'behind',
    asOf: '2023',
    actual: 317,
    expected: 500,
  },
  {
    scope: 'cumulative',
    region: '532300',
    metric: '开展新型农民教育培训10万人次以上',
    status: 'at_risk',
    asOf: '2023',
    actual: 44421,
    expected: 49965.8,
  },
  {
    scope: 'point_in_time',
    region: '150602',
    metric: '在主城区建成1000平米以上的科普场馆',
    status: 'on_track',
    asOf: '2023',
    actual: 980,
    expected: 937,
  },
  {
    scope: 'per_unit',
    region: '150602',
    metric: '每校每学期举办科普讲座不少于2次',
    status: 'at_risk',
    asOf: '2023',
    actual: 87.9,
    expected: 100,
  },
  {
    scope: 'milestone',
    region: '150602',
    metric: '2023年底前成立罕台镇、兴胜街道办事处基层科协组织',
    status: 'behind',
    asOf: '2023',
    actual: 0,
    expected: 1,
  },
];

describe('progress on the seed plans with demo data', () => {
  it.each(EXAMPLES)('$scope: $metric is $status', async (example) => {
    const found = await h.ctx.analytics.query(
      `SELECT t.scope, p.status, p.as_of, p.actual, round(p.expected, 1) AS expected, p.rule_zh
       FROM dim_target t JOIN fact_progress p USING (target_id)
       WHERE t.region_code = $1 AND t.metric = $2 AND p.year = 2023`,
      [example.region, example.metric],
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      scope: example.scope,
      status: example.status,
      as_of: example.asOf,
      actual: example.actual,
      expected: example.expected,
    });
  });
});
