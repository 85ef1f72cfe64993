import { describe, expect, it } from 'vitest';
import { lineAndColumn, wordEnd } from './text-position';

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
