import type { BoxplotSeriesOption, EChartsOption, ScatterSeriesOption, YAXisComponentOption } from 'echarts';
import { formatQuantity, type Localized } from '@kesu/schema';
import { amountAxisLabel, escapeHtml, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid, valueAxisName } from '../shared/layout.js';
import { emptyGraphic } from '../shared/no-data.js';
import { paletteColor } from '../shared/palette.js';
import { entry, tooltipHtml } from '../shared/tooltip.js';
import type { Benchmark, BenchmarkEntry, Spread } from './benchmark.js';

export const COMMITMENT_BENCHMARK_TITLE: Localized = {
  zh: '同级地区方案承诺对标',
  en: 'What regions at the same level commit and reach',
};

const SIDES = [
  { key: 'committed', name: { zh: '承诺', en: 'Committed' } },
  { key: 'achieved', name: { zh: '达成', en: 'Achieved' } },
] as const;
const PER_YEAR: Localized = { zh: '（每年）', en: ' (a year)' };
const FOCUS_COLOR = '#ee6666';
const BOX_COLOR = paletteColor(0);

/** A plan's place across its box: spread deterministically so equal values stay apart. */
const jitter = (i: number) => (((i * 7) % 11) / 10 - 0.5) * 0.36;

/** A box's five numbers; a side with no values draws none (an empty box item). */
function box(spread: Spread | null): number[] {
  return spread ? [spread.min, spread.q1, spread.median, spread.q3, spread.max] : [];
}

function pointTooltip(e: BenchmarkEntry, unit: string | null, lang: Lang): string {
  const amount = (n: number | null) => (n === null ? '—' : formatQuantity(n, unit, { lang }));
  return tooltipHtml(e.regionName, [
    escapeHtml(e.planTitle),
    ...SIDES.map((s) => entry(pick(s.name, lang), amount(e[s.key]), lang)),
  ]);
}

/** Each plan as a dot in both columns, the region asked about in red and named. */
function strip(benchmark: Benchmark, lang: Lang): ScatterSeriesOption[] {
  return SIDES.map((side, column) => ({
    type: 'scatter',
    name: pick(side.name, lang),
    xAxisIndex: 1,
    symbolSize: 9,
    z: 3,
    tooltip: {
      formatter: (p) =>
        pointTooltip(benchmark.entries[(p as { dataIndex: number }).dataIndex] as BenchmarkEntry, benchmark.unit, lang),
    },
    data: benchmark.entries.map((e, i) => {
      const value = e[side.key];
      const focus = e.regionCode === benchmark.focus?.regionCode;
      return {
        value: value === null ? [column, '-'] : [column + jitter(i), value],
        itemStyle: { color: focus ? FOCUS_COLOR : BOX_COLOR, opacity: focus ? 1 : 0.6 },
        ...(focus
          ? {
              label: { show: true, position: 'right', formatter: e.regionName, color: FOCUS_COLOR, fontWeight: 'bold' },
            }
          : {}),
      };
    }),
  }));
}

/**
 * What plans of regions at one level commit for an indicator, and what they achieved: a box of
 * each (quartiles, whiskers to the extremes) with every plan a dot over it, the region asked
 * about marked.
 */
export function commitmentBenchmarkOptions(
  benchmark: Benchmark,
  indicatorName: Localized,
  ctx: ChartContext,
): EChartsOption {
  const { lang } = ctx;
  const name = {
    zh: `${indicatorName.zh}${benchmark.basis === 'per_year' ? PER_YEAR.zh : ''}`,
    en: `${indicatorName.en}${benchmark.basis === 'per_year' ? PER_YEAR.en : ''}`,
  };
  const boxes: BoxplotSeriesOption = {
    type: 'boxplot',
    name: pick({ zh: '分布', en: 'Spread' }, lang),
    itemStyle: { color: '#eef2fb', borderColor: BOX_COLOR },
    boxWidth: ['30%', '55%'],
    tooltip: { formatter: (p) => spreadTooltip(benchmark, (p as { dataIndex: number }).dataIndex, lang) },
    data: SIDES.map((s) => box(benchmark[s.key])),
  };
  return {
    ...baseOption(COMMITMENT_BENCHMARK_TITLE, ctx),
    ...(benchmark.entries.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    tooltip: { trigger: 'item' },
    grid: grid({ top: 64 }),
    xAxis: [
      { type: 'category', data: SIDES.map((s) => pick(s.name, lang)) },
      { type: 'value', min: -0.5, max: 1.5, show: false },
    ],
    yAxis: valueAxis(benchmark, valueAxisName(name, benchmark.unit ?? '', ctx), lang),
    series: [boxes, ...strip(benchmark, lang)],
  };
}

/**
 * Amounts a hundredfold apart (a city's trainings beside a county's) are read on a log scale, which
 * keeps both in sight.
 */
function valueAxis(benchmark: Benchmark, name: string, lang: Lang): YAXisComponentOption {
  const values = benchmark.entries.flatMap((e) => [e.committed, e.achieved ?? e.committed]).filter((v) => v > 0);
  const wide = values.length > 0 && Math.max(...values) / Math.min(...values) > 100;
  // The strip's hidden value axis has its zero inside the plot: the value axis stays at the left edge.
  const common = { name, axisLabel: amountAxisLabel(lang), axisLine: { onZero: false } };
  return wide ? { type: 'log', ...common } : { type: 'value', min: 0, ...common };
}

function spreadTooltip(benchmark: Benchmark, index: number, lang: Lang): string {
  const side = SIDES[index] as (typeof SIDES)[number];
  const spread = benchmark[side.key];
  if (!spread) return '';
  const q = (n: number) => formatQuantity(n, benchmark.unit, { lang });
  const words =
    lang === 'zh'
      ? ['方案数', '最小', '下四分位', '中位数', '上四分位', '最大']
      : ['Plans', 'Lowest', 'Lower quartile', 'Median', 'Upper quartile', 'Highest'];
  const values = [String(spread.n), q(spread.min), q(spread.q1), q(spread.median), q(spread.q3), q(spread.max)];
  return tooltipHtml(
    pick(side.name, lang),
    words.map((w, i) => entry(w, values[i] as string, lang)),
  );
}
