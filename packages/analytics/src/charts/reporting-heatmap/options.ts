import type {
  EChartsOption,
  HeatmapSeriesOption,
  TitleComponentOption,
  TooltipComponentFormatterCallbackParams,
  VisualMapComponentOption,
} from 'echarts';
import { periodWords, type Localized } from '@kesu/schema';
import { formatShare, pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid, regionRowAxis } from '../shared/layout.js';
import { emptyGraphic, NO_DATA_COLOR } from '../shared/no-data.js';
import { sortedPeriods } from '../shared/sorted-periods.js';
import { aside, entry, tooltipHtml } from '../shared/tooltip.js';
import type { ReportingHeatmapRow } from './query.js';

export const REPORTING_HEATMAP_TITLE: Localized = {
  zh: '填报完整性与及时性',
  en: 'Reporting completeness and timeliness',
};

const L = {
  due: { zh: '应报', en: 'Due' },
  received: { zh: '已收到', en: 'Received' },
  onTime: { zh: '按时', en: 'On time' },
  approved: { zh: '已审核通过', en: 'Approved' },
  none: { zh: '无填报任务', en: 'No assignments' },
  noneShort: { zh: '无任务', en: 'none' },
  unreceived: { zh: '尚未收到报表', en: 'Nothing received yet' },
  unreceivedShort: { zh: '未收到', en: 'nothing in' },
} satisfies Record<string, Localized>;

/** The two measures, each a map with its own colour scale: how much came in, and how much of it came in time. */
const MEASURES = [
  {
    share: (r: ReportingHeatmapRow) => r.complete_share,
    title: {
      zh: '完整率：已收到（已提交或已通过）占应报',
      en: 'Completeness: reports received (submitted or approved) of those due',
    },
    scale: { zh: '完整率', en: 'Completeness' },
    colors: ['#ee6666', '#fac858', '#3ba272'],
  },
  {
    share: (r: ReportingHeatmapRow) => r.timely_share,
    title: { zh: '及时率：按时报送占已收到', en: 'Timeliness: reports in by the due date, of those received' },
    scale: { zh: '及时率', en: 'Timeliness' },
    colors: ['#f3e5c8', '#e3a857', '#9a5b13'],
  },
] as const;

/** A greyer grey than no assignments: the timeliness of nothing received is not 0 %. */
const UNRECEIVED_COLOR = '#d9d9d9';

// Heights in px: the title and the first map's heading; the first map's period labels and the
// second map's heading; the second map's period labels and the legend.
const ROW = 26;
const TOP = 84;
const BETWEEN = 72;
const BOTTOM = 60;
const MIN_HEIGHT = 480;

/** The child regions the rows are about, as code and name, in the order of the maps' rows. */
export function heatmapRegions(rows: readonly ReportingHeatmapRow[]): Array<[string, string]> {
  return [...new Map(rows.map((r) => [r.region_code, r.region_name])).entries()];
}

/** The height the chart needs: two maps of one row per child region. */
export function reportingHeatmapHeight(rows: readonly object[]): number {
  const regions = heatmapRegions(rows as readonly ReportingHeatmapRow[]).length;
  return Math.max(MIN_HEIGHT, TOP + BETWEEN + BOTTOM + 2 * regions * ROW);
}

function cellLines(r: ReportingHeatmapRow, lang: Lang): string[] {
  if (r.assignments === 0) return [pick(L.none, lang)];
  const share = (s: number | null): string => (s === null ? '' : aside(formatShare(s), lang));
  return [
    entry(pick(L.due, lang), String(r.assignments), lang),
    entry(pick(L.received, lang), `${r.complete}${share(r.complete_share)}`, lang),
    entry(pick(L.onTime, lang), `${r.on_time}${share(r.timely_share)}`, lang),
    entry(pick(L.approved, lang), String(r.approved), lang),
  ];
}

/** A measure's map: cells whose share is known, coloured on its own scale (series 0 and 1). */
function measureSeries(
  rows: readonly ReportingHeatmapRow[],
  m: number,
  at: (r: ReportingHeatmapRow) => [number, number],
  lang: Lang,
): HeatmapSeriesOption {
  const measure = MEASURES[m] as (typeof MEASURES)[number];
  const known = rows.filter((r) => measure.share(r) !== null);
  return {
    type: 'heatmap',
    name: pick(measure.scale, lang),
    xAxisIndex: m,
    yAxisIndex: m,
    data: known.map((r) => [...at(r), Math.round((measure.share(r) ?? 0) * 100)]),
    label: { show: true, formatter: (p) => `${(p.value as number[])[2]}%` },
    itemStyle: { borderColor: '#fff', borderWidth: 1 },
  };
}

/** Grey cells that are no share at all: nothing due (both maps), nothing received yet (timeliness). */
function greySeries(
  rows: readonly ReportingHeatmapRow[],
  m: number,
  at: (r: ReportingHeatmapRow) => [number, number],
  lang: Lang,
  unreceived: boolean,
): HeatmapSeriesOption {
  const cells = rows.filter((r) => (unreceived ? r.assignments > 0 && r.complete === 0 : r.assignments === 0));
  return {
    type: 'heatmap',
    name: pick(unreceived ? L.unreceived : L.none, lang),
    xAxisIndex: m,
    yAxisIndex: m,
    data: cells.map((r) => [...at(r), unreceived ? 1 : 0]),
    itemStyle: { borderColor: '#fff', borderWidth: 1 },
    label: {
      show: true,
      formatter: pick(unreceived ? L.unreceivedShort : L.noneShort, lang),
      color: unreceived ? '#606060' : '#fff',
    },
  };
}

/** Where each map's rows and heading go, for the height the chart is drawn at. */
function layout(rows: readonly ReportingHeatmapRow[]): { rowHeight: number; tops: [number, number] } {
  const regions = Math.max(1, heatmapRegions(rows).length);
  const rowHeight = (reportingHeatmapHeight(rows) - TOP - BETWEEN - BOTTOM) / (2 * regions);
  return { rowHeight, tops: [TOP, TOP + regions * rowHeight + BETWEEN] };
}

/**
 * Child regions down, periods across, in two maps with a colour scale each: completeness (the
 * reports received of those due) and timeliness (of those received, the ones in by the due
 * date). A period fully approved but late is complete and untimely, never 0 % of one measure.
 * Cells without assignments, or with nothing received to be timely, are grey and say so, apart
 * from the scales.
 */
export function reportingHeatmapOptions(rows: readonly ReportingHeatmapRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  // Nothing given out in the area this year: the message alone, not two empty maps with their scales.
  if (rows.length === 0)
    return { ...baseOption(REPORTING_HEATMAP_TITLE, ctx), graphic: emptyGraphic(lang), series: [] };
  const periods = sortedPeriods(rows.map((r) => r.period));
  const regions = heatmapRegions(rows);
  const at = (r: ReportingHeatmapRow): [number, number] => [
    periods.indexOf(r.period),
    regions.findIndex(([code]) => code === r.region_code),
  ];
  const { rowHeight, tops } = layout(rows);
  const series = [
    measureSeries(rows, 0, at, lang),
    measureSeries(rows, 1, at, lang),
    greySeries(rows, 0, at, lang, false),
    greySeries(rows, 1, at, lang, false),
    greySeries(rows, 1, at, lang, true),
  ];
  const base = baseOption(REPORTING_HEATMAP_TITLE, ctx);
  const headings = MEASURES.map((m, i): TitleComponentOption => ({
    text: pick(m.title, lang),
    left: 16,
    top: (tops[i] as number) - 28,
    textStyle: { fontSize: 13, fontWeight: 'normal' },
  }));
  // Each scale sits on its map's heading line, right-aligned; the grey cells get hidden one-colour maps.
  const scales = MEASURES.map((m, i): VisualMapComponentOption => ({
    type: 'continuous',
    seriesIndex: i,
    min: 0,
    max: 100,
    orient: 'horizontal',
    right: 16,
    top: (tops[i] as number) - 30,
    itemWidth: 12,
    itemHeight: 120,
    text: ['100%', '0%'],
    inRange: { color: [...m.colors] },
  }));
  const greys: VisualMapComponentOption = {
    type: 'piecewise',
    seriesIndex: [2, 3, 4],
    show: false,
    pieces: [
      { value: 0, color: NO_DATA_COLOR },
      { value: 1, color: UNRECEIVED_COLOR },
    ],
  };
  return {
    ...base,
    title: [base.title as TitleComponentOption, ...headings],
    legend: {
      bottom: 8,
      data: [
        { name: pick(L.none, lang), itemStyle: { color: NO_DATA_COLOR } },
        { name: pick(L.unreceived, lang), itemStyle: { color: UNRECEIVED_COLOR } },
      ],
    },
    tooltip: {
      trigger: 'item',
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const p = Array.isArray(params) ? params[0] : params;
        const [x, y] = (p?.value as number[] | undefined) ?? [];
        const r = rows.find((row) => row.period === periods[x ?? -1] && row.region_code === regions[y ?? -1]?.[0]);
        return r ? tooltipHtml(`${r.region_name} · ${periodWords(r.period, lang)}`, cellLines(r, lang)) : '';
      },
    },
    grid: tops.map((top) => grid({ top, height: regions.length * rowHeight })),
    xAxis: tops.map((_, gridIndex) => ({
      type: 'category',
      gridIndex,
      data: periods.map((p) => periodWords(p, lang)),
      axisLabel: { interval: 0 },
      splitArea: { show: true },
    })),
    yAxis: tops.map((_, gridIndex) => ({ ...regionRowAxis(regions.map(([, name]) => name)), gridIndex })),
    visualMap: [...scales, greys],
    series,
  };
}
