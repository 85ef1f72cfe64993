import { describe, expect, it } from 'vitest';
import { checkExpression, evaluate, ExpressionError, parseExpression, type Value } from './expression.js';

const values: Record<string, Value | Record<string, Value>[]> = {
  a: 3,
  b: 4,
  blank: null,
  name: '科普',
  held: true,
  topics: ['youth', 'farmers'],
  rows: [{ people: 10 }, { people: 5 }, { people: null }],
};
const run = (src: string) => evaluate(parseExpression(src), (n) => values[n] as Value | undefined);

describe('evaluate', () => {
  it.each<[string, Value]>([
    ['a + b * 2', 11],
    ['(a + b) * 2', 14],
    ['-a + 10', 7],
    ['b / 2', 2],
    ['b % 3', 1],
    ['a / 0', null],
    ['a + blank', null],
    ['a < b and b < 5', true],
    ['a >= 3 && !(b == 4)', false],
    ['not held or a == 3', true],
    ['a > 1 || a < 0', true],
    ['blank > 1', null],
    ['blank > 1 || a == 3', true],
    ['blank > 1 && a == 3', null],
    ['blank > 1 && a == 4', false],
    ['blank == null', true],
    ['name == "科普"', true],
    ["name != '科普'", false],
    ['sum(rows.people)', 15],
    ['count(rows)', 3],
    ['max(a, b, blank)', 4],
    ['min(rows.people)', 5],
    ['avg(a, b)', 3.5],
    ['round(10 / 3, 2)', 3.33],
    ['abs(a - b)', 1],
    ['if(a > b, "big", "small")', 'small'],
    ['filled(blank)', false],
    ['blank(blank)', true],
    ['contains(topics, "youth")', true],
    ['len(name)', 2],
    ['unknownField + 1', null],
    ['true and false', false],
    ['1.5 * 2', 3],
  ])('%s → %j', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });
});

describe('parseExpression errors carry their position', () => {
  it.each([
    ['a +', 3],
    ['(a + b', 6],
    ['a $ b', 2],
    ['"open', 0],
    ['a b', 2],
    ['rows.', 5],
    [')', 0],
  ])('%j fails at %i', (src, at) => {
    try {
      parseExpression(src);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      expect((e as ExpressionError).position).toBe(at);
      expect((e as ExpressionError).zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses deep nesting and very long input instead of overflowing', () => {
    expect(() => parseExpression('('.repeat(500) + '1' + ')'.repeat(500))).toThrow(ExpressionError);
    expect(() => parseExpression('-'.repeat(500) + '1')).toThrow(ExpressionError);
    expect(() => parseExpression('1+'.repeat(1500) + '1')).toThrow(/too long/);
  });

  it('has no way to reach JavaScript', () => {
    expect(run('constructor')).toBeNull();
    expect(() => parseExpression('a.constructor("x")')).toThrow(ExpressionError);
    expect(checkExpression('process.exit(1)', new Set(['a']))).not.toEqual([]);
  });
});

describe('checkExpression', () => {
  const names = new Set(['a', 'b', 'rows']);
  const columns = new Map([['rows', new Set(['people'])]]);
  it('accepts known names, columns and functions', () => {
    expect(checkExpression('sum(rows.people) >= a + b', names, columns)).toEqual([]);
  });
  it('names unknown fields, columns and functions with positions', () => {
    const problems = checkExpression('c + rows.age + foo(a) + round()', names, columns);
    expect(problems.map((p) => [p.position, p.en])).toEqual([
      [15, "unknown function 'foo'"],
      [24, "wrong number of arguments to 'round'"],
      [0, "unknown field 'c'"],
      [4, "'rows' has no column 'age'"],
    ]);
  });
});
