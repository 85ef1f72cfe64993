import type { HeatmapSeriesOption } from 'echarts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/svg.js';
import { openTestWarehouse, REGIONS, type TestWarehouse } from '../../report/test-warehouse.js';
import { reportingHeatmapDrill } from './drill.js';
import { reportingHeatmapHeight, reportingHeatmapOptions } from './options.js';
import { reportingHeatmapQuery, type ReportingHeatmapRow } from './query.js';

const { xinjiang, urumqi, tianshan, kizilsu, akto, changji, beijing } = REGIONS;

const assignment = (region: { code: string }, period: string, status: string, late: boolean | null) => ({
  assignment_id: `${region.code}-${period}-${status}`,
  region_code: region.code,
  year: Number(period.slice(0, 4)),
  period,
  status,
  late,
});

let warehouse: TestWarehouse;
let rows: ReportingHeatmapRow[];

beforeAll(async () => {
  warehouse = await openTestWarehouse({
    fact_submission: [
      assignment(urumqi, '2024Q1', 'approved', false),
      assignment(urumqi, '2024Q1', 'submitted', true),
      assignment(tianshan, '2024Q1', 'missing', true),
      assignment(urumqi, '2024Q2', 'draft', null),
      assignment(akto, '2024Q2', 'approved', false),
      // Every report of the period approved, every one after its due date.
      assignment(changji, '2024Q2', 'approved', true),
      { ...assignment(changji, '2024Q2', 'approved', true), assignment_id: 'changji-2' },
      assignment(urumqi, '2023Q4', 'approved', false),
      assignment(beijing, '2024Q3', 'approved', false),
    ],
  });
  rows = await warehouse.query<ReportingHeatmapRow>(reportingHeatmapQuery({ parentCode: xinjiang.code, year: 2024 }));
});
afterAll(() => warehouse.close());

const cell = (region: { code: string }, period: string) =>
  rows.find((r) => r.region_code === region.code && r.period === period);

describe('reporting-heatmap query', () => {
  it('counts a coarser report in the round of the finest period that ends with it', async () => {
    const mixed = await openTestWarehouse({
      fact_submission: [
        assignment(urumqi, '2024Q4', 'approved', false),
        assignment(akto, '2024', 'approved', false),
        assignment(akto, '2024S1', 'missing', true),
      ],
    });
    const cells = await mixed.query<ReportingHeatmapRow>(
      reportingHeatmapQuery({ parentCode: xinjiang.code, year: 2024 }),
    );
    mixed.close();
    // The year ends with the fourth quarter; no quarter in the area ends with the first half, so it
    // keeps its own column.
    expect(new Set(cells.map((r) => r.period))).toEqual(new Set(['2024Q4', '2024S1']));
    expect(cells.find((r) => r.region_code === kizilsu.code && r.period === '2024Q4')).toMatchObject({
      assignments: 1,
      on_time: 1,
    });
    expect(cells.find((r) => r.region_code === kizilsu.code && r.period === '2024S1')).toMatchObject({
      assignments: 1,
      on_time: 0,
    });
  });

  it('gives every child a cell for every period of the year in the parent’s area', () => {
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2024Q1', '2024Q2']));
  });

  it('counts the child’s whole tree: received, on time, approved', () => {
    expect(cell(urumqi, '2024Q1')).toMatchObject({
      assignments: 3,
      complete: 2,
      on_time: 1,
      approved: 1,
      complete_share: 2 / 3,
      timely_share: 1 / 2,
    });
    expect(cell(kizilsu, '2024Q2')).toMatchObject({ assignments: 1, complete_share: 1, timely_share: 1 });
  });

  it('reads a period fully approved but late as complete and untimely, not as 0 %', () => {
    expect(cell(changji, '2024Q2')).toMatchObject({
      assignments: 2,
      complete: 2,
      approved: 2,
      on_time: 0,
      complete_share: 1,
      timely_share: 0,
    });
  });

  it('leaves a share it cannot tell null, not 0: no assignments, nothing received', () => {
    expect(cell(changji, '2024Q1')).toMatchObject({ assignments: 0, complete_share: null, timely_share: null });
    expect(cell(urumqi, '2024Q2')).toMatchObject({
      assignments: 1,
      complete: 0,
      complete_share: 0,
      timely_share: null,
    });
  });
});

describe('reporting-heatmap options', () => {
  it('draws completeness and timeliness as two maps, each on its own colour scale', () => {
    const option = reportingHeatmapOptions(rows, { lang: 'zh' });
    const [complete, timely, none, noneTimely, unreceived] = option.series as HeatmapSeriesOption[];
    // [period, region row, %]: 乌鲁木齐市 2/3 received in Q1 and nothing of one in Q2; 昌吉州 all of Q2, late.
    expect(complete).toMatchObject({
      name: '完整率',
      xAxisIndex: 0,
      data: [
        [0, 0, 67],
        [1, 0, 0],
        [1, 1, 100],
        [1, 2, 100],
      ],
    });
    expect(timely).toMatchObject({
      name: '及时率',
      xAxisIndex: 1,
      data: [
        [0, 0, 50],
        [1, 1, 0],
        [1, 2, 100],
      ],
    });
    expect(none).toMatchObject({
      name: '无填报任务',
      xAxisIndex: 0,
      data: [
        [0, 1, 0],
        [0, 2, 0],
      ],
    });
    expect(noneTimely).toMatchObject({
      xAxisIndex: 1,
      data: [
        [0, 1, 0],
        [0, 2, 0],
      ],
    });
    expect(unreceived).toMatchObject({ name: '尚未收到报表', xAxisIndex: 1, data: [[1, 0, 1]] });
    const [completeScale, timelyScale, greys] = option.visualMap as Array<{
      seriesIndex: number | number[];
      inRange?: { color: string[] };
      show?: boolean;
    }>;
    expect(completeScale).toMatchObject({ seriesIndex: 0, min: 0, max: 100 });
    expect(timelyScale).toMatchObject({ seriesIndex: 1, min: 0, max: 100 });
    expect(completeScale?.inRange?.color).not.toEqual(timelyScale?.inRange?.color);
    expect(greys).toMatchObject({ seriesIndex: [2, 3, 4], show: false });
    expect(option.yAxis).toMatchObject([
      { gridIndex: 0, data: [urumqi.name, changji.name, kizilsu.name] },
      { gridIndex: 1, data: [urumqi.name, changji.name, kizilsu.name] },
    ]);
    expect((option.title as Array<{ text: string }>).map((t) => t.text)).toEqual([
      '填报完整性与及时性',
      '完整率：已收到（已提交或已通过）占应报',
      '及时率：按时报送占已收到',
    ]);
  });

  it('lays the two maps out one under the other, without overlap, at the height the dashboard draws', () => {
    const option = reportingHeatmapOptions(rows, { lang: 'zh' });
    const [first, second] = option.grid as Array<{ top: number; height: number }>;
    expect(first!.top + first!.height).toBeLessThan(second!.top);
    expect(second!.top + second!.height).toBeLessThanOrEqual(reportingHeatmapHeight(rows) - 40);
  });

  it('tells a cell’s numbers in its tooltip', () => {
    const { formatter } = reportingHeatmapOptions(rows, { lang: 'zh' }).tooltip as {
      formatter: (params: unknown) => string;
    };
    expect(formatter({ value: [1, 1, 100] })).toBe(
      '<b>昌吉回族自治州 · 2024年第二季度</b><br/>应报：2<br/>已收到：2（100%）<br/>按时：0（0%）<br/>已审核通过：2',
    );
    expect(formatter({ value: [0, 1, 0] })).toContain('无填报任务');
  });

  it('says there is no data, without empty maps or scales, when nothing was given out', () => {
    const option = reportingHeatmapOptions([], { lang: 'zh' });
    expect(option).toMatchObject({ graphic: { style: { text: '暂无数据' } }, series: [] });
    expect(option.visualMap).toBeUndefined();
    expect(option.grid).toBeUndefined();
  });

  it('speaks English when asked', () => {
    const option = reportingHeatmapOptions(rows, { lang: 'en' });
    expect(option.xAxis).toMatchObject([{ data: ['Q1 2024', 'Q2 2024'] }, { data: ['Q1 2024', 'Q2 2024'] }]);
    expect(option.legend).toMatchObject({ data: [{ name: 'No assignments' }, { name: 'Nothing received yet' }] });
  });

  it('renders to SVG with the region names and both headings', () => {
    const svg = renderSvg(reportingHeatmapOptions(rows, { lang: 'zh' }), {
      width: 800,
      height: reportingHeatmapHeight(rows),
    });
    expect(svg).toContain('克孜勒苏柯尔克孜自治州');
    expect(svg).toContain('及时率：按时报送占已收到');
  });
});

describe('reporting-heatmap drill-down', () => {
  it('knows its regions in the order of the maps’ rows, once each', () => {
    const option = reportingHeatmapOptions(rows, { lang: 'zh' });
    const regions = reportingHeatmapDrill.regionsOf(rows);
    for (const axis of option.yAxis as Array<{ data: string[] }>)
      expect(regions.map((r) => r.names[0])).toEqual(axis.data);
    expect(regions.map((r) => r.code)).toEqual([...new Set(rows.map((r) => r.region_code))]);
  });

  it('finds a cell’s region by its row, whichever map and series it is in', () => {
    const option = reportingHeatmapOptions(rows, { lang: 'zh' });
    expect(reportingHeatmapDrill.regionIndex({ seriesIndex: 3, dataIndex: 0, value: [2, 1, 0] }, option)).toBe(1);
    expect(reportingHeatmapDrill.regionIndex({ seriesIndex: 0, dataIndex: 0 }, option)).toBeNull();
  });
});
