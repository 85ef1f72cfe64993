import type { EChartsOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import { formatQuantity, periodWords, type Localized } from '@kesu/schema';
import { pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid, regionAxis, valueAxisName } from '../shared/layout.js';
import { emptyGraphic, NO_DATA, noDataMarks, orGap } from '../shared/no-data.js';
import { aside, entry, hoveredIndex, tooltipHtml } from '../shared/tooltip.js';
import type { LiteracyRateRow } from './query.js';

export const LITERACY_RATE_TITLE: Localized = { zh: '公民具备科学素质的比例', en: 'Science literacy rate by region' };

const L = {
  reported: { zh: '本级报告值', en: 'Reported' },
  average: { zh: '下辖地区平均值（未按人口加权）', en: 'Sub-region average (not population-weighted)' },
  target: { zh: '目标值', en: 'Target' },
  baseline: { zh: '基线值（规划期首次报告）', en: 'Baseline (first value in plan period)' },
  rate: { zh: '公民具备科学素质的比例', en: 'Science literacy rate' },
  none: { zh: '无', en: 'none' },
} satisfies Record<string, Localized>;

/** A short horizontal bar across the category: the target or baseline of that region. */
const tick = (color: string, height: number) => ({ symbol: 'rect', symbolSize: [36, height], itemStyle: { color } });

const rate = (value: number): string => formatQuantity(value, '%', { digits: 2 });

/** A bar label: the rate rounded as printed, an average marked ≈. */
const rateLabel = (prefix: string) =>
  ({
    show: true,
    position: 'top',
    formatter: (p: { value?: unknown }) => `${prefix}${rate(Number(p.value))}`,
  }) as const;

function tooltip(rows: readonly LiteracyRateRow[], lang: Lang) {
  const t = (text: Localized): string => pick(text, lang);
  const line = (label: Localized, value: number | null, note = ''): string =>
    entry(t(label), value === null ? t(L.none) : `${rate(value)}${note}`, lang);
  const rateLine = (r: LiteracyRateRow): string => {
    if (r.rate_source === 'reported')
      return line(L.reported, r.rate, r.rate_period === null ? '' : aside(periodWords(r.rate_period, lang), lang));
    if (r.rate_source === 'subregion_average')
      return line(
        L.average,
        r.rate,
        lang === 'zh' ? `，${r.averaged_regions}个地区` : `, ${r.averaged_regions} regions`,
      );
    return entry(t(L.rate), t(NO_DATA), lang);
  };
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const r = rows[hoveredIndex(params)];
    if (!r) return '';
    const targetNote = r.target_year === null ? '' : aside(periodWords(String(r.target_year), lang), lang);
    return tooltipHtml(r.region_name, [
      rateLine(r),
      line(L.target, r.target, targetNote),
      line(L.baseline, r.baseline),
    ]);
  };
}

/** Bars of each child's latest rate (own or averaged, told apart), with target and baseline marks. */
export function literacyRateOptions(rows: readonly LiteracyRateRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const t = (text: Localized): string => pick(text, lang);
  return {
    ...baseOption(LITERACY_RATE_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { top: 48 },
    grid: grid({ top: 96 }),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(rows, lang) },
    xAxis: regionAxis(rows.map((r) => r.region_name)),
    yAxis: { type: 'value', min: 0, name: valueAxisName(L.rate, '%', ctx), axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: t(L.reported),
        stack: 'rate',
        barMaxWidth: 40,
        data: rows.map((r) => orGap(r.rate_source === 'reported' ? r.rate : null)),
        label: rateLabel(''),
      },
      {
        type: 'bar',
        name: t(L.average),
        stack: 'rate',
        barMaxWidth: 40,
        data: rows.map((r) => orGap(r.rate_source === 'subregion_average' ? r.rate : null)),
        // Hatched, so an average is never read as a region's own survey result.
        itemStyle: {
          color: '#91cc75',
          decal: {
            symbol: 'rect',
            dashArrayX: [1, 0],
            dashArrayY: [2, 4],
            rotation: -Math.PI / 4,
            color: 'rgba(255,255,255,0.6)',
          },
        },
        label: rateLabel('≈'),
      },
      { type: 'scatter', name: t(L.target), data: rows.map((r) => orGap(r.target)), ...tick('#d9534f', 3), z: 4 },
      { type: 'scatter', name: t(L.baseline), data: rows.map((r) => orGap(r.baseline)), ...tick('#34495e', 2), z: 4 },
      ...noDataMarks(
        rows.map((r) => r.rate === null),
        lang,
      ),
    ],
  };
}
