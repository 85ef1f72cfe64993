import type { EChartsOption } from 'echarts';

/** The fields of a click on a chart that pages read, from a live chart or from one the server drew. */
export interface ChartClick {
  /**
   * `series` for a bar, mark or cell; `xAxis` / `yAxis` for an
   * axis label; `label` for a text of a server-drawn chart.
   */
  componentType: string;
  seriesIndex?: number;
  dataIndex?: number;
  /** A heat-map cell's `[x, y, value]`, or a label's text. */
  value?: unknown;
}

/**
 * A click on an element of a server-drawn chart, which names only its series and data index
 * (`ecmeta_*` attributes): the value is looked up in the option the chart was drawn from, as a
 * live chart's click event would carry it.
 */
export function drawnClick(option: EChartsOption, seriesIndex: number, dataIndex: number): ChartClick {
  const series = Array.isArray(option.series) ? option.series[seriesIndex] : option.series;
  const data = (series as { data?: unknown } | undefined)?.data;
  const item: unknown = Array.isArray(data) ? data[dataIndex] : undefined;
  const value =
    item !== null && typeof item === 'object' && !Array.isArray(item) && 'value' in item ? item.value : item;
  return { componentType: 'series', seriesIndex, dataIndex, value };
}
