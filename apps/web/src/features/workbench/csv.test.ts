import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF, after a byte-order mark', () => {
    expect(
      toCsv(
        ['地区', 'n'],
        [
          ['锦江区', 3],
          ['青羊区', null],
        ],
      ),
    ).toBe('\uFEFF地区,n\r\n锦江区,3\r\n青羊区,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines']])).toBe(
      '\uFEFFa\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n',
    );
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], [-5], ['-5']])).toBe(
      '\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n-5\r\n\'-5\r\n',
    );
  });

  it('writes lists and structs as JSON', () => {
    expect(toCsv(['l'], [[[1, 2]]])).toBe('\uFEFFl\r\n"[1,2]"\r\n');
  });
});
