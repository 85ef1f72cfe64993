import { describe, expect, it } from 'vitest';
import { CHART_LIMIT, defaultAxes, numericColumns, resultChartOption } from './result-chart';

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
    const option = resultChartOption({
      columns,
      rows: [
        ['四川', '12', 1.5, null, null],
        [null, '3', 2, null, null],
      ],
      x: 'province',
      y: ['n', 'total'],
      kind: 'bar',
    });
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

const cols = (spec: string) =>
  spec.split(' ').map((pair) => ({ name: pair.split(':')[0] as string, type: pair.split(':')[1] as string }));

describe('the axes a chart starts with', () => {
  it.each([
    ['地区:VARCHAR 指标:VARCHAR 合计:DOUBLE', '地区', ['合计']],
    // A key first: the name beside it is what a reader reads.
    ['region_code:VARCHAR name:VARCHAR value:DOUBLE', 'name', ['value']],
    ['target_id:VARCHAR region_code:VARCHAR actual:DOUBLE expected:DOUBLE status:VARCHAR', 'status', ['actual']],
    // A year is time: along x, never the measure.
    ['year:INTEGER value:DOUBLE', 'year', ['value']],
    ['id:BIGINT n:BIGINT', 'id', ['n']],
    ['day:DATE n:BIGINT', 'day', ['n']],
    ['assignment_id:UUID approved_at:TIMESTAMP value:DOUBLE', 'approved_at', ['value']],
    ['i:BIGINT bucket:BIGINT', 'i', ['bucket']],
    ['period:VARCHAR year:INTEGER n:HUGEINT share:DECIMAL(5,2)', 'period', ['n']],
    ['name:VARCHAR', 'name', []],
  ])('%s → x %s, y %j', (spec, x, y) => {
    expect(defaultAxes(cols(spec))).toEqual({ x, y });
  });

  it('has nothing to pick in a result without columns', () => {
    expect(defaultAxes([])).toEqual({ x: '', y: [] });
  });
});
