import type { EChartsOption } from 'echarts';

export type ChartKind = 'bar' | 'line';

/** More points than this make an unreadable chart and a slow page; the chart says it shows the first ones. */
export const CHART_LIMIT = 2000;

const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL)/;

/** Columns a chart can measure: DuckDB's numeric types (BIGINT arrives as text and is read as a number). */
export function numericColumns(columns: ReadonlyArray<{ name: string; type: string }>): string[] {
  return columns.filter((c) => NUMERIC.test(c.type)).map((c) => c.name);
}

/** Keys, not measures or categories to read: `id`, `region_code`, `target_id`, `assignment_id`. */
const ID = /(^|_)(id|code|uuid)$/i;
/** Numbers that name a time, not an amount: read along the x-axis, never summed up the y-axis. */
const PERIOD_NUMBER = /^(year|half|quarter|month|年|年份|年度|半年|季度|月|月份)$/i;
const TIME_TYPE = /^(DATE|TIMESTAMP|TIME)/;

/**
 * The axes a chart of a result starts with: x the first text or time column that is not a key
 * (a year or quarter column counts as time), y the first measure that is neither a key nor a time.
 * A result with no such column falls back to its first column, and to no measure.
 * @example
 * defaultAxes([
 *   { name: 'region_code', type: 'VARCHAR' },
 *   { name: 'name', type: 'VARCHAR' },
 *   { name: 'total', type: 'DOUBLE' },
 * ]) // { x: 'name', y: ['total'] }
 */
export function defaultAxes(columns: ReadonlyArray<{ name: string; type: string }>): { x: string; y: string[] } {
  const numeric = new Set(numericColumns(columns));
  const isTime = (c: { name: string; type: string }) =>
    TIME_TYPE.test(c.type) || (numeric.has(c.name) && PERIOD_NUMBER.test(c.name));
  const category =
    columns.find((c) => !ID.test(c.name) && (!numeric.has(c.name) || isTime(c))) ??
    columns.find((c) => !numeric.has(c.name)) ??
    columns[0];
  const x = category?.name ?? '';
  const measure = columns.find((c) => c.name !== x && numeric.has(c.name) && !ID.test(c.name) && !isTime(c));
  return { x, y: measure ? [measure.name] : [] };
}

const asNumber = (value: unknown): number | '-' => {
  const n = value === null || value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n : '-';
};

/** A bar or line chart of a result: one category per row (up to CHART_LIMIT), one series per measure. */
export function resultChartOption(input: {
  columns: ReadonlyArray<{ name: string }>;
  rows: readonly (readonly unknown[])[];
  x: string;
  y: readonly string[];
  kind: ChartKind;
}): EChartsOption {
  const index = (name: string) => input.columns.findIndex((c) => c.name === name);
  const rows = input.rows.slice(0, CHART_LIMIT);
  const xi = index(input.x);
  return {
    textStyle: { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { top: 40, left: 16, right: 24, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      name: input.x,
      nameLocation: 'middle',
      nameGap: 28,
      data: rows.map((r) => (r[xi] === null || r[xi] === undefined ? '—' : String(r[xi]))),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', name: input.y.length === 1 ? input.y[0] : '' },
    series: input.y.map((name) => ({
      type: input.kind,
      name,
      data: rows.map((r) => asNumber(r[index(name)])),
      ...(input.kind === 'line' ? { showSymbol: rows.length <= 100 } : { barMaxWidth: 40 }),
    })),
  };
}
