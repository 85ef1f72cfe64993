import type { BarSeriesOption, ScatterSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { scienceBasesDrill } from './drill.js';
import { scienceBasesOptions } from './options.js';
import { scienceBasesQuery, type ScienceBasesRow } from './query.js';

const { xinjiang, urumqi, tianshan, kizilsu, akto, changji, beijing } = REGIONS;

const stock = (
  region: { code: string },
  department: string,
  period: string,
  indicator: string,
  value: number,
  disaggregation = '',
) => ({
  region_code: region.code,
  department,
  year: Number(period.slice(0, 4)),
  period,
  indicator_code: indicator,
  disaggregation,
  value,
});
const bases = (r: { code: string }, d: string, p: string, v: number, dis?: string) =>
  stock(r, d, p, 'science_bases', v, dis);
const venues = (r: { code: string }, d: string, p: string, v: number) => stock(r, d, p, 'science_venues', v);
const target = (id: string, indicator: string, scope: string, value: number, deadline: number) => ({
  target_id: id,
  plan_id: 'urumqi',
  region_code: urumqi.code,
  indicator_code: indicator,
  scope,
  value,
  deadline,
});

let warehouse: TestWarehouse;
let rows: ScienceBasesRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_plan: [{ plan_id: 'urumqi', region_code: urumqi.code, start_year: 2021, end_year: 2025 }],
    dim_target: [
      target('urumqi#1', 'science_bases', 'point_in_time', 15, 2025),
      target('urumqi#2', 'science_bases', 'point_in_time', 10, 2023),
      target('urumqi#3', 'science_bases', 'annual', 99, 2025),
      target('urumqi#4', 'science_venues', 'cumulative', 2, 2025),
    ],
    fact_value: [
      bases(urumqi, '科协', '2023', 5),
      bases(urumqi, '科协', '2024', 6),
      bases(urumqi, '科协', '2025', 9),
      bases(urumqi, '科协', '2024', 4, 'level=national'),
      bases(urumqi, '教育局', '2024S1', 2),
      bases(tianshan, '科协', '2022', 3),
      venues(urumqi, '科协', '2021', 3),
      venues(urumqi, '科协', '2024', 4),
      bases(akto, '科协', '2024', 1),
      bases(beijing, '科协', '2024', 50),
    ],
  });
  rows = await warehouse.query<ScienceBasesRow>(scienceBasesQuery({ parentCode: xinjiang.code, year: 2024 }));
});
afterAll(() => warehouse.close());

const row = (region: { code: string }, indicator: string) =>
  rows.find((r) => r.region_code === region.code && r.indicator_code === indicator);

describe('science-bases query', () => {
  it('sums each reporter’s latest stock over the area, never over time', () => {
    expect(row(urumqi, 'science_bases')).toMatchObject({
      stock: 11,
      target_value: 15,
      target_scope: 'point_in_time',
      target_level: 15,
    });
    expect(row(kizilsu, 'science_bases')).toMatchObject({ stock: 1, target_value: null, target_level: null });
  });

  it('turns an increase target into the level it asks for, from the first stock of the plan period', () => {
    expect(row(urumqi, 'science_venues')).toMatchObject({
      stock: 4,
      target_value: 2,
      target_scope: 'cumulative',
      baseline: 3,
      target_level: 5,
    });
  });

  it('returns every child with null stocks when nothing was reported, and nothing outside the parent', () => {
    expect(row(changji, 'science_bases')).toMatchObject({ stock: null, target_level: null });
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.region_code !== beijing.code)).toBe(true);
  });
});

describe('science-bases options', () => {
  it('overlays the target level on the stock and marks missing stocks as no data', () => {
    const series = scienceBasesOptions(rows, { lang: 'zh' }).series as (BarSeriesOption | ScatterSeriesOption)[];
    expect(series.find((s) => s.id === 'science_bases|stock')?.data).toEqual([11, '-', 1]);
    expect(series.find((s) => s.id === 'science_venues|target')?.data).toEqual([5, '-', '-']);
    expect(series.filter((s) => s.type === 'scatter')).toMatchObject([
      { name: '暂无数据', data: ['-', 0, '-'] },
      { xAxisIndex: 1, data: ['-', 0, 0] },
    ]);
  });

  it('speaks English when asked', () => {
    const option = scienceBasesOptions(rows, { lang: 'en' });
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(
      expect.arrayContaining(['Current stock', 'Target level', 'No data']),
    );
    // 个 has no English noun: the axis says what it counts by its name alone.
    expect(option.yAxis).toMatchObject([{ name: 'Science bases' }, { name: 'Science venues' }]);
  });

  it('renders to SVG with the region names', () => {
    expect(renderSvg(scienceBasesOptions(rows, { lang: 'zh' }), { width: 800, height: 600 })).toContain('乌鲁木齐市');
  });
});

describe('science-bases drill-down', () => {
  it('knows its regions in the order of both panels’ bars, once each', () => {
    const option = scienceBasesOptions(rows, { lang: 'zh' });
    const names = scienceBasesDrill.regionsOf(rows).map((r) => r.names[0]);
    for (const axis of option.xAxis as Array<{ data: string[] }>) expect(names).toEqual(axis.data);
    expect(new Set(scienceBasesDrill.regionsOf(rows).map((r) => r.code)).size).toBe(names.length);
  });
});
