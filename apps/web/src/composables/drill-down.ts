import type { EChartsOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { ChartClick } from './chart-click';
import {
  COMPARISON_REPORT_IDS,
  SCIENCE_BASES,
  type LiteracyRateRow,
  type ReportId,
  type ReportingHeatmapRow,
  type ScienceBasesRow,
  type TargetsOnTrackRow,
} from '@kesu/analytics/charts';

/** Reports whose categories are child regions, so a click on one opens that region. */
export function drillable(id: ReportId): boolean {
  return id !== 'trainings' && (COMPARISON_REPORT_IDS as readonly string[]).includes(id);
}

/** Region axes answer clicks on their labels too (names are a larger target than thin bars). */
export function withClickableAxes(id: ReportId, option: EChartsOption): EChartsOption {
  if (!drillable(id)) return option;
  const clickable = <T extends XAXisComponentOption | YAXisComponentOption>(axis: T): T =>
    axis.type === 'category' ? { ...axis, triggerEvent: true } : axis;
  const axes = <T extends XAXisComponentOption | YAXisComponentOption>(value: T | T[] | undefined) =>
    Array.isArray(value) ? value.map(clickable) : value && clickable(value);
  return {
    ...option,
    xAxis: axes(option.xAxis as XAXisComponentOption | XAXisComponentOption[] | undefined),
    yAxis: axes(option.yAxis as YAXisComponentOption | YAXisComponentOption[] | undefined),
  };
}

/** The regions a report's rows are about, in the order its builder lays them out, with every name they are shown by. */
function regionsOf(id: ReportId, rows: readonly object[]): Array<{ code: string; names: string[] }> {
  switch (id) {
    case 'literacy-rate':
      return (rows as LiteracyRateRow[]).map((r) => ({ code: r.region_code, names: [r.region_name] }));
    case 'science-bases':
      // Both panels list the regions of the bases rows, in the same order.
      return (rows as ScienceBasesRow[])
        .filter((r) => r.indicator_code === SCIENCE_BASES)
        .map((r) => ({ code: r.region_code, names: [r.region_name] }));
    case 'targets-on-track':
      return (rows as TargetsOnTrackRow[])
        .filter((r) => r.grouping === 'region')
        .map((r) => ({ code: r.key, names: [r.name_zh, r.name_en].filter((n): n is string => n !== null) }));
    case 'reporting-heatmap': {
      const seen = new Map<string, string>();
      for (const r of rows as ReportingHeatmapRow[])
        if (!seen.has(r.region_code)) seen.set(r.region_code, r.region_name);
      return [...seen].map(([code, name]) => ({ code, names: [name] }));
    }
    case 'trainings':
    case 'target-progress':
    case 'indicator-series':
    case 'on-track-trend':
    case 'department-reporting':
      return [];
  }
}

/** Which panel (grid) a series is drawn in: the second panel of targets-on-track is by function, not region. */
function panelOf(option: EChartsOption, seriesIndex: number | undefined): number {
  const series = Array.isArray(option.series) ? option.series[seriesIndex ?? 0] : option.series;
  return Number((series as { xAxisIndex?: number } | undefined)?.xAxisIndex ?? 0);
}

/**
 * The child region a click on a report chart points at, or null when it points at no region
 * (a period, a department function, empty space).
 */
export function clickedRegion(
  id: ReportId,
  rows: readonly object[],
  option: EChartsOption,
  click: ChartClick,
): string | null {
  if (!drillable(id)) return null;
  const regions = regionsOf(id, rows);
  if (click.componentType === 'xAxis' || click.componentType === 'yAxis' || click.componentType === 'label') {
    return regions.find((r) => r.names.includes(String(click.value)))?.code ?? null;
  }
  if (click.componentType !== 'series') return null;
  if (id === 'reporting-heatmap') {
    const y = Array.isArray(click.value) ? Number(click.value[1]) : NaN;
    return regions[y]?.code ?? null;
  }
  if (id === 'targets-on-track' && panelOf(option, click.seriesIndex) !== 0) return null;
  return regions[click.dataIndex ?? -1]?.code ?? null;
}
