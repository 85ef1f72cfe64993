import type { LineSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { indicatorSeriesOptions } from './options.js';
import { indicatorSeriesQuery, type IndicatorSeriesRow } from './query.js';

const { kizilsu, akto, akqi } = REGIONS;

const value = (region: { code: string }, period: string, indicator: string, v: number) => ({
  assignment_id: `${region.code}-${period}-${indicator}`,
  region_code: region.code,
  department: '科协',
  year: Number(period.slice(0, 4)),
  period,
  indicator_code: indicator,
  disaggregation: '',
  value: v,
});

let warehouse: TestWarehouse;
let rows: IndicatorSeriesRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_plan: [{ plan_id: 'kz', region_code: kizilsu.code, start_year: 2021, end_year: 2025, literacy_target: 8.7 }],
    fact_value: [
      value(kizilsu, '2021', 'science_literacy_rate', 5.2),
      value(kizilsu, '2023', 'science_literacy_rate', 6.9),
      // A county's rate is its own: never summed into the prefecture's.
      value(akto, '2023', 'science_literacy_rate', 4),
      value(akto, '2022Q1', 'training_person_times', 100),
      value(akto, '2022Q3', 'training_person_times', 50),
      value(akqi, '2022', 'training_person_times', 30),
      // Stocks: each reporter's last figure of the year, summed over the area.
      value(akto, '2022Q2', 'science_bases', 3),
      value(akto, '2022Q4', 'science_bases', 4),
      value(akqi, '2022', 'science_bases', 2),
      value(akto, '2020', 'training_person_times', 999),
    ],
  });
  rows = await warehouse.query<IndicatorSeriesRow>(indicatorSeriesQuery({ parentCode: kizilsu.code, year: 2024 }));
});
afterAll(() => warehouse.close());

const of = (series: string) => rows.filter((r) => r.series === series).map((r) => [r.year, r.value]);

describe('indicator-series query', () => {
  it(
    'gives the years of the plan up to the year asked, with flows summed, ' +
      'stocks as each reporter’s last figure, and the own rate',
    () => {
      expect(of('axis').map(([y]) => y)).toEqual([2021, 2022, 2023, 2024]);
      expect(of('training_person_times')).toEqual([[2022, 180]]);
      expect(of('science_bases')).toEqual([[2022, 6]]);
      expect(of('science_literacy_rate')).toEqual([
        [2021, 5.2],
        [2023, 6.9],
      ]);
      expect(of('literacy_target')).toEqual([[2025, 8.7]]);
    },
  );
});

describe('indicator-series options', () => {
  it('draws the rate with its target and baseline lines, and leaves years without reports empty', () => {
    const option = indicatorSeriesOptions(rows, { lang: 'zh' });
    const rate = (option.series as LineSeriesOption[])[0] as LineSeriesOption;
    expect(rate.data).toEqual([5.2, '-', 6.9, '-']);
    expect(rate.markLine?.data).toMatchObject([
      { yAxis: 8.7, name: '目标' },
      { yAxis: 5.2, name: '基线' },
    ]);
    expect(option.xAxis).toMatchObject([{ data: ['2021年', '2022年', '2023年', '2024年'] }, {}, {}]);
  });

  it('renders to SVG', () => {
    const svg = renderSvg(indicatorSeriesOptions(rows, { lang: 'en' }), { width: 800, height: 760 });
    expect(svg).toContain('Person-times trained');
  });
});

describe('indicator-series panels without reports', () => {
  it('say so in each empty panel', () => {
    const only: IndicatorSeriesRow[] = [
      { series: 'axis', year: 2024, value: null },
      { series: 'trainings_held', year: 2024, value: 3 },
    ];
    const option = indicatorSeriesOptions(only, { lang: 'zh' });
    expect(option.graphic).toMatchObject([
      { top: '24%', style: { text: '暂无数据' } },
      { top: '82%', style: { text: '暂无数据' } },
    ]);
  });
});
