import { describe, expect, it } from 'vitest';
import { CHART_LIMIT, numericColumns, resultChartOption } from './result-chart';

const columns = [
  { name: 'province', type: 'VARCHAR' },
  { name: 'n', type: 'BIGINT' },
  { name: 'total', type: 'DOUBLE' },
  { name: 'share', type: 'DECIMAL(5,2)' },
  { name: 'day', type: 'DATE' },
];

describe('result charts', () => {
  it('offers the numeric columns as measures', () => {
    expect(numericColumns(columns)).toEqual(['n', 'total', 'share']);
  });

  it('draws a series per measure, reading BIGINT text as numbers and NULL as a gap', () => {
    const option = resultChartOption({ columns, rows: [['四川', '12', 1.5, null, null], [null, '3', 2, null, null]], x: 'province', y: ['n', 'total'], kind: 'bar' });
    expect((option.xAxis as { data: string[] }).data).toEqual(['四川', '—']);
    expect((option.series as Array<{ type: string; data: unknown[] }>).map((s) => [s.type, s.data])).toEqual([
      ['bar', [12, 3]],
      ['bar', [1.5, 2]],
    ]);
  });

  it('draws at most CHART_LIMIT points', () => {
    const rows = Array.from({ length: CHART_LIMIT + 5 }, (_, i) => [String(i), i, i, i, null]);
    const option = resultChartOption({ columns, rows, x: 'province', y: ['total'], kind: 'line' });
    expect((option.series as Array<{ data: unknown[] }>)[0]?.data).toHaveLength(CHART_LIMIT);
  });
});
