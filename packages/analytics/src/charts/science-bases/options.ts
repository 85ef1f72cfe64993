import type { BarSeriesOption, EChartsOption, SeriesOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import { formatNumber, formatQuantity, targetScopes, type Localized } from '@kesu/schema';
import { amountAxisLabel, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid, regionAxis, valueAxisName } from '../shared/layout.js';
import { emptyGraphic, NO_DATA, noDataMarks, orGap } from '../shared/no-data.js';
import { entry, hoveredIndex, tooltipHtml } from '../shared/tooltip.js';
import { SCIENCE_BASES, SCIENCE_VENUES, type ScienceBasesRow } from './query.js';

export const SCIENCE_BASES_TITLE: Localized = {
  zh: '科普基地与科普场馆建设',
  en: 'Science bases and venues against targets',
};

const PANELS = [
  { indicator: SCIENCE_BASES, name: { zh: '科普基地', en: 'Science bases' }, color: '#5470c6' },
  { indicator: SCIENCE_VENUES, name: { zh: '科普场馆', en: 'Science venues' }, color: '#3ba272' },
] as const;
type Panel = (typeof PANELS)[number];

const L = {
  stock: { zh: '现有数量', en: 'Current stock' },
  target: { zh: '目标数量', en: 'Target level' },
  noTarget: { zh: '无目标', en: 'no target' },
} satisfies Record<string, Localized>;

/** Bases and venues are counted in 个. */
const UNIT = '个';

/** How a target reads: a level (达到5个) or an increase counted from the first stock of the plan period. */
function targetText(r: ScienceBasesRow, lang: Lang): string {
  const n = (v: number): string => formatNumber(v, { lang, digits: 0 });
  const q = (v: number): string => formatQuantity(v, UNIT, { lang, digits: 0 });
  if (r.target_value === null) return pick(L.noTarget, lang);
  if (r.target_scope === null || targetScopes[r.target_scope].pace !== 'over_term')
    return lang === 'zh' ? `达到${q(r.target_value)}` : `reach ${q(r.target_value)}`;
  const from =
    r.baseline === null
      ? lang === 'zh'
        ? '基数未知'
        : 'starting stock unknown'
      : lang === 'zh'
        ? `基数${n(r.baseline)}，应达${n(r.baseline + r.target_value)}`
        : `from ${n(r.baseline)} to ${n(r.baseline + r.target_value)}`;
  return lang === 'zh' ? `新增${q(r.target_value)}（${from}）` : `add ${q(r.target_value)} (${from})`;
}

function tooltip(rows: readonly ScienceBasesRow[], lang: Lang) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const first = Array.isArray(params) ? params[0] : params;
    const indicator = first?.seriesId?.split('|')[0];
    const r = rows.filter((row) => row.indicator_code === indicator)[hoveredIndex(params)];
    if (!r) return '';
    const panel = PANELS.find((p) => p.indicator === r.indicator_code);
    const stock = r.stock === null ? pick(NO_DATA, lang) : formatQuantity(r.stock, UNIT, { lang, digits: 0 });
    return tooltipHtml(`${r.region_name} · ${panel ? pick(panel.name, lang) : r.indicator_code}`, [
      entry(pick(L.stock, lang), stock, lang),
      entry(pick(L.target, lang), targetText(r, lang), lang),
    ]);
  };
}

/** One panel: the stock as a solid bar, the target level as a dashed outline over it (a bullet chart). */
function panelSeries(rows: readonly ScienceBasesRow[], panel: Panel, axis: number, lang: Lang): SeriesOption[] {
  const own = rows.filter((r) => r.indicator_code === panel.indicator);
  // Both labels sit on top of their bar; when stock and target are close, one is hidden rather than overprinted.
  const common = {
    type: 'bar',
    xAxisIndex: axis,
    yAxisIndex: axis,
    barMaxWidth: 36,
    barGap: '-100%',
    labelLayout: { hideOverlap: true },
  } as const;
  const stock: BarSeriesOption = {
    ...common,
    id: `${panel.indicator}|stock`,
    name: pick(L.stock, lang),
    itemStyle: { color: panel.color },
    data: own.map((r) => orGap(r.stock)),
    label: { show: true, position: 'top' },
  };
  const target: BarSeriesOption = {
    ...common,
    id: `${panel.indicator}|target`,
    name: pick(L.target, lang),
    itemStyle: { color: 'transparent', borderColor: '#d9534f', borderWidth: 2, borderType: 'dashed' },
    data: own.map((r) => orGap(r.target_level)),
    label: { show: true, position: 'top', color: '#d9534f' },
    z: 3,
  };
  return [
    stock,
    target,
    ...noDataMarks(
      own.map((r) => r.stock === null),
      lang,
      { xAxisIndex: axis, yAxisIndex: axis },
    ),
  ];
}

/** Bases (top) and venues (bottom) of each child region: current stock against the target level. */
export function scienceBasesOptions(rows: readonly ScienceBasesRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const names = rows.filter((r) => r.indicator_code === SCIENCE_BASES).map((r) => r.region_name);
  return {
    ...baseOption(SCIENCE_BASES_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { top: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(rows, lang) },
    grid: [grid({ top: 96, bottom: '54%' }), grid({ top: '54%' })],
    xAxis: PANELS.map((_, axis) => regionAxis(names, { gridIndex: axis })),
    yAxis: PANELS.map((panel, axis) => ({
      type: 'value',
      gridIndex: axis,
      min: 0,
      minInterval: 1,
      name: valueAxisName(panel.name, UNIT, ctx),
      axisLabel: amountAxisLabel(lang),
    })),
    series: PANELS.flatMap((panel, axis) => panelSeries(rows, panel, axis, lang)),
  };
}
