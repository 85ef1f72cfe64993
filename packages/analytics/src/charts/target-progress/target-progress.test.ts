import type { BarSeriesOption, ScatterSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetProgressRow as TargetProgressRowSchema } from '@kesu/schema';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { shareLabel, targetProgressHeight, targetProgressOptions } from './options.js';
import { targetProgressQuery, type TargetProgressRow } from './query.js';

const { akto, urumqi } = REGIONS;

const target = (
  n: number,
  region: { code: string },
  metric: string,
  lead: string,
  value: number,
  scope = 'cumulative',
) => ({
  target_id: `p1#${n}`,
  plan_id: 'p1',
  region_code: region.code,
  metric,
  lead_units: lead,
  value,
  scope,
  comparator: '>=',
  unit: '人次',
});
const verdict = (
  n: number,
  region: { code: string },
  year: number,
  status: string,
  actual: number | null,
  expected: number | null,
) => ({
  target_id: `p1#${n}`,
  region_code: region.code,
  year,
  as_of: String(year),
  status,
  actual,
  expected,
  rule_zh: `${year} 年判定`,
  rule_en: `judged for ${year}`,
});

let warehouse: TestWarehouse;

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_target: [
      target(1, akto, '培训农民', '县农业农村局、县科协', 1000),
      target(2, akto, '科普讲座', '县科协', 200),
      target(10, akto, '每校每学期讲座', '县教育局', 2, 'per_unit'),
      target(3, akto, '志愿者', '', 500),
      target(4, urumqi, '别处的目标', '市科协', 9),
    ],
    fact_progress: [
      verdict(1, akto, 2023, 'behind', 200, 600),
      verdict(1, akto, 2024, 'on_track', 760, 800),
      verdict(2, akto, 2024, 'achieved', 300, 160),
      verdict(10, akto, 2024, 'at_risk', 80, 100),
      verdict(4, urumqi, 2024, 'achieved', 9, 9),
    ],
  });
});
afterAll(() => warehouse.close());

const load = (year: number) => warehouse.query<TargetProgressRow>(targetProgressQuery({ parentCode: akto.code, year }));

describe('target-progress query', () => {
  it("lists the region's own targets grouped by lead unit, each with its verdict for the year", async () => {
    const rows = await load(2024);
    expect(rows.map((r) => [r.target_id, r.lead_units, r.year, r.status, r.actual])).toEqual([
      ['p1#1', '县农业农村局、县科协', 2024, 'on_track', 760],
      ['p1#10', '县教育局', 2024, 'at_risk', 80],
      ['p1#2', '县科协', 2024, 'achieved', 300],
      // A target without a lead unit comes last, and without a verdict reads as no data.
      ['p1#3', '', null, 'no_data', null],
    ]);
  });

  it('keeps an earlier year’s verdict for that year', async () => {
    const rows = await load(2023);
    expect(rows.find((r) => r.target_id === 'p1#1')).toMatchObject({
      year: 2023,
      status: 'behind',
      actual: 200,
      rule_zh: '2023 年判定',
    });
    expect(rows.find((r) => r.target_id === 'p1#2')).toMatchObject({ year: null, status: 'no_data' });
  });

  it('gives rows of the shape the API describes', async () => {
    for (const row of await load(2024)) expect(TargetProgressRowSchema.strict().safeParse(row).error).toBeUndefined();
  });
});

describe('target-progress options', () => {
  it('draws the share of each target reached in its status colour, with the pace and no-data marks', async () => {
    const rows = await load(2024);
    const option = targetProgressOptions(rows, { lang: 'zh' });
    const series = option.series as Array<BarSeriesOption | ScatterSeriesOption>;
    expect(series.find((s) => s.name === '进度正常')?.data).toEqual([76, '-', '-', '-']);
    // A per-unit target's actual is already a share of units; an achieved one past the cap stops at 150 %.
    expect(series.find((s) => s.name === '存在风险')?.data).toEqual(['-', 80, '-', '-']);
    expect(series.find((s) => s.name === '已完成')?.data).toEqual(['-', '-', 150, '-']);
    expect(series.find((s) => s.name === '按时间进度应达')?.data).toEqual([80, 100, 80, '-']);
    expect(series.find((s) => s.name === '暂无数据')?.data).toEqual(['-', '-', '-', 0]);
    expect(option.yAxis).toMatchObject({
      data: ['县农业农村局｜培训农民', '县教育局｜每校每学期讲座', '县科协｜科普讲座', '未列牵头单位｜志愿者'],
    });
    expect(targetProgressHeight(rows)).toBe(320);
  });

  it("tells target and actual with units, a per-unit target's actual as its share of units, in zh and en", async () => {
    const rows = await load(2024);
    const tip = (lang: 'zh' | 'en', index: number) =>
      (targetProgressOptions(rows, { lang }).tooltip as { formatter: (p: unknown) => string }).formatter([
        { dataIndex: index },
      ]);
    expect(tip('zh', 0)).toContain('目标：≥ 1,000人次<br/>实际：760人次（76%）');
    expect(tip('en', 0)).toContain('Target: ≥ 1,000 person-times<br/>Actual: 760 person-times (76%)');
    expect(tip('zh', 1)).toContain('实际：80%<br/>');
  });

  it('never labels a target short of its value as 100 %', () => {
    expect([shareLabel(99.68), shareLabel(99.4), shareLabel(100), shareLabel(121.3)]).toEqual([
      '99.7%',
      '99%',
      '100%',
      '121%',
    ]);
  });

  it('renders to SVG with the targets and lead units', async () => {
    const svg = renderSvg(targetProgressOptions(await load(2024), { lang: 'zh' }), { width: 800, height: 400 });
    expect(svg).toContain('县农业农村局｜培训农民');
    // The achieved target's bar stops at the cap; its label tells the true share.
    expect(svg).toContain('150%');
  });
});
