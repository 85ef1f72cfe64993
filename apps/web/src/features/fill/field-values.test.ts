import { afterEach, describe, expect, it } from 'vitest';
import { Field } from '@kesu/schema';
import { i18n } from '../../i18n';
import { en } from '../../i18n/locales/en';
import { fieldUnit, formatValue, unitSuffix, unitWords } from './field-values';

afterEach(() => {
  i18n.global.locale.value = 'zh-CN';
});

const field = (input: Record<string, unknown>) => Field.parse({ id: 'f', label: '字段', ...input });

describe('formatValue', () => {
  it.each([
    [{ type: 'integer', unit: '人次' }, 12345, '12,345人次', '12,345 person-times'],
    [{ type: 'integer', unit: '所' }, 5, '5所', '5 institutions'],
    [{ type: 'integer' }, 7000000, '7,000,000', '7,000,000'],
    [{ type: 'percent', unit: '%' }, 31, '31%', '31%'],
    [{ type: 'percent', scale: 1 }, 12.34, '12.3%', '12.3%'],
    [{ type: 'decimal', unit: '万元', scale: 2 }, 350.25, '350.25万元', 'CNY 3,502,500'],
    [{ type: 'yes_no' }, true, '是', 'Yes'],
    [{ type: 'integer', unit: '人' }, null, '—', '—'],
  ])('%j %s', (input, value, zh, english) => {
    const f = field(input);
    expect(formatValue(f, value)).toBe(zh);
    i18n.global.setLocaleMessage('en', en);
    i18n.global.locale.value = 'en';
    expect(formatValue(f, value)).toBe(english);
  });

  it('brackets a unit after a label only when the label does not say it', () => {
    expect(unitSuffix('科普讲座', '场次')).toBe('（场次）');
    expect(unitSuffix('示范校5所', '所')).toBe('');
    expect(unitSuffix('培训人次 · 农民', '人次')).toBe('');
    expect(unitSuffix('达标率', undefined)).toBe('');
    i18n.global.setLocaleMessage('en', en);
    i18n.global.locale.value = 'en';
    expect(unitSuffix('Lectures', '场次')).toBe(' (sessions)');
    expect(unitWords('人次')).toBe('person-times');
    expect(unitWords('个')).toBe('');
  });

  it('counts a percentage in % whether or not its unit says so', () => {
    expect(fieldUnit(field({ type: 'percent' }))).toBe('%');
    expect(fieldUnit(field({ type: 'integer', unit: '场' }))).toBe('场');
    expect(fieldUnit(field({ type: 'text' }))).toBeUndefined();
  });
});
