import { describe, expect, it } from 'vitest';
import { columnWidths, displayValue, visibleRows } from './windowing';

describe('visibleRows', () => {
  it('renders the rows in view and a margin around them', () => {
    expect(visibleRows({ scrollTop: 2800, viewport: 560, rowHeight: 28, total: 100_000 })).toEqual({ start: 90, end: 130, offset: 2520, height: 2_800_000 });
  });

  it('starts at the first row at the top', () => {
    expect(visibleRows({ scrollTop: 0, viewport: 280, rowHeight: 28, total: 100_000, overscan: 5 })).toMatchObject({ start: 0, end: 15, offset: 0 });
  });

  it('stops at the last row when scrolled to (or past) the end', () => {
    expect(visibleRows({ scrollTop: 10_000_000, viewport: 280, rowHeight: 28, total: 100_000, overscan: 5 })).toMatchObject({ start: 99_985, end: 100_000 });
  });

  it('renders every row of a short list', () => {
    expect(visibleRows({ scrollTop: 0, viewport: 560, rowHeight: 28, total: 3 })).toEqual({ start: 0, end: 3, offset: 0, height: 84 });
  });

  it('renders a bounded number of rows however long the list', () => {
    const w = visibleRows({ scrollTop: 1_234_567, viewport: 600, rowHeight: 28, total: 1_000_000 });
    expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(600 / 28) + 21);
  });
});

describe('columnWidths', () => {
  it('fits the header and sampled values, counting a 汉字 as two cells, within bounds', () => {
    expect(columnWidths(['id', '地区名称', 'note'], [[1, '新疆维吾尔自治区', 'x'.repeat(500)]])).toEqual([72, 16 * 8 + 24, 360]);
  });
});

describe('displayValue', () => {
  it('spells out NULL and writes lists as JSON', () => {
    expect([displayValue(null), displayValue([1, 2]), displayValue(3.5)]).toEqual(['NULL', '[1,2]', '3.5']);
  });

  it('rounds off the noise of binary fractions, not real digits', () => {
    expect([displayValue(125.60000000000001), displayValue(0.1 + 0.2), displayValue(1234567.891), displayValue(9007199254740991)]).toEqual(['125.6', '0.3', '1234567.891', '9007199254740991']);
  });
});
