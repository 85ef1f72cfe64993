import { describe, expect, it } from 'vitest';
import { excelCell } from './result-workbook.js';

describe('excelCell', () => {
  it('makes numeric text of a numeric column a number, but keeps integers Excel would round as text', () => {
    expect(excelCell('42', true)).toBe(42);
    expect(excelCell('-1.5', true)).toBe(-1.5);
    expect(excelCell('12345678901234567', true)).toBe('12345678901234567');
    expect(excelCell('42', false)).toBe('42');
  });

  it('writes NULL as an empty cell and lists or structs as JSON', () => {
    expect(excelCell(null, true)).toBeNull();
    expect(excelCell(['a', 1], false)).toBe('["a",1]');
    expect(excelCell({ k: '1' }, false)).toBe('{"k":"1"}');
  });
});
