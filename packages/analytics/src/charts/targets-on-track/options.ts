import type { BarSeriesOption, EChartsOption, SeriesOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { Localized } from '@kesu/schema';
import { PROGRESS_STATUSES, statusLabels } from '../../progress/status.js';
import { formatShare, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid, regionAxis } from '../shared/layout.js';
import { emptyGraphic, NO_DATA, noDataMarks } from '../shared/no-data.js';
import { STATUS_COLORS } from '../shared/palette.js';
import { aside, entry, tooltipHtml } from '../shared/tooltip.js';
import type { TargetsOnTrackRow } from './query.js';

export const TARGETS_ON_TRACK_TITLE: Localized = { zh: '目标进度达标情况', en: 'Targets achieved or on track' };

const PANELS = [
  { grouping: 'region', name: { zh: '按地区', en: 'By region' } },
  {
    grouping: 'function',
    name: { zh: '按牵头职能（按指标报送部门归属）', en: 'By lead function (the function reporting the indicator)' },
  },
] as const;

const L = {
  share: { zh: '目标占比（%）', en: 'Share of targets (%)' },
  onTrack: { zh: '已完成或进度正常', en: 'Achieved or on track' },
  unattributed: { zh: '未能归属职能', en: 'Unattributed' },
} satisfies Record<string, Localized>;

/** The share achieved or on track; targets without data count against it (as in regionScore). */
export function onTrackShare(r: TargetsOnTrackRow): number | null {
  return r.total === 0 ? null : (r.achieved + r.on_track) / r.total;
}

function categoryName(r: TargetsOnTrackRow, lang: Lang): string {
  if (r.grouping === 'function' && r.key === '') return pick(L.unattributed, lang);
  return (lang === 'en' ? r.name_en : null) ?? r.name_zh ?? r.key;
}

function tooltip(panels: TargetsOnTrackRow[][], lang: Lang) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const first = Array.isArray(params) ? params[0] : params;
    const r = panels[Number(first?.seriesId?.split('|')[0])]?.[first?.dataIndex ?? 0];
    if (!r) return '';
    const share = onTrackShare(r);
    const headline = entry(
      pick(L.onTrack, lang),
      share === null
        ? pick(NO_DATA, lang)
        : `${formatShare(share)}${aside(`${r.achieved + r.on_track}/${r.total}`, lang)}`,
      lang,
    );
    return tooltipHtml(categoryName(r, lang), [
      headline,
      ...PROGRESS_STATUSES.map((s) => entry(pick(statusLabels[s], lang), String(r[s]), lang)),
    ]);
  };
}

/** One panel: a 100 % bar per group, split by status; a group without any target judged gets the no-data mark. */
function panelSeries(rows: TargetsOnTrackRow[], axis: number, lang: Lang): SeriesOption[] {
  const bars = PROGRESS_STATUSES.map((status): BarSeriesOption => ({
    type: 'bar',
    id: `${axis}|${status}`,
    name: pick(statusLabels[status], lang),
    stack: `panel${axis}`,
    xAxisIndex: axis,
    yAxisIndex: axis,
    barMaxWidth: 40,
    itemStyle: { color: STATUS_COLORS[status] },
    data: rows.map((r) => (r.total === 0 ? '-' : (r[status] / r.total) * 100)),
    // Printed reports have no tooltips: segments big enough carry their share.
    label: {
      show: true,
      position: 'inside',
      formatter: (p) => (Number(p.value) >= 8 ? `${Math.round(Number(p.value))}%` : ''),
    },
  }));
  return [
    ...bars,
    ...noDataMarks(
      rows.map((r) => r.total === 0),
      lang,
      { xAxisIndex: axis, yAxisIndex: axis },
    ),
  ];
}

/** Status shares of the targets per child region (top) and per department function (bottom). */
export function targetsOnTrackOptions(rows: readonly TargetsOnTrackRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const panels = PANELS.map((p) => rows.filter((r) => r.grouping === p.grouping));
  return {
    ...baseOption(TARGETS_ON_TRACK_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { top: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(panels, lang) },
    grid: [grid({ top: 96, bottom: '54%' }), grid({ top: '54%' })],
    xAxis: panels.map((own, axis) =>
      regionAxis(
        own.map((r) => categoryName(r, lang)),
        { gridIndex: axis },
      ),
    ),
    yAxis: PANELS.map((panel, axis) => ({
      type: 'value',
      gridIndex: axis,
      min: 0,
      max: 100,
      name: `${pick(panel.name, lang)} · ${pick(L.share, lang)}`,
      axisLabel: { formatter: '{value}%' },
    })),
    series: panels.flatMap((own, axis) => panelSeries(own, axis, lang)),
  };
}
