import type { EChartsOption, HeatmapSeriesOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { Localized } from '@kesu/schema';
import { formatShare, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid, regionRowAxis } from '../shared/layout.js';
import { emptyGraphic, NO_DATA_COLOR } from '../shared/no-data.js';
import { periodLabel, sortedPeriods } from '../shared/period-label.js';
import { tooltipHtml } from '../shared/tooltip.js';
import type { ReportingHeatmapRow } from './query.js';

export const REPORTING_HEATMAP_TITLE: Localized = { zh: '填报完整性与及时性', en: 'Reporting completeness and timeliness' };

const L = {
  onTime: { zh: '按时报送率', en: 'On time' },
  complete: { zh: '已报送', en: 'Submitted' },
  approved: { zh: '已审核通过', en: 'Approved' },
  none: { zh: '无填报任务', en: 'No assignments' },
  noneShort: { zh: '无任务', en: 'none' },
} satisfies Record<string, Localized>;

function cellLines(r: ReportingHeatmapRow, lang: Lang): string[] {
  if (r.assignments === 0) return [pick(L.none, lang)];
  const of = (n: number): string => `${n}/${r.assignments}`;
  return [
    `${pick(L.onTime, lang)}：${formatShare(r.on_time_share ?? 0)}（${of(r.on_time)}）`,
    `${pick(L.complete, lang)}：${of(r.complete)}`,
    `${pick(L.approved, lang)}：${of(r.approved)}`,
  ];
}

/**
 * Child regions down, periods across; each cell coloured by the share of assignments submitted
 * or approved on time. Cells without assignments are grey and say so, apart from the colour scale.
 */
export function reportingHeatmapOptions(rows: readonly ReportingHeatmapRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const periods = sortedPeriods(rows.map((r) => r.period));
  const regions = [...new Map(rows.map((r) => [r.region_code, r.region_name])).entries()];
  const at = (r: ReportingHeatmapRow): [number, number] => [periods.indexOf(r.period), regions.findIndex(([code]) => code === r.region_code)];
  const filled = rows.filter((r) => r.assignments > 0);
  const empty = rows.filter((r) => r.assignments === 0);
  const cells: HeatmapSeriesOption = {
    type: 'heatmap',
    name: pick(L.onTime, lang),
    data: filled.map((r) => [...at(r), Math.round((r.on_time_share ?? 0) * 100)]),
    label: { show: true, formatter: (p) => `${(p.value as number[])[2]}%` },
    itemStyle: { borderColor: '#fff', borderWidth: 1 },
  };
  const none: HeatmapSeriesOption = {
    type: 'heatmap',
    name: pick(L.none, lang),
    data: empty.map((r) => [...at(r), 0]),
    itemStyle: { borderColor: '#fff', borderWidth: 1 },
    label: { show: true, formatter: pick(L.noneShort, lang), color: '#fff' },
  };
  return {
    ...baseOption(REPORTING_HEATMAP_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { top: 48, data: [{ name: pick(L.none, lang), itemStyle: { color: NO_DATA_COLOR } }] },
    tooltip: {
      trigger: 'item',
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const p = Array.isArray(params) ? params[0] : params;
        const r = (p?.seriesIndex === 0 ? filled : empty)[p?.dataIndex ?? 0];
        return r ? tooltipHtml(`${r.region_name} · ${periodLabel(r.period, lang)}`, cellLines(r, lang)) : '';
      },
    },
    grid: grid({ top: 88, bottom: 64 }),
    xAxis: { type: 'category', data: periods.map((p) => periodLabel(p, lang)), axisLabel: { interval: 0 }, splitArea: { show: true } },
    yAxis: regionRowAxis(regions.map(([, name]) => name)),
    // The colour scale reads the on-time cells only; the grey cells (every heat map needs a
    // visual map, so they get a hidden one-colour map) are never placed on it as a low score.
    visualMap: [
      { type: 'continuous', seriesIndex: 0, min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 8, text: [`100% ${pick(L.onTime, lang)}`, '0%'], inRange: { color: ['#ee6666', '#fac858', '#3ba272'] } },
      { type: 'piecewise', seriesIndex: 1, show: false, pieces: [{ value: 0, color: NO_DATA_COLOR }] },
    ],
    series: [cells, none],
  };
}
