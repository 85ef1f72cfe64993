import type { EChartsOption } from 'echarts';
import type { RegionDrill, SeriesHit } from '../shared/region-drill.js';
import type { TargetsOnTrackRow } from './query.js';

/** Which panel (grid) a series is drawn in: the first is by region, the second by department function. */
function panelOf(option: EChartsOption, seriesIndex: number | undefined): number {
  const series = Array.isArray(option.series) ? option.series[seriesIndex ?? 0] : option.series;
  return Number((series as { xAxisIndex?: number } | undefined)?.xAxisIndex ?? 0);
}

/** The regions are the first panel's categories, shown by either language's name. */
export const targetsOnTrackDrill: RegionDrill<TargetsOnTrackRow> = {
  regionsOf: (rows) =>
    rows
      .filter((r) => r.grouping === 'region')
      .map((r) => ({ code: r.key, names: [r.name_zh, r.name_en].filter((n): n is string => n !== null) })),
  regionIndex: (hit: SeriesHit, option) => (panelOf(option, hit.seriesIndex) === 0 ? (hit.dataIndex ?? null) : null),
};
