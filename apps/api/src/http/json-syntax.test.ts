import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-syntax.js';

const VALID = [
  '{}',
  '[]',
  ' 1 ',
  '-0.5e+3',
  '"a\\u00e9\\n"',
  'true',
  'null',
  '{"a":[1,{"b":false}],"c":"x"}',
  '[ "x" , 2 ]',
  '"\\ud800"',
  '{"a":"\\"}"}',
];

describe('jsonErrorOffset', () => {
  it.each(VALID)('finds nothing wrong in %s', (text) => {
    expect(jsonErrorOffset(text)).toBeNull();
  });

  it.each([
    ['', 0],
    ['{"username": "edu",', 19],
    ['{"username": edu}', 13],
    ['{"a": tru}', 6],
    ['{"a":1}x', 7],
    ['{a:1}', 1],
    ["{'a':1}", 1],
    ['{"a":1,}', 7],
    ['[1,2', 4],
    ['[1 2]', 3],
    ['"abc', 4],
    ['"tab\there"', 4],
    ['"\\x"', 1],
    ['"\\u12G4"', 1],
    ['01', 1],
    ['-', 0],
    ['1.', 1],
    ['{"a" 1}', 5],
  ])('in %j stops at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with JSON.parse on which texts are JSON', () => {
    // Every text made by cutting one valid text short or deleting one character from it.
    const texts = VALID.flatMap((v) => [...v].flatMap((_, i) => [v.slice(0, i), v.slice(0, i) + v.slice(i + 1)]));
    for (const text of texts) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(jsonErrorOffset(text) === null, JSON.stringify(text)).toBe(parses);
    }
  });
});
