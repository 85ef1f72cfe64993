import { describe, expect, it } from 'vitest';
import {
  literacyRateOptions,
  reportingHeatmapOptions,
  scienceBasesOptions,
  targetsOnTrackOptions,
} from '@kesu/analytics/charts';
import { drawnClick } from './chart-click';
import { clickedRegion, withClickableAxes } from './drill-down';

const literacy = [
  {
    region_code: '510100',
    region_name: '成都市',
    rate: 14,
    rate_source: 'reported',
    rate_period: '2024',
    averaged_regions: 0,
    baseline: 10,
    target: 15,
    target_year: 2025,
  },
  {
    region_code: '510300',
    region_name: '自贡市',
    rate: null,
    rate_source: null,
    rate_period: null,
    averaged_regions: 0,
    baseline: null,
    target: null,
    target_year: null,
  },
];
const bases = [
  {
    region_code: '510100',
    region_name: '成都市',
    indicator_code: 'science_bases',
    stock: 4,
    target_value: 5,
    target_scope: 'point_in_time',
    baseline: null,
    target_level: 5,
  },
  {
    region_code: '510300',
    region_name: '自贡市',
    indicator_code: 'science_bases',
    stock: null,
    target_value: null,
    target_scope: null,
    baseline: null,
    target_level: null,
  },
  {
    region_code: '510100',
    region_name: '成都市',
    indicator_code: 'science_venues',
    stock: 2,
    target_value: null,
    target_scope: null,
    baseline: null,
    target_level: null,
  },
  {
    region_code: '510300',
    region_name: '自贡市',
    indicator_code: 'science_venues',
    stock: null,
    target_value: null,
    target_scope: null,
    baseline: null,
    target_level: null,
  },
];
const onTrack = [
  {
    grouping: 'region',
    key: '510100',
    name_zh: '成都市',
    name_en: null,
    total: 4,
    achieved: 1,
    on_track: 1,
    at_risk: 1,
    behind: 1,
    no_data: 0,
  },
  {
    grouping: 'region',
    key: '510300',
    name_zh: '自贡市',
    name_en: null,
    total: 0,
    achieved: 0,
    on_track: 0,
    at_risk: 0,
    behind: 0,
    no_data: 0,
  },
  {
    grouping: 'function',
    key: 'education',
    name_zh: '教育',
    name_en: 'Education',
    total: 2,
    achieved: 1,
    on_track: 0,
    at_risk: 1,
    behind: 0,
    no_data: 0,
  },
];
const heat = [
  {
    region_code: '510100',
    region_name: '成都市',
    period: '2024Q1',
    assignments: 2,
    complete: 2,
    on_time: 1,
    approved: 1,
    complete_share: 1,
    timely_share: 0.5,
  },
  {
    region_code: '510300',
    region_name: '自贡市',
    period: '2024Q1',
    assignments: 0,
    complete: 0,
    on_time: 0,
    approved: 0,
    complete_share: null,
    timely_share: null,
  },
];
const zh = { lang: 'zh' } as const;

describe('clickedRegion', () => {
  it('opens the region of a literacy bar, and of the no-data mark where a bar is missing', () => {
    const option = literacyRateOptions(literacy as never, zh);
    expect(
      clickedRegion('literacy-rate', literacy, option, { componentType: 'series', seriesIndex: 0, dataIndex: 0 }),
    ).toBe('510100');
    expect(
      clickedRegion('literacy-rate', literacy, option, { componentType: 'series', seriesIndex: 4, dataIndex: 1 }),
    ).toBe('510300');
  });

  it('reads science bases by the bases rows, in either panel', () => {
    const option = scienceBasesOptions(bases as never, zh);
    expect(
      clickedRegion('science-bases', bases, option, { componentType: 'series', seriesIndex: 3, dataIndex: 1 }),
    ).toBe('510300');
  });

  it('opens a region from the by-region panel of targets on track, never from the by-function panel', () => {
    const option = targetsOnTrackOptions(onTrack as never, zh);
    const series = option.series as Array<{ xAxisIndex?: number }>;
    const functionSeries = series.findIndex((s) => s.xAxisIndex === 1);
    expect(
      clickedRegion('targets-on-track', onTrack, option, { componentType: 'series', seriesIndex: 0, dataIndex: 0 }),
    ).toBe('510100');
    expect(
      clickedRegion('targets-on-track', onTrack, option, {
        componentType: 'series',
        seriesIndex: functionSeries,
        dataIndex: 0,
      }),
    ).toBeNull();
  });

  it('finds a heat-map cell’s region by its row', () => {
    const option = reportingHeatmapOptions(heat as never, zh);
    expect(
      clickedRegion('reporting-heatmap', heat, option, {
        componentType: 'series',
        seriesIndex: 2,
        dataIndex: 0,
        value: [0, 1, 0],
      }),
    ).toBe('510300');
  });

  it('finds a heat-map cell’s region from a click on the chart the server drew', () => {
    const option = reportingHeatmapOptions(heat as never, zh);
    // The cell of the second row (自贡市, nothing given out) in whichever series holds it.
    const series = (option.series as Array<{ data?: unknown[] }>).map((s) =>
      (s.data ?? []).map((d) => (Array.isArray(d) ? d : (d as { value: unknown[] }).value)),
    );
    const seriesIndex = series.findIndex((cells) => cells.some((cell) => cell[1] === 1));
    const dataIndex = (series[seriesIndex] ?? []).findIndex((cell) => cell[1] === 1);
    expect(clickedRegion('reporting-heatmap', heat, option, drawnClick(option, seriesIndex, dataIndex))).toBe('510300');
  });

  it('opens the region whose axis label was clicked, and nothing for other labels', () => {
    const option = literacyRateOptions(literacy as never, zh);
    expect(clickedRegion('literacy-rate', literacy, option, { componentType: 'xAxis', value: '自贡市' })).toBe(
      '510300',
    );
    // A server-drawn chart's text: a region's name opens it, a bar's value label does nothing.
    expect(clickedRegion('literacy-rate', literacy, option, { componentType: 'label', value: '自贡市' })).toBe(
      '510300',
    );
    expect(clickedRegion('literacy-rate', literacy, option, { componentType: 'label', value: '14%' })).toBeNull();
    expect(clickedRegion('targets-on-track', onTrack, option, { componentType: 'xAxis', value: '教育' })).toBeNull();
  });

  it('never drills from the trainings chart (its categories are periods)', () => {
    expect(clickedRegion('trainings', [], {}, { componentType: 'series', seriesIndex: 0, dataIndex: 0 })).toBeNull();
  });
});

describe('withClickableAxes', () => {
  it('makes region axes clickable and leaves value axes alone', () => {
    const option = withClickableAxes('science-bases', scienceBasesOptions(bases as never, zh));
    expect((option.xAxis as Array<{ triggerEvent?: boolean }>).map((a) => a.triggerEvent)).toEqual([true, true]);
    expect((option.yAxis as Array<{ triggerEvent?: boolean }>).map((a) => a.triggerEvent)).toEqual([
      undefined,
      undefined,
    ]);
  });
});
