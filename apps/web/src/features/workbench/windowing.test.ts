import { describe, expect, it } from 'vitest';
import { columnWidths, displayValue, sampleRows, visibleRows } from './windowing';

describe('visibleRows', () => {
  it('renders the rows in view and a margin around them', () => {
    expect(visibleRows({ scrollTop: 2800, viewport: 560, rowHeight: 28, total: 100_000 })).toEqual({
      start: 90,
      end: 130,
      offset: 2520,
      height: 2_800_000,
    });
  });

  it('starts at the first row at the top', () => {
    expect(visibleRows({ scrollTop: 0, viewport: 280, rowHeight: 28, total: 100_000, overscan: 5 })).toMatchObject({
      start: 0,
      end: 15,
      offset: 0,
    });
  });

  it('stops at the last row when scrolled to (or past) the end', () => {
    expect(
      visibleRows({ scrollTop: 10_000_000, viewport: 280, rowHeight: 28, total: 100_000, overscan: 5 }),
    ).toMatchObject({ start: 99_985, end: 100_000 });
  });

  it('renders every row of a short list', () => {
    expect(visibleRows({ scrollTop: 0, viewport: 560, rowHeight: 28, total: 3 })).toEqual({
      start: 0,
      end: 3,
      offset: 0,
      height: 84,
    });
  });

  it('renders a bounded number of rows however long the list', () => {
    const w = visibleRows({ scrollTop: 1_234_567, viewport: 600, rowHeight: 28, total: 1_000_000 });
    expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(600 / 28) + 21);
  });
});

/** A stand-in for the canvas: 7 px a character, 13 px a 汉字, a header 10 % wider (bold). */
const measure = (text: string, kind: 'header' | 'type' | 'cell') => {
  const px = [...text].reduce((sum, ch) => sum + (/[\u4e00-\u9fff]/.test(ch) ? 13 : 7), 0);
  return kind === 'header' ? px * 1.1 : kind === 'type' ? px * 0.8 : px;
};

describe('columnWidths', () => {
  const columns = [
    { name: 'n', type: 'BIGINT' },
    { name: '地区名称', type: 'VARCHAR' },
    { name: 'note', type: 'VARCHAR' },
  ];

  it('fits the widest of the header, its type and the sampled cells, plus padding', () => {
    // n: its type BIGINT; 地区名称: the value; note: its type VARCHAR.
    expect(columnWidths(columns, [['1', '新疆维吾尔自治区', 'x']], measure)).toEqual([
      Math.ceil(6 * 7 * 0.8 + 18),
      Math.ceil(8 * 13 + 18),
      Math.ceil(7 * 7 * 0.8 + 18),
    ]);
  });

  it('gives the last column its full width like the others: nothing is left to be cut', () => {
    const widths = columnWidths(columns, [['123456789012', '锦江区', 'science_activity_participants']], measure);
    expect(widths[2]).toBe(Math.ceil(29 * 7 + 18));
  });

  it('stops a very long text at the maximum, and keeps a column of short texts at the minimum', () => {
    expect(columnWidths(columns, [['1', '', 'x'.repeat(500)]], measure)[2]).toBe(480);
    expect(columnWidths([{ name: 'i', type: 'INT' }], [['1']], measure)).toEqual([48]);
  });
});

describe('sampleRows', () => {
  it('takes every row of a short result', () => {
    expect(sampleRows([1, 2, 3], 200)).toEqual([1, 2, 3]);
  });

  it('takes the first half and spreads the rest over a long result, the end included', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => i);
    const sample = sampleRows(rows, 200);
    expect(sample).toHaveLength(200);
    expect(sample.slice(0, 100)).toEqual(rows.slice(0, 100));
    expect(sample[199]).toBeGreaterThan(99_000);
    expect(new Set(sample).size).toBe(200);
  });
});

describe('displayValue', () => {
  it('spells out NULL and writes lists as JSON', () => {
    expect([displayValue(null), displayValue([1, 2]), displayValue(3.5)]).toEqual(['NULL', '[1,2]', '3.5']);
  });

  it('rounds off the noise of binary fractions, not real digits', () => {
    expect([
      displayValue(125.60000000000001),
      displayValue(0.1 + 0.2),
      displayValue(1234567.891),
      displayValue(9007199254740991),
    ]).toEqual(['125.6', '0.3', '1234567.891', '9007199254740991']);
  });
});
