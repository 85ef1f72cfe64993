import { describe, expect, it } from 'vitest';
import { findPlaceholders, parameterNames, substitute } from './sql-params';

describe('findPlaceholders', () => {
  it('finds :name placeholders in order', () => {
    expect(findPlaceholders('SELECT * FROM fact_value WHERE year = :year AND province = :prov')).toEqual([
      { name: 'year', start: 38, end: 43 },
      { name: 'prov', start: 59, end: 64 },
    ]);
  });

  it.each([
    ['a cast', "SELECT '1'::INTEGER"],
    ['a string', "SELECT ':year' AS label"],
    ['a quoted name', 'SELECT 1 AS ":year"'],
    ['a line comment', 'SELECT 1 -- :year'],
    ['a block comment', 'SELECT /* :year */ 1'],
    ['a dollar string', 'SELECT $$:year$$'],
    ['a slice', 'SELECT [1, 2, 3][1:n]'],
    ['a struct key', "SELECT {'a':1}"],
  ])('finds none in %s', (_what, sql) => {
    expect(findPlaceholders(sql)).toEqual([]);
  });

  it('lists each name once', () => {
    expect(parameterNames('SELECT :a, :b, :a')).toEqual(['a', 'b']);
  });
});

describe('substitute', () => {
  const sql = 'SELECT * FROM fact_value WHERE year = :year AND region_code = :region';

  it('writes numbers as numbers and text as quoted literals', () => {
    const result = substitute(sql, {
      year: { value: '2024', type: 'auto' },
      region: { value: '510104', type: 'text' },
    });
    expect(result).toMatchObject({
      ok: true,
      sql: "SELECT * FROM fact_value WHERE year = 2024 AND region_code = '510104'",
    });
  });

  it('escapes quotes, so a value can never end its literal', () => {
    const result = substitute('SELECT :name', { name: { value: "x' OR 1=1; DROP TABLE t; --", type: 'auto' } });
    expect(result).toMatchObject({ ok: true, sql: "SELECT 'x'' OR 1=1; DROP TABLE t; --'" });
  });

  it('brackets a negative number, so minus signs never make a comment', () => {
    expect(substitute('SELECT 10 -:n', { n: { value: '-5', type: 'number' } })).toMatchObject({
      sql: 'SELECT 10 -(-5)',
    });
  });

  it('refuses a number parameter that is not a number, and a missing value', () => {
    expect(substitute('SELECT :n, :m', { n: { value: '20x4', type: 'number' } })).toEqual({
      ok: false,
      problems: [
        { name: 'n', code: 'not_a_number' },
        { name: 'm', code: 'missing' },
      ],
    });
  });

  it('takes empty text as an empty string', () => {
    expect(substitute('SELECT :s', { s: { value: '', type: 'text' } })).toMatchObject({ sql: "SELECT ''" });
  });

  it('maps offsets in the sent text back to the text as written', () => {
    const result = substitute('SELECT :region, nope FROM x WHERE y = :year', {
      region: { value: '四川', type: 'text' },
      year: { value: '2024', type: 'auto' },
    });
    if (!result.ok) throw new Error('substitution failed');
    expect(result.sql).toBe("SELECT '四川', nope FROM x WHERE y = 2024");
    expect(result.toOriginal(result.sql.indexOf('nope'))).toBe(16);
    expect(result.toOriginal(result.sql.indexOf("'四川'") + 1)).toBe(7);
    expect(result.toOriginal(result.sql.indexOf('2024'))).toBe(38);
    expect(result.toOriginal(3)).toBe(3);
  });
});
