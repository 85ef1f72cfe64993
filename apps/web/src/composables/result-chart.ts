import type { EChartsOption } from 'echarts';

export type ChartKind = 'bar' | 'line';

/** More points than this make an unreadable chart and a slow page; the chart says it shows the first ones. */
export const CHART_LIMIT = 2000;

const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL)/;

/** Columns a chart can measure: DuckDB's numeric types (BIGINT arrives as text and is read as a number). */
export function numericColumns(columns: ReadonlyArray<{ name: string; type: string }>): string[] {
  return columns.filter((c) => NUMERIC.test(c.type)).map((c) => c.name);
}

const asNumber = (value: unknown): number | '-' => {
  const n = value === null || value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n : '-';
};

/** A bar or line chart of a result: one category per row (up to CHART_LIMIT), one series per measure. */
export function resultChartOption(input: { columns: ReadonlyArray<{ name: string }>; rows: readonly (readonly unknown[])[]; x: string; y: readonly string[]; kind: ChartKind }): EChartsOption {
  const index = (name: string) => input.columns.findIndex((c) => c.name === name);
  const rows = input.rows.slice(0, CHART_LIMIT);
  const xi = index(input.x);
  return {
    textStyle: { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { top: 40, left: 16, right: 24, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: { type: 'category', name: input.x, nameLocation: 'middle', nameGap: 28, data: rows.map((r) => (r[xi] === null || r[xi] === undefined ? '—' : String(r[xi]))), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: input.y.length === 1 ? input.y[0] : '' },
    series: input.y.map((name) => ({ type: input.kind, name, data: rows.map((r) => asNumber(r[index(name)])), ...(input.kind === 'line' ? { showSymbol: rows.length <= 100 } : { barMaxWidth: 40 }) })),
  };
}
