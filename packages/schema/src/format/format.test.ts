import { describe, expect, it } from 'vitest';
import {
  formatGoal,
  formatNumber,
  formatQuantity,
  formatRange,
  formatRatio,
  labelWithUnit,
  periodWords,
  unitText,
} from '../index.js';

describe('formatQuantity', () => {
  it.each([
    // value, unit, zh, en
    [0, '人', '0人', '0 people'],
    [1, '人', '1人', '1 person'],
    [4504, '人', '4,504人', '4,504 people'],
    [9999, '人次', '9,999人次', '9,999 person-times'],
    [12000, '人次', '1.2万人次', '12,000 person-times'],
    [12345, '人次', '1.23万人次', '12,345 person-times'],
    [7000000, '人', '700万人', '7 million people'],
    [7000000, '个', '700万个', '7 million'],
    [123456789, '人次', '1.23亿人次', '123.46 million person-times'],
    [2500000000, '人次', '25亿人次', '2.5 billion person-times'],
    [5, '所', '5所', '5 institutions'],
    [100, '场次', '100场次', '100 sessions'],
    [3.14159, '小时', '3.1小时', '3.1 hours'],
    [31, '%', '31%', '31%'],
    [15.25, '%', '15.3%', '15.3%'],
    [1234.5, '元', '1,234.5元', 'CNY 1,234.5'],
    [350, '万元', '350万元', 'CNY 3.5 million'],
    [35000, '万元', '3.5亿元', 'CNY 350 million'],
    [88.888, '元/人', '88.89元/人', '88.89 yuan per person'],
    [-20000, '人', '-2万人', '-20,000 people'],
    [3, null, '3', '3'],
    [3, '株', '3株', '3 株'],
  ])('%s %s', (value, unit, zh, en) => {
    expect(formatQuantity(value, unit)).toBe(zh);
    expect(formatQuantity(value, unit, { lang: 'en' })).toBe(en);
  });

  it('keeps every digit when asked to', () => {
    expect(formatQuantity(7000000, '人', { exact: true })).toBe('7,000,000人');
    expect(formatQuantity(7000000, '人', { exact: true, lang: 'en' })).toBe('7,000,000 people');
    // An amount reported in 万元 is checked against what was reported.
    expect(formatQuantity(35000.5, '万元', { exact: true })).toBe('35,000.5万元');
    expect(formatQuantity(35000.5, '万元', { exact: true, lang: 'en' })).toBe('CNY 350,005,000');
    expect(formatNumber(123456.789, { exact: true, digits: 2 })).toBe('123,456.79');
  });

  it('writes what is not a number as a dash', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatRange and formatGoal', () => {
  it.each([
    [1000, 2000, '场次', '1,000–2,000场次', '1,000–2,000 sessions'],
    [100000, 200000, '人', '10万–20万人', '100,000–200,000 people'],
    [60, 70, '%', '60–70%', '60–70%'],
    [3000, 5000, '万元', '3,000万–5,000万元', 'CNY 30 million–50 million'],
  ])('range %s–%s %s', (low, high, unit, zh, en) => {
    expect(formatRange(low, high, unit)).toBe(zh);
    expect(formatRange(low, high, unit, { lang: 'en' })).toBe(en);
  });

  it.each([
    ['>=', 8000, '人', null, '≥ 8,000人', '≥ 8,000 people'],
    ['>', 18, '%', null, '> 18%', '> 18%'],
    ['~', 1, '个', null, '≈ 1个', '≈ 1'],
    ['=', 5, '所', null, '5所', '5 institutions'],
    ['<=', 3, '次', null, '≤ 3次', '≤ 3 times'],
    ['>=', 60, '%', 70, '≥ 60–70%', '≥ 60–70%'],
  ] as const)('goal %s %s %s', (comparator, value, unit, valueMax, zh, en) => {
    expect(formatGoal(comparator, value, unit, { valueMax })).toBe(zh);
    expect(formatGoal(comparator, value, unit, { valueMax, lang: 'en' })).toBe(en);
  });
});

describe('periodWords', () => {
  it.each([
    ['2025', '2025年', '2025'],
    ['2025S1', '2025年上半年', 'H1 2025'],
    ['2025S2', '2025年下半年', 'H2 2025'],
    ['2025Q4', '2025年第四季度', 'Q4 2025'],
    ['2024-07', '2024年7月', 'Jul 2024'],
    ['local_002', 'local_002', 'local_002'],
  ])('%s', (code, zh, en) => {
    expect(periodWords(code)).toBe(zh);
    expect(periodWords(code, 'en')).toBe(en);
  });
});

describe('formatRatio', () => {
  it.each([
    [8.18, '8.2 倍', '8.2×'],
    [3, '3 倍', '3×'],
    [0.3, '0.3 倍', '0.3×'],
    [0.0317, '3%', '3%'],
    [0.004, '0.4%', '0.4%'],
    [Number.POSITIVE_INFINITY, '无穷倍', 'infinitely many times'],
  ])('%s', (ratio, zh, en) => {
    expect(formatRatio(ratio)).toBe(zh);
    expect(formatRatio(ratio, 'en')).toBe(en);
  });
});

describe('labels and units', () => {
  it('does not repeat a unit the label already ends with', () => {
    expect(labelWithUnit('示范校5所', '所')).toBe('示范校5所');
    expect(labelWithUnit('科普讲座100场次', '场次')).toBe('科普讲座100场次');
    expect(labelWithUnit('科普讲座', '场次')).toBe('科普讲座（场次）');
    expect(labelWithUnit('Lectures', '场次', 'en')).toBe('Lectures (sessions)');
    expect(labelWithUnit('Schools', '个', 'en')).toBe('Schools');
    expect(labelWithUnit('达标率', null)).toBe('达标率');
    expect(labelWithUnit('培训人次 · 农民', '人次')).toBe('培训人次 · 农民');
    expect(labelWithUnit('培训人才', '人')).toBe('培训人才（人）');
    expect(labelWithUnit('Person-times trained', '人次', 'en')).toBe('Person-times trained');
    expect(labelWithUnit('Sessions held', '场', 'en')).toBe('Sessions held (events)');
  });

  it('names units in English', () => {
    expect(unitText('人次', 'en', 1)).toBe('person-time');
    expect(unitText('人次', 'zh')).toBe('人次');
    expect(unitText(undefined, 'en')).toBe('');
  });
});
