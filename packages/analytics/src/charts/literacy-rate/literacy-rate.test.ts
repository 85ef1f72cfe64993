import type { BarSeriesOption, ScatterSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { literacyRateDrill } from './drill.js';
import { literacyRateOptions } from './options.js';
import { literacyRateQuery, type LiteracyRateRow } from './query.js';

const { xinjiang, urumqi, tianshan, kizilsu, akto, akqi, changji, beijing } = REGIONS;

const rate = (region: { code: string }, period: string, value: number, disaggregation = '') => ({
  region_code: region.code,
  year: Number(period.slice(0, 4)),
  period,
  indicator_code: 'science_literacy_rate',
  disaggregation,
  value,
});

let warehouse: TestWarehouse;
let rows: LiteracyRateRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_plan: [
      {
        plan_id: 'urumqi',
        region_code: urumqi.code,
        start_year: 2021,
        end_year: 2025,
        literacy_target: 15,
        literacy_deadline: 2025,
      },
      {
        plan_id: 'kizilsu',
        region_code: kizilsu.code,
        start_year: 2021,
        end_year: 2025,
        literacy_target: 12.5,
        literacy_deadline: 2025,
      },
    ],
    fact_value: [
      rate(urumqi, '2020', 9),
      rate(urumqi, '2021', 10),
      rate(urumqi, '2024', 13),
      rate(urumqi, '2025', 14),
      rate(urumqi, '2024', 99, 'targetGroup=youth'),
      rate(tianshan, '2024', 20),
      rate(akto, '2023', 8),
      rate(akqi, '2021', 4),
      rate(akqi, '2024', 6),
      rate(beijing, '2024', 30),
    ],
  });
  rows = await warehouse.query<LiteracyRateRow>(literacyRateQuery({ parentCode: xinjiang.code, year: 2024 }));
});
afterAll(() => warehouse.close());

describe('literacy-rate query', () => {
  it('takes a region’s own latest rate up to the year, never a sum, with the plan’s first value as baseline', () => {
    expect(rows.map((r) => r.region_code)).toEqual([urumqi.code, changji.code, kizilsu.code]);
    expect(rows[0]).toMatchObject({
      rate: 13,
      rate_source: 'reported',
      rate_period: '2024',
      baseline: 10,
      target: 15,
      target_year: 2025,
    });
  });

  it('averages sub-regions plainly only when the region reported nothing itself', () => {
    expect(rows[2]).toMatchObject({
      rate: 7,
      rate_source: 'subregion_average',
      averaged_regions: 2,
      baseline: 6,
      target: 12.5,
    });
  });

  it('returns null, not 0, for a region without data', () => {
    expect(rows[1]).toMatchObject({
      region_name: changji.name,
      rate: null,
      rate_source: null,
      baseline: null,
      target: null,
    });
  });
});

describe('literacy-rate options', () => {
  it('separates reported and averaged bars and marks no data in grey', () => {
    const option = literacyRateOptions(rows, { lang: 'zh' });
    const [reported, average, target, , noData] = option.series as [
      BarSeriesOption,
      BarSeriesOption,
      ScatterSeriesOption,
      ScatterSeriesOption,
      ScatterSeriesOption,
    ];
    expect(reported.data).toEqual([13, '-', '-']);
    expect(average.data).toEqual(['-', '-', 7]);
    expect(target.data).toEqual([15, '-', 12.5]);
    expect(noData).toMatchObject({ name: '暂无数据', data: ['-', 0, '-'] });
  });

  it('explains each region in its tooltip, averages and missing data included', () => {
    const { formatter } = literacyRateOptions(rows, { lang: 'zh' }).tooltip as {
      formatter: (params: unknown) => string;
    };
    expect(formatter([{ dataIndex: 0 }])).toContain('本级报告值：13%（2024年）');
    expect(formatter([{ dataIndex: 1 }])).toContain('公民具备科学素质的比例：暂无数据');
    expect(formatter([{ dataIndex: 2 }])).toContain('下辖地区平均值（未按人口加权）：7%，2个地区');
  });

  it('speaks English when asked', () => {
    const option = literacyRateOptions(rows, { lang: 'en' });
    expect(option.title).toMatchObject({ text: 'Science literacy rate by region' });
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual([
      'Reported',
      'Sub-region average (not population-weighted)',
      'Target',
      'Baseline (first value in plan period)',
      'No data',
    ]);
  });

  it('renders to SVG with the region names', () => {
    expect(renderSvg(literacyRateOptions(rows, { lang: 'zh' }), { width: 800, height: 480 })).toContain('乌鲁木齐市');
  });
});

describe('literacy-rate drill-down', () => {
  it('knows its regions in the order of the bars, by the names the axis shows', () => {
    const option = literacyRateOptions(rows, { lang: 'zh' });
    const regions = literacyRateDrill.regionsOf(rows);
    expect(regions.map((r) => r.names[0])).toEqual((option.xAxis as { data: string[] }).data);
    expect(regions.map((r) => r.code)).toEqual(rows.map((r) => r.region_code));
  });

  it('opens the region of a bar, and of the no-data mark where a bar is missing, by its data index', () => {
    const option = literacyRateOptions(rows, { lang: 'zh' });
    expect(literacyRateDrill.regionIndex({ seriesIndex: 0, dataIndex: 2 }, option)).toBe(2);
    expect(literacyRateDrill.regionIndex({ seriesIndex: 4 }, option)).toBeNull();
  });
});
