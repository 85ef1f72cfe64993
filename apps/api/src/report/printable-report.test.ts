import { describe, expect, it } from 'vitest';
import type { Region } from '@kesu/schema';
import { renderReportHtml } from './printable-report.js';
import type { ReportData } from './report-data.js';

const COUNTY: Region = { code: '510104', name: '锦江区', short: '锦江', level: 'county', parent: '510100' };

const data = (overrides: Partial<ReportData> = {}): ReportData => ({
  regionCode: COUNTY.code,
  year: 2025,
  targets: [],
  charts: [],
  completion: [],
  late: [
    {
      region: '锦江区',
      department: '区教育局',
      period: '2025Q1',
      due_date: '2025-04-15',
      status: 'missing',
      submitted_at: null,
    },
    {
      region: '锦江区',
      department: '区科协 <总会>',
      period: '2025Q2',
      due_date: '2025-07-15',
      status: 'approved',
      submitted_at: '2025-07-20',
    },
  ],
  subRegions: 0,
  ...overrides,
});

describe('the printable report', () => {
  it('says what became of each late report in words, in the language asked for', () => {
    const zh = renderReportHtml(data(), COUNTY, 'zh', new Date('2026-01-05T08:00:00Z'));
    expect(zh).toContain('<td>未报</td>');
    expect(zh).toContain('<td>已审核（逾期提交）</td>');
    expect(zh).not.toContain('<td>missing</td>');
    const en = renderReportHtml(data(), COUNTY, 'en', new Date('2026-01-05T08:00:00Z'));
    expect(en).toContain('<td>approved (submitted late)</td>');
  });

  it("writes goals with signs and units, a rate's actual with its %, and periods in words", () => {
    const targets = [
      {
        metric: '居民健康素养水平达到31%',
        comparator: '>=',
        value: 31,
        unit: '%',
        scope: 'point_in_time',
        actual: 3,
        status: 'behind',
        as_of: '2025Q4',
        rule_zh: '',
        rule_en: '',
      },
      {
        metric: '全区科技志愿服务队伍人数不少于8000人',
        comparator: '>=',
        value: 8000,
        unit: '人',
        scope: 'point_in_time',
        actual: 7000000,
        status: 'achieved',
        as_of: '2025Q4',
        rule_zh: '',
        rule_en: '',
      },
      {
        metric: '中小学配备1名以上专职科技教师',
        comparator: '>=',
        value: 1,
        unit: '名',
        scope: 'per_unit',
        actual: 62.5,
        status: 'at_risk',
        as_of: '2025Q4',
        rule_zh: '',
        rule_en: '',
      },
    ];
    const zh = renderReportHtml(data({ targets }), COUNTY, 'zh', new Date('2026-01-05T08:00:00Z'));
    expect(zh).toContain('数据截至：2025年第四季度');
    expect(zh).toContain('<td class="n">≥ 31%</td><td class="n">3%</td>');
    expect(zh).toContain('<td class="n">≥ 8,000人</td><td class="n">700万人</td>');
    expect(zh).toContain('<td class="n">≥ 1名</td><td class="n">62.5%</td>');
    expect(zh).toContain('<td>2025年第一季度</td>');
    expect(zh).not.toMatch(/2025Q\d|&gt;=/);
    const en = renderReportHtml(data({ targets }), COUNTY, 'en', new Date('2026-01-05T08:00:00Z'));
    expect(en).toContain('Data as of: Q4 2025');
    expect(en).toContain('<td class="n">≥ 8,000 people</td><td class="n">7 million people</td>');
    expect(en).toContain('<td>Q1 2025</td>');
  });

  it('escapes names from the data', () => {
    expect(renderReportHtml(data(), COUNTY, 'zh', new Date())).toContain('区科协 &lt;总会&gt;');
  });

  it('draws no empty comparison charts for a region without sub-regions, and its own charts after', () => {
    const charts: ReportData['charts'] = [
      { id: 'literacy-rate', rows: [] },
      {
        id: 'on-track-trend',
        rows: [{ grouping: 'own', year: 2024, total: 4, achieved: 1, on_track: 1, at_risk: 1, behind: 1, no_data: 0 }],
      },
    ];
    const html = renderReportHtml(data({ charts }), COUNTY, 'zh', new Date());
    expect(html).toContain('本地区没有下级地区，不作地区间对比图；本地区情况见下。');
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).toContain('目标达标率年度变化');
    expect(html).not.toContain('公民具备科学素质的比例');
  });
});
