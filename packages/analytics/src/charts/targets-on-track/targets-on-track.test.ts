import type { BarSeriesOption, ScatterSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { targetsOnTrackDrill } from './drill.js';
import { onTrackShare, targetsOnTrackOptions } from './options.js';
import { targetsOnTrackQuery, type TargetsOnTrackRow } from './query.js';

const { xinjiang, urumqi, akto, changji, kizilsu, beijing } = REGIONS;

const target = (id: string, region: { code: string }, indicator: string) => ({
  target_id: id,
  region_code: region.code,
  indicator_code: indicator,
});
const progress = (id: string, region: { code: string }, asOf: string, status: string) => ({
  target_id: id,
  region_code: region.code,
  year: Number(asOf.slice(0, 4)),
  as_of: asOf,
  status,
});
const reported = (region: { code: string }, indicator: string, fn: string) => ({
  region_code: region.code,
  indicator_code: indicator,
  function_code: fn,
  period: '2024',
  year: 2024,
  value: 1,
});

let warehouse: TestWarehouse;
let rows: TargetsOnTrackRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    dim_department_function: [
      { function_code: 'science_association', name_zh: '科协', name_en: 'Association for Science and Technology' },
      { function_code: 'education', name_zh: '教育部门', name_en: 'Education bureau' },
    ],
    dim_target: [
      target('t1', urumqi, 'trainings_held'),
      target('t2', urumqi, 'science_bases'),
      target('t3', akto, 'persons_trained'),
      target('t4', xinjiang, 'science_literacy_rate'),
      target('t5', beijing, 'science_bases'),
    ],
    fact_value: [
      reported(urumqi, 'trainings_held', 'education'),
      reported(akto, 'trainings_held', 'education'),
      reported(urumqi, 'trainings_held', 'science_association'),
      reported(urumqi, 'science_bases', 'science_association'),
      reported(xinjiang, 'science_literacy_rate', 'science_association'),
    ],
    fact_progress: [
      progress('t1', urumqi, '2023', 'behind'),
      progress('t1', urumqi, '2024', 'on_track'),
      progress('t1', urumqi, '2025', 'achieved'),
      progress('t2', urumqi, '2024', 'no_data'),
      progress('t3', akto, '2024S1', 'at_risk'),
      progress('t4', xinjiang, '2024', 'achieved'),
      progress('t5', beijing, '2024', 'achieved'),
    ],
  });
  rows = await warehouse.query<TargetsOnTrackRow>(targetsOnTrackQuery({ parentCode: xinjiang.code, year: 2024 }));
});
afterAll(() => warehouse.close());

describe('targets-on-track query', () => {
  it('counts each target’s latest status up to the year per child region', () => {
    const byRegion = rows.filter((r) => r.grouping === 'region');
    expect(byRegion.map((r) => [r.key, r.total, r.on_track, r.at_risk, r.no_data])).toEqual([
      [urumqi.code, 2, 1, 0, 1],
      [changji.code, 0, 0, 0, 0],
      [kizilsu.code, 1, 0, 1, 0],
    ]);
  });

  it('attributes targets to the function reporting their indicator most, over the whole area', () => {
    const byFunction = rows.filter((r) => r.grouping === 'function');
    expect(byFunction.map((r) => [r.key, r.name_zh, r.total, r.achieved])).toEqual([
      ['science_association', '科协', 2, 1],
      ['', null, 1, 0],
      ['education', '教育部门', 1, 0],
    ]);
  });
});

describe('targets-on-track options', () => {
  it('splits each bar by status share and marks a region without targets as no data', () => {
    const series = targetsOnTrackOptions(rows, { lang: 'zh' }).series as (BarSeriesOption | ScatterSeriesOption)[];
    expect(series.find((s) => s.id === '0|on_track')).toMatchObject({ name: '进度正常', data: [50, '-', 0] });
    expect(series.find((s) => s.type === 'scatter')).toMatchObject({ name: '暂无数据', data: ['-', 0, '-'] });
    expect(onTrackShare(rows[0] as TargetsOnTrackRow)).toBe(0.5);
  });

  it('names functions in English when asked', () => {
    const option = targetsOnTrackOptions(rows, { lang: 'en' });
    expect(option.xAxis).toMatchObject([
      {},
      { data: ['Association for Science and Technology', 'Unattributed', 'Education bureau'] },
    ]);
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(
      expect.arrayContaining(['On track', 'No data']),
    );
  });

  it('renders to SVG with the region names', () => {
    expect(renderSvg(targetsOnTrackOptions(rows, { lang: 'zh' }), { width: 800, height: 600 })).toContain(
      '昌吉回族自治州',
    );
  });
});

describe('targets-on-track drill-down', () => {
  it('knows its regions in the order of the by-region panel, by either language’s name', () => {
    for (const lang of ['zh', 'en'] as const) {
      const axis = (targetsOnTrackOptions(rows, { lang }).xAxis as Array<{ data: string[] }>)[0];
      const regions = targetsOnTrackDrill.regionsOf(rows);
      expect(regions.map((r, i) => r.names.includes(axis?.data[i] ?? ''))).toEqual(regions.map(() => true));
      expect(regions).toHaveLength(axis?.data.length ?? -1);
    }
  });

  it('opens a region from the by-region panel only, never from the by-function panel', () => {
    const option = targetsOnTrackOptions(rows, { lang: 'zh' });
    const series = option.series as Array<{ xAxisIndex?: number }>;
    const byFunction = series.findIndex((s) => s.xAxisIndex === 1);
    expect(targetsOnTrackDrill.regionIndex({ seriesIndex: 0, dataIndex: 1 }, option)).toBe(1);
    expect(targetsOnTrackDrill.regionIndex({ seriesIndex: byFunction, dataIndex: 0 }, option)).toBeNull();
  });
});
