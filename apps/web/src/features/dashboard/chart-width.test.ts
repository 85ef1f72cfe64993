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

  it('gives a tablet and a phone one chart across, never narrower than legible', () => {
    // 768 px tablet: 768 - 208 sidebar - 15 scrollbar.
    expect(chartWidth(545, false)).toBe(545 - 48 - 18);
    // 740 px phone held sideways: no sidebar beside the page, and a narrower page padding.
    expect(chartWidth(740, true)).toBe(740 - 24 - 18);
    // 390 px phone: drawn wider than the screen, to scroll sideways in its panel.
    expect(chartWidth(390, true)).toBe(560);
  });

  it('never asks for a chart narrower than the server draws', () => {
    expect(chartWidth(200)).toBe(240);
  });
});
