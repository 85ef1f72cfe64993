import { describe, expect, it } from 'vitest';
import { renderSvg } from './svg.js';

describe('renderSvg', () => {
  it('renders an option to an SVG string at the asked size, Chinese text intact', () => {
    const svg = renderSvg(
      { title: { text: '科普基地建设' }, xAxis: { type: 'category', data: ['克孜勒苏柯尔克孜自治州'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3] }] },
      { width: 640, height: 360 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('科普基地建设');
    expect(svg).toContain('克孜勒苏柯尔克孜自治州');
  });
});
