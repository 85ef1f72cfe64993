import { describe, expect, it } from 'vitest';
import { renderSvg } from './svg.js';
import { measureText } from './text-width.js';

describe('renderSvg', () => {
  it('renders an option to an SVG string at the asked size, Chinese text intact', () => {
    const svg = renderSvg(
      {
        title: { text: '科普基地建设' },
        xAxis: { type: 'category', data: ['克孜勒苏柯尔克孜自治州'] },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [3] }],
      },
      { width: 640, height: 360 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('科普基地建设');
    expect(svg).toContain('克孜勒苏柯尔克孜自治州');
  });

  it('lays English text out as wide as the CJK font draws it, so a long legend entry keeps clear of the next', () => {
    const long = 'Sub-region average (not population-weighted)';
    // Chromium draws it 258.8 px wide in Noto Sans CJK SC at 12 px; Arial's widths (ECharts' own guess) make it 244.
    expect(measureText(long, '12px sans-serif').width).toBeGreaterThanOrEqual(258.8);
    const svg = renderSvg(
      {
        legend: {},
        xAxis: { type: 'category', data: ['锦江区'] },
        yAxis: { type: 'value' },
        series: [
          { type: 'bar', name: long, data: [1] },
          { type: 'bar', name: 'Target', data: [2] },
        ],
      },
      { width: 800, height: 300 },
    );
    const at = (text: string) =>
      Number(
        new RegExp(`translate\\(([\\d.]+) [\\d.]+\\)"[^>]*>${text.replace(/[()]/g, '\\$&')}</text>`).exec(svg)?.[1],
      );
    // An entry is its 25 px swatch and a 5 px gap, its text, then 10 px to the next entry.
    expect(at('Target') - at(long) - 30 - 10).toBeGreaterThanOrEqual(258.8);
  });

  it('counts a Chinese character as a full em, and bold text wider', () => {
    expect(measureText('科普基地', '14px sans-serif').width).toBeCloseTo(4 * 14 * 1.03);
    expect(measureText('Title', 'bold 16px sans-serif').width).toBeGreaterThan(
      measureText('Title', '16px sans-serif').width,
    );
  });
});
