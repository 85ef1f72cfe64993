import type { EChartsOption, GridComponentOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { labelWithUnit, type Localized } from '@kesu/schema';
import { pick, type ChartContext } from './lang.js';

/** Fonts with Chinese glyphs first, so printed SVG shows 汉字 wherever it is opened. */
export const CJK_FONTS = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/**
 * Axis labels wider than this wrap onto a second line (about seven 汉字 at 12px), so long names never
 * run into each other.
 */
const LABEL_WIDTH = 88;

/** Title, subtitle and fonts shared by every report. */
export function baseOption(title: Localized, ctx: ChartContext): EChartsOption {
  return {
    // Compact enough that title and subtitle end above the legends, which start at 48 px.
    title: {
      text: pick(title, ctx.lang),
      ...(ctx.subtitle === undefined ? {} : { subtext: ctx.subtitle }),
      left: 'center',
      top: 0,
      itemGap: 4,
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 12 },
    },
    textStyle: { fontFamily: CJK_FONTS },
  };
}

/** A plot area that keeps its axis labels and names inside (ECharts 6's form of `containLabel`). */
export function grid(
  box: Pick<GridComponentOption, 'top' | 'bottom' | 'left' | 'right' | 'height'>,
): GridComponentOption {
  return { left: 16, right: 32, bottom: 16, ...box, outerBoundsMode: 'same', outerBoundsContain: 'all' };
}

/**
 * A category axis of region names, every name shown in full: upright and wrapped when few, turned
 * when many. A turned name stays on one line: a wrapped second line would run into its neighbour's.
 */
export function regionAxis(names: string[], placement: { gridIndex?: number } = {}): XAXisComponentOption {
  const rotate = names.length > 12 ? 45 : names.length > 4 ? 30 : 0;
  return {
    type: 'category',
    data: names,
    axisTick: { alignWithLabel: true },
    axisLabel: { interval: 0, rotate, ...(rotate === 0 ? { width: LABEL_WIDTH, overflow: 'break' } : {}) },
    ...placement,
  };
}

/** The same for region names down a vertical axis (heat-map rows), first region on top. */
export function regionRowAxis(names: string[]): YAXisComponentOption {
  // Rows have room across: a prefecture's full name (up to eleven 汉字) fits on one line.
  return {
    type: 'category',
    data: names,
    inverse: true,
    axisLabel: { interval: 0, width: 2 * LABEL_WIDTH, overflow: 'break' },
  };
}

/** A value axis named with its unit once, in the chart's language: 培训场次（场）, Sessions held (events). */
export function valueAxisName(name: Localized, unit: string, ctx: ChartContext): string {
  return labelWithUnit(pick(name, ctx.lang), unit, ctx.lang);
}
