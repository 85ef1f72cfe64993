import type { BarSeriesOption, EChartsOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { Localized } from '@kesu/schema';
import { pick, type ChartContext, type Lang } from '../shared/lang.js';
import { baseOption, grid } from '../shared/layout.js';
import { emptyGraphic, NO_DATA_COLOR } from '../shared/no-data.js';
import { STATUS_COLORS } from '../shared/palette.js';
import { entry, hoveredIndex, tooltipHtml } from '../shared/tooltip.js';
import type { DepartmentReportingRow } from './query.js';

export const DEPARTMENT_REPORTING_TITLE: Localized = {
  zh: '各单位报送情况（规划期内）',
  en: 'Reporting by unit over the plan period',
};

type Part = 'on_time' | 'late' | 'missing' | 'not_due';

const PARTS: Array<{ key: Part; name: Localized; color: string }> = [
  { key: 'on_time', name: { zh: '按时报送', en: 'On time' }, color: STATUS_COLORS.achieved },
  { key: 'late', name: { zh: '逾期报送', en: 'Late' }, color: STATUS_COLORS.at_risk },
  { key: 'missing', name: { zh: '逾期未报', en: 'Missing' }, color: STATUS_COLORS.behind },
  { key: 'not_due', name: { zh: '未到期', en: 'Not yet due' }, color: NO_DATA_COLOR },
];

const AXIS: Localized = { zh: '报告期数（个）', en: 'Reports (periods)' };
const ROW = 28;
const FRAME = 96 + 56;

/** The height the chart needs: one row per unit. */
export function departmentReportingHeight(rows: readonly object[]): number {
  return Math.max(320, FRAME + rows.length * ROW);
}

function tooltip(rows: readonly DepartmentReportingRow[], lang: Lang) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const r = rows[hoveredIndex(params)];
    if (!r) return '';
    const name = lang === 'zh' ? r.unit_zh : r.unit_en;
    const assigned = lang === 'zh' ? `应报 ${r.assigned} 期` : `${r.assigned} reports due`;
    return tooltipHtml(name, [assigned, ...PARTS.map((p) => entry(pick(p.name, lang), String(r[p.key]), lang))]);
  };
}

/** One stacked bar per unit: its reports on time, late, missing and not yet due. */
export function departmentReportingOptions(rows: readonly DepartmentReportingRow[], ctx: ChartContext): EChartsOption {
  const { lang } = ctx;
  const series = PARTS.map((part): BarSeriesOption => ({
    type: 'bar',
    name: pick(part.name, lang),
    stack: 'reports',
    barMaxWidth: 18,
    itemStyle: { color: part.color },
    data: rows.map((r) => r[part.key] || '-'),
    label: { show: true, position: 'inside', formatter: (p) => String(p.value) },
  }));
  return {
    ...baseOption(DEPARTMENT_REPORTING_TITLE, ctx),
    ...(rows.length === 0 ? { graphic: emptyGraphic(lang) } : {}),
    legend: { top: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(rows, lang) },
    grid: grid({ top: 96 }),
    xAxis: { type: 'value', min: 0, minInterval: 1, name: pick(AXIS, lang), nameLocation: 'middle', nameGap: 28 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => (lang === 'zh' ? r.unit_zh : r.unit_en)),
      axisLabel: { interval: 0, width: 176, overflow: 'truncate' },
    },
    series,
  };
}
