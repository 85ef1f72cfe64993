import type { BoxplotSeriesOption, ScatterSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { benchmarkOf, spreadOf } from './benchmark.js';
import { commitmentBenchmarkOptions } from './options.js';
import { commitmentBenchmarkQuery, type BenchmarkRow } from './query.js';

const { akto, akqi, tianshan, kizilsu, dongcheng } = REGIONS;
const TRAININGS = { kind: 'flow', unit: '人次' } as const;
const NAME = { zh: '培训人次', en: 'Person-times trained' };

const plan = (id: string, region: { code: string }, start = 2021, end = 2025) => ({
  plan_id: id,
  title: `${id}实施方案`,
  region_code: region.code,
  start_year: start,
  end_year: end,
});
let n = 0;
const target = (
  planId: string,
  region: { code: string },
  scope: string,
  value: number,
  unit = '人次',
  indicator = 'training_person_times',
) => ({
  target_id: `${planId}#${n++}`,
  plan_id: planId,
  region_code: region.code,
  metric: '培训',
  indicator_code: indicator,
  scope,
  comparator: '>=',
  value,
  unit,
});
const verdict = (t: { target_id: string; region_code: string }, year: number, actual: number) => ({
  target_id: t.target_id,
  region_code: t.region_code,
  year,
  status: 'on_track',
  actual,
});

const aktoYearly = target('akto', akto, 'annual', 1000);
const akqiTerm = target('akqi', akqi, 'cumulative', 10000);
const tianshanYearly = target('tianshan', tianshan, 'annual', 500);
const tianshanTerm = target('tianshan', tianshan, 'cumulative', 5000);
const tianshanPeople = target('tianshan', tianshan, 'cumulative', 300, '人');
const tianshanLevel = target('tianshan', tianshan, 'point_in_time', 9000);
const prefecture = target('kizilsu', kizilsu, 'annual', 70000);
const beijing = target('dongcheng', dongcheng, 'annual', 4000);

let warehouse: TestWarehouse;
const rowsOf = (within: 'all' | 'province', region: string = akto.code) =>
  warehouse.query<BenchmarkRow>(
    commitmentBenchmarkQuery({ indicator: 'training_person_times', regionCode: region, within }),
  );

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_plan: [
      plan('akto', akto),
      plan('akqi', akqi),
      plan('tianshan', tianshan),
      plan('kizilsu', kizilsu),
      plan('dongcheng', dongcheng),
    ],
    dim_target: [
      aktoYearly,
      akqiTerm,
      tianshanYearly,
      tianshanTerm,
      tianshanPeople,
      tianshanLevel,
      prefecture,
      beijing,
      target('akto', akto, 'annual', 9, '场', 'trainings_held'),
    ],
    fact_progress: [
      verdict(aktoYearly, 2024, 950),
      verdict(aktoYearly, 2025, 900),
      verdict(akqiTerm, 2025, 8000),
      verdict(akqiTerm, 2026, 12000),
    ],
  });
});
afterAll(() => warehouse.close());

describe('commitment benchmark', () => {
  it(
    'reads the targets of the indicator in plans of regions at the same level, ' +
      'with their latest actual within the term',
    async () => {
      const rows = await rowsOf('province');
      expect(rows.map((r) => [r.region_code, r.scope, r.value, r.actual, r.actual_year])).toEqual([
        ['650102', 'annual', 500, null, null],
        ['650102', 'cumulative', 5000, null, null],
        ['650102', 'cumulative', 300, null, null],
        ['650102', 'point_in_time', 9000, null, null],
        ['653022', 'annual', 1000, 900, 2025],
        // 2026 lies past the plan's term: the 2025 verdict is its last.
        ['653023', 'cumulative', 10000, 8000, 2025],
      ]);
      // The prefecture level: 克州, and 东城区 (which this fixture puts at the second level); within the province only 克州.
      expect((await rowsOf('all', kizilsu.code)).map((r) => r.region_code)).toEqual(['110101', '653000']);
      expect((await rowsOf('province', kizilsu.code)).map((r) => r.region_code)).toEqual(['653000']);
    },
  );

  it(
    'takes each plan per year: an annual target as it is, ' +
      'one for the term (or reached by a year) over its years, added up per plan',
    async () => {
      const benchmark = benchmarkOf(await rowsOf('province'), TRAININGS, akto.code);
      expect(benchmark.basis).toBe('per_year');
      expect(benchmark.entries.map((e) => [e.regionCode, e.committed, e.achieved, e.targets])).toEqual([
        ['653022', 1000, 900, 1],
        ['653023', 2000, 1600, 1],
        // 500 a year, 5,000 and 9,000 over five years: 500 + 1,000 + 1,800.
        ['650102', 3300, null, 3],
      ]);
      // The target counted in 人 says nothing of person-times.
      expect(benchmark.leftOut).toBe(1);
      expect(benchmark.committed).toEqual({ n: 3, min: 1000, q1: 1500, median: 2000, q3: 2650, max: 3300 });
      expect(benchmark.achieved).toMatchObject({ n: 2, median: 1250 });
      expect(benchmark).toMatchObject({ focus: { regionCode: '653022' }, committedBelow: 0 });
    },
  );

  it('has no focus for a region without such a target, and no spread without plans', async () => {
    expect(benchmarkOf(await rowsOf('province'), TRAININGS, '653099').focus).toBeNull();
    expect(spreadOf([])).toBeNull();
    expect(benchmarkOf([], TRAININGS, akto.code)).toMatchObject({
      entries: [],
      committed: null,
      achieved: null,
      focus: null,
    });
  });

  it('draws a box of each side with every plan a dot, the region asked about named in red', async () => {
    const benchmark = benchmarkOf(await rowsOf('province'), TRAININGS, akto.code);
    const option = commitmentBenchmarkOptions(benchmark, NAME, { lang: 'zh' });
    const [box, committed] = option.series as [BoxplotSeriesOption, ScatterSeriesOption];
    expect(box.data).toEqual([
      [1000, 1500, 2000, 2650, 3300],
      [900, 1075, 1250, 1425, 1600],
    ]);
    const focus = (committed.data as Array<{ value: number[]; label?: { formatter: string } }>)[0];
    expect(focus?.value[1]).toBe(1000);
    expect(focus?.label?.formatter).toBe('阿克陶县');
    const svg = renderSvg(option, { width: 800, height: 480 });
    expect(svg).toContain('同级地区方案承诺对标');
    expect(svg).toContain('培训人次（每年）');
    expect(svg).toContain('阿克陶县');
  });
});
