import type { EChartsOption } from 'echarts';

/** A region a report's rows are about: its code and every name its chart shows it by. */
export interface ReportRegion {
  code: string;
  names: string[];
}

/** A click on one element of a chart's series (a bar, a mark, a heat-map cell), as ECharts reports it. */
export interface SeriesHit {
  seriesIndex?: number;
  dataIndex?: number;
  /** A heat-map cell's `[x, y, value]`. */
  value?: unknown;
}

/** How a report whose categories are child regions leads to them: a click on a region opens it. */
export interface RegionDrill<Row = object> {
  /** The regions its rows are about, in the order its options builder lays them out, with their names. */
  regionsOf: (rows: readonly Row[]) => ReportRegion[];
  /**
   * Which of those regions (its position in `regionsOf`) a series element stands for, in the
   * option the chart was drawn from; null when it stands for none (a panel of something else).
   */
  regionIndex: (hit: SeriesHit, option: EChartsOption) => number | null;
}

/** The usual layout: the element at a data index is the bar (or mark) of the region at that index. */
export function byDataIndex(hit: SeriesHit): number | null {
  return hit.dataIndex ?? null;
}

/** One name a region is shown by, as most reports show it. */
export function namedRegion(code: string, name: string): ReportRegion {
  return { code, names: [name] };
}
