import { describe, expect, it } from 'vitest';
import { byteToCharOffset, codePointToCharOffset } from './positions.js';

describe('offsets DuckDB reports, as JavaScript counts them', () => {
  const sql = "SELECT '科学' AS a, * FROM read_csv('/etc/passwd')";

  it('turns a UTF-8 byte offset into a string index', () => {
    expect(byteToCharOffset(sql, Buffer.byteLength(sql.slice(0, sql.indexOf('read_csv'))))).toBe(
      sql.indexOf('read_csv'),
    );
    expect(byteToCharOffset('SELECT 1', 3)).toBe(3);
    expect(byteToCharOffset('科', 1)).toBe(0);
    expect(byteToCharOffset('ab', 99)).toBe(2);
  });

  it('turns a code-point offset into a string index, characters beyond the BMP included', () => {
    expect(codePointToCharOffset('😀 x', 2)).toBe(3);
    expect(codePointToCharOffset(sql, 7)).toBe(7);
  });
});
