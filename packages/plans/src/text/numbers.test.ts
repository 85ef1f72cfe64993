import { describe, expect, it } from 'vitest';
import { parseHanziNumber, parseNumber } from './numbers.js';

describe('parseHanziNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十五', 25],
    ['百', 100],
    ['一百零五', 105],
    ['三百', 300],
    ['两千五百', 2500],
    ['二千', 2000],
    ['万', 10000],
    ['三万', 30000],
    ['一万二千', 12000],
    ['二十五万', 250000],
    ['十万', 100000],
    ['一亿', 100000000],
    ['一点五', 1.5],
    ['一点五亿', 150000000],
    ['二〇二五', 2025],
    ['八', 8],
  ])('%s → %d', (s, n) => {
    expect(parseHanziNumber(s)).toBe(n);
  });

  it.each(['', '一点', '点五', '三下', 'abc'])('%j is not a numeral', (s) => {
    expect(parseHanziNumber(s)).toBeNull();
  });
});

describe('parseNumber', () => {
  it('applies 万 and 亿 to Arabic and hanzi numbers', () => {
    expect(parseNumber('1.5', '万')).toBe(15000);
    expect(parseNumber('1.1', '万')).toBe(11000);
    expect(parseNumber('10', '万')).toBe(100000);
    expect(parseNumber('7', '万')).toBe(70000);
    expect(parseNumber('2000')).toBe(2000);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('三', '万')).toBe(30000);
    expect(parseNumber('x')).toBeNull();
  });
});
