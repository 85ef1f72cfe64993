import type { HeatmapSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { reportingHeatmapOptions } from './options.js';
import { reportingHeatmapQuery, type ReportingHeatmapRow } from './query.js';

const { xinjiang, urumqi, tianshan, kizilsu, akto, changji, beijing } = REGIONS;

const assignment = (region: { code: string }, period: string, status: string, late: boolean | null) => ({
  assignment_id: `${region.code}-${period}-${status}`, region_code: region.code, year: Number(period.slice(0, 4)), period, status, late,
});

let warehouse: TestWarehouse;
let rows: ReportingHeatmapRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    fact_submission: [
      assignment(urumqi, '2024Q1', 'approved', false), assignment(urumqi, '2024Q1', 'submitted', true), assignment(tianshan, '2024Q1', 'missing', true),
      assignment(urumqi, '2024Q2', 'draft', null),
      assignment(akto, '2024Q2', 'approved', false),
      assignment(urumqi, '2023Q4', 'approved', false),
      assignment(beijing, '2024Q3', 'approved', false),
    ],
  });
  rows = await warehouse.query<ReportingHeatmapRow>(reportingHeatmapQuery({ parentCode: xinjiang.code, year: 2024 }));
});
afterAll(() => warehouse.close());

const cell = (region: { code: string }, period: string) => rows.find((r) => r.region_code === region.code && r.period === period);

describe('reporting-heatmap query', () => {
  it('counts a coarser report in the round of the finest period that ends with it', async () => {
    const mixed = await openTestWarehouse({
      fact_submission: [assignment(urumqi, '2024Q4', 'approved', false), assignment(akto, '2024', 'approved', false), assignment(akto, '2024S1', 'missing', true)],
    });
    const cells = await mixed.query<ReportingHeatmapRow>(reportingHeatmapQuery({ parentCode: xinjiang.code, year: 2024 }));
    mixed.close();
    // The year ends with the fourth quarter; no quarter in the area ends with the first half, so it keeps its own column.
    expect(new Set(cells.map((r) => r.period))).toEqual(new Set(['2024Q4', '2024S1']));
    expect(cells.find((r) => r.region_code === kizilsu.code && r.period === '2024Q4')).toMatchObject({ assignments: 1, on_time: 1 });
    expect(cells.find((r) => r.region_code === kizilsu.code && r.period === '2024S1')).toMatchObject({ assignments: 1, on_time: 0 });
  });

  it('gives every child a cell for every period of the year in the parent’s area', () => {
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2024Q1', '2024Q2']));
  });

  it('counts the child’s whole tree: complete, on time, approved', () => {
    expect(cell(urumqi, '2024Q1')).toMatchObject({ assignments: 3, complete: 2, on_time: 1, approved: 1, complete_share: 2 / 3, on_time_share: 1 / 3 });
    expect(cell(urumqi, '2024Q2')).toMatchObject({ assignments: 1, on_time_share: 0 });
    expect(cell(kizilsu, '2024Q2')).toMatchObject({ assignments: 1, on_time_share: 1 });
  });

  it('leaves a cell without assignments null, not 0', () => {
    expect(cell(changji, '2024Q1')).toMatchObject({ assignments: 0, on_time_share: null, complete_share: null });
  });
});

describe('reporting-heatmap options', () => {
  it('colours cells with assignments and greys out the others apart from the scale', () => {
    const option = reportingHeatmapOptions(rows, { lang: 'zh' });
    const [cells, none] = option.series as [HeatmapSeriesOption, HeatmapSeriesOption];
    expect(cells.data).toEqual([[0, 0, 33], [1, 0, 0], [1, 2, 100]]);
    expect(none).toMatchObject({ name: '无填报任务', data: [[0, 1, 0], [1, 1, 0], [0, 2, 0]] });
    expect(option.visualMap).toMatchObject([{ seriesIndex: 0 }, { seriesIndex: 1, pieces: [{ color: '#b0b0b0' }] }]);
    expect(option.yAxis).toMatchObject({ data: [urumqi.name, changji.name, kizilsu.name] });
  });

  it('speaks English when asked', () => {
    const option = reportingHeatmapOptions(rows, { lang: 'en' });
    expect(option.xAxis).toMatchObject({ data: ['2024 Q1', '2024 Q2'] });
    expect(option.legend).toMatchObject({ data: [{ name: 'No assignments' }] });
  });

  it('renders to SVG with the region names', () => {
    expect(renderSvg(reportingHeatmapOptions(rows, { lang: 'zh' }), { width: 800, height: 480 })).toContain('克孜勒苏柯尔克孜自治州');
  });
});
