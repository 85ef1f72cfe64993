import type {
  BarSeriesOption,
  EChartsOption,
  ScatterSeriesOption,
  TooltipComponentFormatterCallbackParams,
} from 'echarts';
import { actualUnitOf, formatGoal, formatQuantity, targetScopes, type Comparator, type Localized } from '@kesu/schema';
import { PROGRESS_STATUSES, statusLabels } from '../../progress/status.js';
import { pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid } from '../shared/layout.js';
import { emptyGraphic, NO_DATA, NO_DATA_COLOR } from '../shared/no-data.js';
import { STATUS_COLORS } from '../shared/palette.js';
import { aside, entry, hoveredIndex, tooltipHtml } from '../shared/tooltip.js';
import type { TargetProgressRow } from './query.js';

export const TARGET_PROGRESS_TITLE: Localized = {
  zh: '本级目标完成进度',
  en: 'The region’s own targets against their pace',
};

const L = {
  axis: { zh: '完成目标的百分比（%）', en: 'Share of the target reached (%)' },
  pace: { zh: '按时间进度应达', en: 'Expected by now' },
  noLead: { zh: '未列牵头单位', en: 'No lead unit named' },
  target: { zh: '目标', en: 'Target' },
  actual: { zh: '实际', en: 'Actual' },
  lead: { zh: '牵头单位', en: 'Lead units' },
} satisfies Record<string, Localized>;

/** Bars stop here so one target far ahead does not squeeze every other bar; its label tells the true share. */
const CAP = 150;
const ROW = 26;
const FRAME = 96 + 56;

/**
 * A per-unit target's actual is already the share of units meeting it; every other one is measured
 * against its value.
 */
function share(r: TargetProgressRow, amount: number | null): number | null {
  if (amount === null) return null;
  if (targetScopes[r.scope].actual === 'share_of_units') return amount;
  return r.value > 0 ? (100 * amount) / r.value : null;
}

/** A share as a label: whole percents, but never 100 % for a target not reached (30.9 of 31 reads 99.7 %). */
export function shareLabel(share: number): string {
  return formatQuantity(share, '%', { digits: share < 100 && Math.round(share) >= 100 ? 1 : 0 });
}

/** The first lead unit and the metric, short enough for the axis: the chart is grouped by the former. */
function categoryName(r: TargetProgressRow, lang: Lang): string {
  const lead = r.lead_units.split('、')[0] || pick(L.noLead, lang);
  const metric = r.metric.length > 18 ? `${r.metric.slice(0, 17)}…` : r.metric;
  return `${lead}｜${metric}`;
}

function tooltip(rows: readonly TargetProgressRow[], lang: Lang) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const r = rows[hoveredIndex(params)];
    if (!r) return '';
    const reached = share(r, r.actual);
    const byShare = targetScopes[r.scope].actual === 'share_of_units';
    const reachedAside = reached === null || byShare ? '' : aside(shareLabel(reached), lang);
    return tooltipHtml(r.metric, [
      entry(pick(L.lead, lang), r.lead_units || pick(L.noLead, lang), lang),
      entry(pick(L.target, lang), formatGoal(r.comparator as Comparator, r.value, r.unit, { lang }), lang),
      entry(
        pick(L.actual, lang),
        r.actual === null
          ? pick(NO_DATA, lang)
          : `${formatQuantity(r.actual, actualUnitOf(r), { lang })}${reachedAside}`,
        lang,
      ),
      entry(pick(statusLabels[r.status], lang), (lang === 'zh' ? r.rule_zh : r.rule_en) ?? '', lang),
    ]);
  };
}

/** The height the chart needs: one row per target. */
export function targetProgressHeight(rows: readonly object[]): number {
  return Math.max(320, FRAME + rows.length * ROW);
}

/**
 * One bar per target of the region's own plans, grouped by lead unit: the share of the target
 * reached, coloured by status, with a tick where the time elapsed says it should be by now.
 */
export function targetProgressOptions(rows: readonly TargetProgressRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const reached = rows.map((r) => share(r, r.actual));
  const bars = PROGRESS_STATUSES.filter((s) => s !== 'no_data').map((status): BarSeriesOption => ({
    type: 'bar',
    name: pick(statusLabels[status], lang),
    stack: 'share',
    barMaxWidth: 16,
    itemStyle: { color: STATUS_COLORS[status] },
    data: rows.map((r, i) => (r.status === status && reached[i] !== null ? Math.min(CAP, reached[i] as number) : '-')),
    label: { show: true, position: 'right', formatter: (p) => shareLabel(reached[p.dataIndex] ?? 0) },
  }));
  const pace: ScatterSeriesOption = {
    type: 'scatter',
    name: pick(L.pace, lang),
    symbol: 'rect',
    symbolSize: [3, 18],
    itemStyle: { color: '#2f4554' },
    data: rows.map((r) => {
      const expected = share(r, r.expected);
      return expected === null || r.actual === null ? '-' : Math.min(CAP, expected);
    }),
    z: 4,
  };
  const missing: ScatterSeriesOption = {
    type: 'scatter',
    name: pick(NO_DATA, lang),
    symbol: 'diamond',
    symbolSize: 10,
    itemStyle: { color: NO_DATA_COLOR },
    data: rows.map((r, i) => (reached[i] === null ? 0 : '-')),
    label: { show: true, position: 'right', formatter: pick(NO_DATA, lang), color: NO_DATA_COLOR },
    tooltip: { show: false },
  };
  return {
    ...baseOption(TARGET_PROGRESS_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { top: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(rows, lang) },
    grid: grid({ top: 96, right: 56 }),
    xAxis: {
      type: 'value',
      min: 0,
      max: CAP,
      name: pick(L.axis, lang),
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: '{value}%' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => categoryName(r, lang)),
      axisLabel: { interval: 0 },
    },
    series: [
      ...bars,
      pace,
      missing,
      // The target itself: 100 %.
      {
        type: 'line',
        data: [],
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#d9534f', type: 'dashed' },
          label: { formatter: pick(L.target, lang) },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
}
