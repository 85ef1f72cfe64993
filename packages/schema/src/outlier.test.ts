import { describe, expect, it } from 'vitest';
import type { Field } from './form/definition.js';
import { outlierOf, outliersOf } from './outlier.js';

describe('outlierOf', () => {
  it.each([
    ['a value near its history', 115, [100, 120, 110], null],
    ['nothing to compare with', 500, [], null],
    ['one earlier value, similar', 130, [100], null],
  ])('finds no outlier for %s', (_name, value, history, expected) => {
    expect(outlierOf(value, history)).toBe(expected);
  });

  it('flags a value many times its usual level', () => {
    expect(outlierOf(900, [100, 120, 110])).toMatchObject({ direction: 'high', median: 110, basis: 3 });
    expect(outlierOf(900, [100, 120, 110])!.ratio).toBeCloseTo(8.18, 2);
  });

  it('flags a collapse to a fraction of the usual level', () => {
    expect(outlierOf(20, [100, 90, 110])).toMatchObject({ direction: 'low', median: 100 });
  });

  it('flags a value far outside a steady history even below three times the median', () => {
    // Median 1000, deviations of 10: 1400 is 40 deviations away.
    expect(outlierOf(1400, [990, 1000, 1010, 1000, 995])).toMatchObject({ direction: 'high' });
    expect(outlierOf(1020, [990, 1000, 1010, 1000, 995])).toBeNull();
  });

  it('flags a first non-zero value after periods of zero, not after one zero', () => {
    expect(outlierOf(50, [0, 0])).toMatchObject({ direction: 'high', ratio: Infinity });
    expect(outlierOf(50, [0])).toBeNull();
    expect(outlierOf(0, [0, 0])).toBeNull();
  });
});

describe('outliersOf', () => {
  const fields = [
    { id: 'trainees', type: 'integer', label: '培训人次', required: false },
    { id: 'rate', type: 'percent', label: '比例', required: false, scale: 2 },
    { id: 'note', type: 'long_text', label: '说明', required: false, maxLength: 2000 },
  ] as Field[];

  it('checks numeric fields against the same field in earlier periods, skipping blanks', () => {
    const history = [
      { values: { trainees: 100, rate: 50, note: 'x' } },
      { values: { trainees: 120, rate: null } },
      { values: {} },
    ];
    const found = outliersOf(fields, { trainees: 1000, rate: 52, note: 'y' }, history);
    expect(Object.keys(found)).toEqual(['trainees']);
    expect(found['trainees']).toMatchObject({ direction: 'high', median: 110, basis: 2 });
  });
});
