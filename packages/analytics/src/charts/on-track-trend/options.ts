import type { EChartsOption, LineSeriesOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { Localized } from '@kesu/schema';
import { PROGRESS_STATUSES, statusLabels } from '../../progress/status.js';
import { formatShare, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid } from '../shared/layout.js';
import { emptyGraphic } from '../shared/no-data.js';
import { STATUS_COLORS } from '../shared/palette.js';
import { aside, entry, tooltipHtml } from '../shared/tooltip.js';
import type { OnTrackTrendRow } from './query.js';

export const ON_TRACK_TREND_TITLE: Localized = {
  zh: '目标达标率年度变化',
  en: 'Share of targets on track, year by year',
};

const GROUPS: Array<{ grouping: OnTrackTrendRow['grouping']; name: Localized; color: string }> = [
  { grouping: 'own', name: { zh: '本级方案目标', en: 'Own plan’s targets' }, color: STATUS_COLORS.on_track },
  {
    grouping: 'below',
    name: { zh: '下辖地区方案目标', en: 'Targets of the regions below' },
    color: STATUS_COLORS.achieved,
  },
];

const AXIS: Localized = { zh: '已完成或进度正常的目标占比（%）', en: 'Targets achieved or on track (%)' };

/** The share achieved or on track; targets without data count against it, as everywhere. */
const share = (r: OnTrackTrendRow) => (r.total === 0 ? null : (r.achieved + r.on_track) / r.total);

function tooltip(rows: readonly OnTrackTrendRow[], years: number[], lang: Lang) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const list = Array.isArray(params) ? params : [params];
    const year = years[list[0]?.dataIndex ?? 0];
    const lines = GROUPS.flatMap((g) => {
      const r = rows.find((x) => x.grouping === g.grouping && x.year === year);
      if (!r) return [];
      const counts = PROGRESS_STATUSES.map((s) => `${pick(statusLabels[s], lang)} ${r[s]}`).join(' · ');
      return [
        entry(
          pick(g.name, lang),
          `${formatShare(share(r) ?? 0)}${aside(`${r.achieved + r.on_track}/${r.total}`, lang)}`,
          lang,
        ),
        counts,
      ];
    });
    return tooltipHtml(lang === 'zh' ? `${year}年` : String(year), lines);
  };
}

/** A line per group: the share of its targets achieved or on track in each year's verdicts. */
export function onTrackTrendOptions(rows: readonly OnTrackTrendRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const series = GROUPS.filter((g) => rows.some((r) => r.grouping === g.grouping)).map((g): LineSeriesOption => ({
    type: 'line',
    name: pick(g.name, lang),
    itemStyle: { color: g.color },
    connectNulls: false,
    data: years.map((y) => {
      const r = rows.find((x) => x.grouping === g.grouping && x.year === y);
      const s = r ? share(r) : null;
      return s === null ? '-' : Math.round(s * 1000) / 10;
    }),
    label: { show: true, formatter: (p) => `${p.value}%` },
  }));
  return {
    ...baseOption(ON_TRACK_TREND_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { top: 48 },
    tooltip: { trigger: 'axis', formatter: tooltip(rows, years, lang) },
    grid: grid({ top: 96 }),
    xAxis: { type: 'category', data: years.map((y) => (lang === 'zh' ? `${y}年` : String(y))) },
    yAxis: { type: 'value', min: 0, max: 100, name: pick(AXIS, lang), axisLabel: { formatter: '{value}%' } },
    series,
  };
}
