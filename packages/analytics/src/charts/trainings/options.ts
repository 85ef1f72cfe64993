import type { BarSeriesOption, EChartsOption, SeriesOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import { formatQuantity, periodWords, type Localized } from '@kesu/schema';
import { amountAxisLabel, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid, valueAxisName } from '../shared/layout.js';
import { emptyGraphic, NO_DATA, noDataMarks, orGap } from '../shared/no-data.js';
import { paletteColor } from '../shared/palette.js';
import { sortedPeriods } from '../shared/sorted-periods.js';
import { TARGET_GROUPS, targetGroupName } from '../shared/target-groups.js';
import { entry, tooltipHtml } from '../shared/tooltip.js';
import { TRAINING_PERSON_TIMES, TRAININGS_HELD, type TrainingsRow } from './query.js';

export const TRAININGS_TITLE: Localized = {
  zh: '科普培训场次与人次（按重点人群）',
  en: 'Trainings held and person-times by target group',
};

const TOTAL: Localized = { zh: '合计', en: 'Total' };

/** The two stacks, top and bottom, each with its axis name and unit. */
const PANELS = [
  { indicator: TRAININGS_HELD, name: { zh: '培训场次', en: 'Sessions held' }, unit: '场' },
  { indicator: TRAINING_PERSON_TIMES, name: { zh: '培训人次', en: 'Person-times trained' }, unit: '人次' },
] as const;
type Panel = (typeof PANELS)[number];

/** Groups in catalog order, unknown codes after them, the not-broken-down remainder last. */
function groupsOf(rows: readonly TrainingsRow[]): string[] {
  const order = Object.keys(TARGET_GROUPS);
  const rank = (g: string): number => (g === '' ? Infinity : order.includes(g) ? order.indexOf(g) : order.length);
  return [...new Set(rows.map((r) => r.target_group))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function tooltip(rows: readonly TrainingsRow[], periods: string[], lang: Lang) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const items = Array.isArray(params) ? params : [params];
    const first = items[0];
    const period = periods[first?.dataIndex ?? 0] ?? '';
    const indicator = first?.seriesId?.split('|')[0];
    const amount = (n: number) => formatQuantity(n, PANELS.find((p) => p.indicator === indicator)?.unit, { lang });
    const lines = items
      .filter((p) => p.seriesType === 'bar' && typeof p.value === 'number')
      .map(
        (p) =>
          `${typeof p.marker === 'string' ? p.marker : ''}${entry(p.seriesName ?? '', amount(Number(p.value)), lang)}`,
      );
    const sum = rows
      .filter((r) => r.period === period && r.indicator_code === indicator)
      .reduce((s, r) => s + r.value, 0);
    return tooltipHtml(
      periodWords(period, lang),
      lines.length > 0 ? [...lines, entry(pick(TOTAL, lang), amount(sum), lang)] : [pick(NO_DATA, lang)],
    );
  };
}

/** One panel's bars: a stack per period, one series per target group that has a value there. */
function panelSeries(
  rows: readonly TrainingsRow[],
  panel: Panel,
  axis: number,
  periods: string[],
  groups: string[],
  lang: Lang,
): SeriesOption[] {
  const own = rows.filter((r) => r.indicator_code === panel.indicator);
  // Colours follow the group's place in the shared legend, so a group looks the same in both panels.
  const bars = groups.flatMap((group, g): BarSeriesOption[] => {
    const data = periods.map((p) => orGap(own.find((r) => r.period === p && r.target_group === group)?.value));
    if (data.every((v) => v === '-')) return [];
    const name = pick(targetGroupName(group), lang);
    return [
      {
        type: 'bar',
        id: `${panel.indicator}|${group}`,
        name,
        stack: panel.indicator,
        xAxisIndex: axis,
        yAxisIndex: axis,
        barMaxWidth: 48,
        itemStyle: { color: paletteColor(g) },
        data,
      },
    ];
  });
  const missing = periods.map((p) => !own.some((r) => r.period === p));
  return [...bars, ...noDataMarks(missing, lang, { xAxisIndex: axis, yAxisIndex: axis })];
}

/** Trainings held (top) and person-times (bottom), per period, stacked by target group. */
export function trainingsOptions(rows: readonly TrainingsRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const periods = sortedPeriods(rows.map((r) => r.period));
  const groups = groupsOf(rows);
  const series = PANELS.flatMap((panel, axis) => panelSeries(rows, panel, axis, periods, groups, lang));
  return {
    ...baseOption(TRAININGS_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { type: 'scroll', top: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(rows, periods, lang) },
    grid: [grid({ top: 96, bottom: '54%' }), grid({ top: '54%' })],
    xAxis: PANELS.map((_, axis) => ({
      type: 'category',
      gridIndex: axis,
      data: periods.map((p) => periodWords(p, lang)),
      axisLabel: { interval: 0 },
    })),
    yAxis: PANELS.map((panel, axis) => ({
      type: 'value',
      gridIndex: axis,
      min: 0,
      name: valueAxisName(panel.name, panel.unit, ctx),
      axisLabel: amountAxisLabel(lang),
    })),
    series,
  };
}
