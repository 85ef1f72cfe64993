import { describe, expect, it } from 'vitest';
import { chartWidth } from './chart-width';

describe('chartWidth', () => {
  it('lays charts out one across until two columns of the narrowest width fit', () => {
    // 1280 px window: 1280 - 208 sidebar - 15 scrollbar.
    expect(chartWidth(1057)).toBe(1057 - 48 - 18);
    expect(chartWidth(1503)).toBe(1503 - 48 - 18);
    // 1920 px window: two columns.
    expect(chartWidth(1697)).toBe(Math.floor((1697 - 48 - 16) / 2 - 18));
  });

  it('never asks for a chart narrower than the server draws', () => {
    expect(chartWidth(200)).toBe(240);
  });
});
