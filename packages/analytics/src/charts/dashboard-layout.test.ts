import { describe, expect, it } from 'vitest';
import { dashboardHeight, reportSubtitle } from './dashboard-layout.js';

const cell = {
  region_code: '510101',
  region_name: '锦江区',
  period: '2024Q1',
  assignments: 1,
  complete: 1,
  on_time: 1,
  approved: 1,
};

describe('dashboardHeight', () => {
  it('gives the heat maps of many regions rows of a readable height', () => {
    const many = Array.from({ length: 22 }, (_, i) => ({ ...cell, region_code: String(510101 + i) }));
    // Two maps (completeness, timeliness) of 22 rows each, under their headings.
    expect(dashboardHeight('reporting-heatmap', many)).toBe(216 + 2 * 22 * 26);
    // Four periods of one region are one row.
    expect(dashboardHeight('reporting-heatmap', [cell, { ...cell, period: '2024Q2' }])).toBe(480);
    expect(dashboardHeight('literacy-rate', [])).toBe(480);
    expect(dashboardHeight('trainings', [])).toBe(640);
  });
});

describe('reportSubtitle', () => {
  it('names the region and the year as each language writes it', () => {
    expect(reportSubtitle('四川省', 2025, 'zh')).toBe('四川省 · 2025年');
    expect(reportSubtitle('四川省', 2025, 'en')).toBe('四川省 · 2025');
  });
});
