import type { EChartsOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { ChartClick } from './chart-click';
import { reports, type ReportId } from '@kesu/analytics/charts';

/** Reports whose categories are child regions, so a click on one opens that region. */
export function drillable(id: ReportId): boolean {
  return reports[id].drill !== undefined;
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

/**
 * The child region a click on a report chart points at, or null when it points at no region
 * (a period, a department function, empty space). The report knows its regions and its layout.
 */
export function clickedRegion(
  id: ReportId,
  rows: readonly object[],
  option: EChartsOption,
  click: ChartClick,
): string | null {
  const drill = reports[id].drill;
  if (!drill) return null;
  const regions = drill.regionsOf(rows);
  if (click.componentType === 'xAxis' || click.componentType === 'yAxis' || click.componentType === 'label') {
    return regions.find((r) => r.names.includes(String(click.value)))?.code ?? null;
  }
  if (click.componentType !== 'series') return null;
  const index = drill.regionIndex(click, option);
  return index === null ? null : (regions[index]?.code ?? null);
}
