import type {
  EChartsOption,
  LineSeriesOption,
  BarSeriesOption,
  TooltipComponentFormatterCallbackParams,
} from 'echarts';
import { formatNumber, formatQuantity, type Localized } from '@kesu/schema';
import { LITERACY_INDICATOR } from '../literacy-rate/query.js';
import { SCIENCE_BASES, SCIENCE_VENUES } from '../science-bases/query.js';
import { amountAxisLabel, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid } from '../shared/layout.js';
import { emptyGraphic } from '../shared/no-data.js';
import { paletteColor } from '../shared/palette.js';
import { entry, tooltipHtml } from '../shared/tooltip.js';
import { TRAINING_PERSON_TIMES, TRAININGS_HELD } from '../trainings/query.js';
import type { IndicatorSeriesRow, SeriesKey } from './query.js';

export const INDICATOR_SERIES_TITLE: Localized = { zh: '重点指标年度变化', en: 'Key indicators year by year' };

const NAMES: Record<Exclude<SeriesKey, 'axis' | 'literacy_target'>, Localized> = {
  [LITERACY_INDICATOR]: { zh: '公民具备科学素质的比例（本级）', en: 'Science literacy rate (own figure)' },
  literacy_average: { zh: '下辖地区平均比例（未按人口加权）', en: 'Sub-region average rate (not population-weighted)' },
  [TRAININGS_HELD]: { zh: '培训场次', en: 'Trainings held' },
  [TRAINING_PERSON_TIMES]: { zh: '培训人次', en: 'Person-times trained' },
  [SCIENCE_BASES]: { zh: '科普基地', en: 'Science bases' },
  [SCIENCE_VENUES]: { zh: '科普场馆', en: 'Science venues' },
};

/** What each series counts in, for its tooltip line. */
const UNITS: Record<Exclude<SeriesKey, 'axis' | 'literacy_target'>, string> = {
  [LITERACY_INDICATOR]: '%',
  literacy_average: '%',
  [TRAININGS_HELD]: '场',
  [TRAINING_PERSON_TIMES]: '人次',
  [SCIENCE_BASES]: '个',
  [SCIENCE_VENUES]: '个',
};

const L = {
  rate: { zh: '比例（%）', en: 'Rate (%)' },
  held: { zh: '场次', en: 'Held' },
  trained: { zh: '人次', en: 'Person-times' },
  count: { zh: '个', en: 'Count' },
  target: { zh: '目标', en: 'Target' },
  baseline: { zh: '基线', en: 'Baseline' },
} satisfies Record<string, Localized>;

/** Each panel: its series, the grid it sits in and the value axes it uses. */
const PANELS = [
  { series: [LITERACY_INDICATOR, 'literacy_average'], axes: [L.rate] },
  { series: [TRAININGS_HELD, TRAINING_PERSON_TIMES], axes: [L.held, L.trained] },
  { series: [SCIENCE_BASES, SCIENCE_VENUES], axes: [L.count] },
] as const;

const GRIDS = [
  grid({ top: 96, height: '20%' }),
  grid({ top: '42%', height: '20%' }),
  grid({ top: '72%', height: '20%' }),
];
/** Where a panel's middle is, for its 暂无数据 note. */
const PANEL_MIDDLES = ['24%', '52%', '82%'];

function valuesOf(rows: readonly IndicatorSeriesRow[], key: SeriesKey, years: number[]): Array<number | '-'> {
  const byYear = new Map(rows.filter((r) => r.series === key).map((r) => [r.year, r.value]));
  return years.map((y) => byYear.get(y) ?? '-');
}

/** The literacy rate's target and its first reported value as lines across the top panel. */
function literacyMarks(rows: readonly IndicatorSeriesRow[], lang: Lang): NonNullable<LineSeriesOption['markLine']> {
  const target = rows.find((r) => r.series === 'literacy_target')?.value ?? null;
  const own = rows.filter((r) => r.series === LITERACY_INDICATOR && r.value !== null);
  const baseline =
    (own.length > 0 ? own : rows.filter((r) => r.series === 'literacy_average' && r.value !== null))[0]?.value ?? null;
  const lines = [
    ...(target === null ? [] : [{ yAxis: target, name: pick(L.target, lang), lineStyle: { color: '#d9534f' } }]),
    ...(baseline === null ? [] : [{ yAxis: baseline, name: pick(L.baseline, lang), lineStyle: { color: '#34495e' } }]),
  ];
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed' },
    label: { formatter: '{b} {c}%', position: 'insideEndTop' },
    data: lines,
  };
}

function tooltip(rows: readonly IndicatorSeriesRow[], years: number[], lang: Lang) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const list = Array.isArray(params) ? params : [params];
    const year = years[list[0]?.dataIndex ?? 0];
    const unit = (id: string | undefined) => (id && id in UNITS ? UNITS[id as keyof typeof UNITS] : undefined);
    const lines = list
      .filter((p) => p.value !== '-' && p.value !== undefined)
      .map((p) =>
        entry(p.seriesName ?? '', formatQuantity(Number(p.value), unit(p.seriesId), { lang, digits: 2 }), lang),
      );
    return tooltipHtml(lang === 'zh' ? `${year}年` : String(year), lines);
  };
}

/** Three panels over the years: the literacy rate against target and baseline, trainings, and bases and venues. */
export function indicatorSeriesOptions(rows: readonly IndicatorSeriesRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const years = rows.filter((r) => r.series === 'axis').map((r) => r.year);
  const labels = years.map((y) => (lang === 'zh' ? `${y}年` : String(y)));
  const reported = (key: SeriesKey) => rows.some((r) => r.series === key && r.value !== null);
  // A panel with nothing reported says so, rather than show empty axes.
  const empty = PANELS.flatMap((panel, i) =>
    panel.series.some(reported) ? [] : [{ ...emptyGraphic(lang), top: PANEL_MIDDLES[i] as string }],
  );
  let axisIndex = 0;
  const yAxis: EChartsOption['yAxis'] = [];
  const series: Array<LineSeriesOption | BarSeriesOption> = [];
  PANELS.forEach((panel, gridIndex) => {
    const first = axisIndex;
    panel.axes.forEach((name, i) => {
      (yAxis as object[]).push({
        type: 'value',
        gridIndex,
        name: pick(name, lang),
        position: i === 0 ? 'left' : 'right',
        min: 0,
        splitLine: { show: i === 0 },
        ...(gridIndex === 0 ? {} : { axisLabel: amountAxisLabel(lang) }),
      });
      axisIndex++;
    });
    panel.series.forEach((key, i) => {
      const common = {
        id: key,
        name: pick(NAMES[key], lang),
        xAxisIndex: gridIndex,
        yAxisIndex: first + Math.min(i, panel.axes.length - 1),
        itemStyle: { color: paletteColor(gridIndex * 2 + i) },
        data: valuesOf(rows, key, years),
      };
      if (gridIndex === 0)
        series.push({
          ...common,
          type: 'line',
          connectNulls: true,
          label: { show: true, formatter: (p) => formatQuantity(Number(p.value), '%', { digits: 2 }) },
          ...(i === 0 ? { markLine: literacyMarks(rows, lang) } : {}),
        });
      else if (gridIndex === 1 && i === 1) series.push({ ...common, type: 'line', connectNulls: true });
      else
        series.push({
          ...common,
          type: 'bar',
          barMaxWidth: 24,
          label: { show: true, position: 'top', formatter: (p) => formatNumber(Number(p.value), { lang, digits: 0 }) },
        });
    });
  });
  return {
    ...baseOption(INDICATOR_SERIES_TITLE, ctx),
    ...(empty.length === 0 ? {} : { graphic: empty }),
    legend: { top: 48 },
    tooltip: { trigger: 'axis', formatter: tooltip(rows, years, lang) },
    grid: GRIDS,
    xAxis: GRIDS.map((_, gridIndex) => ({ type: 'category', gridIndex, data: labels })),
    yAxis,
    series,
  };
}
