import { describe, expect, it } from 'vitest';
import { lineAndColumn, nameInsertion, wordEnd } from './text-position';

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('SELECT *\nFROM read_csv(x)', 14)).toEqual({ line: 2, column: 6 });
    expect(lineAndColumn('SELECT 1', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('wordEnd', () => {
  it('underlines the word at the offset, a qualified name whole', () => {
    const sql = 'SELECT * FROM information_schema.tables';
    expect(sql.slice(14, wordEnd(sql, 14))).toBe('information_schema.tables');
  });

  it('underlines one character where no word starts, never past the end', () => {
    expect(wordEnd('SELECT (', 7)).toBe(8);
    expect(wordEnd('SELECT', 6)).toBe(6);
  });
});

describe('nameInsertion', () => {
  it.each([
    ['SELECT * FROM ', 14, 14, 'SELECT * FROM fact_value'],
    ['SELECT * FROM', 13, 13, 'SELECT * FROM fact_value'],
    ['SELECT * FROM\nLIMIT 5', 13, 13, 'SELECT * FROM fact_value\nLIMIT 5'],
    ['SELECT  FROM t', 7, 7, 'SELECT fact_value FROM t'],
    ['SELECT x,FROM t', 9, 9, 'SELECT x,fact_value FROM t'],
    ['SELECT count() FROM t', 13, 13, 'SELECT count(fact_value) FROM t'],
    ['SELECT * FROM dim_region', 14, 24, 'SELECT * FROM fact_value'],
    ['', 0, 0, 'fact_value'],
  ])('%j at %i–%i → %j', (text, from, to, expected) => {
    const change = nameInsertion(text, from, to, 'fact_value');
    expect(text.slice(0, change.from) + change.insert + text.slice(change.to)).toBe(expected);
  });
});
