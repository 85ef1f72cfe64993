import type { ScatterSeriesOption } from 'echarts';
import type { Localized } from '@kesu/schema';
import { pick, type Lang } from './lang.js';

export const NO_DATA: Localized = { zh: '暂无数据', en: 'No data' };
export const NO_DATA_COLOR = '#b0b0b0';

/**
 * A grey marker with a 暂无数据 label at the foot of each category that has no value, so a
 * missing report is never mistaken for a zero (its bar is left out, not drawn at 0). `missing`
 * has one entry per category, so the marks' data indexes are the categories' own. No series
 * at all when nothing is missing (a legend entry for nothing would only puzzle).
 */
export function noDataMarks(
  missing: boolean[],
  lang: Lang,
  axes: { xAxisIndex?: number; yAxisIndex?: number } = {},
): ScatterSeriesOption[] {
  if (!missing.includes(true)) return [];
  const marks: ScatterSeriesOption = {
    type: 'scatter',
    name: pick(NO_DATA, lang),
    ...axes,
    data: missing.map((m) => (m ? 0 : '-')),
    symbol: 'diamond',
    symbolSize: 10,
    itemStyle: { color: NO_DATA_COLOR },
    // Vertical text never runs into the neighbouring category's label.
    label: {
      show: true,
      formatter: pick(NO_DATA, lang),
      position: 'top',
      rotate: 90,
      align: 'left',
      verticalAlign: 'middle',
      color: NO_DATA_COLOR,
    },
    tooltip: { show: false },
    z: 3,
  };
  return [marks];
}

/** The message shown across an empty chart instead of empty axes. */
export function emptyGraphic(lang: Lang): {
  type: 'text';
  left: 'center';
  top: 'middle';
  style: { text: string; fill: string; fontSize: number };
} {
  return {
    type: 'text',
    left: 'center',
    top: 'middle',
    style: { text: pick(NO_DATA, lang), fill: NO_DATA_COLOR, fontSize: 16 },
  };
}

/** ECharts' empty value: the bar or point is left out, never drawn at 0. */
export function orGap(value: number | null | undefined): number | '-' {
  return value ?? '-';
}
