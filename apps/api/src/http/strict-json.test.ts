import { describe, expect, it } from 'vitest';
import { checkJsonText, MAX_DEPTH } from './strict-json.js';

describe('checkJsonText', () => {
  it.each(['{}', '[]', '{"a":1,"b":{"a":2}}', '[{"a":1},{"a":2}]', '{"a":"x\\"a\\":1"}', '"{\\"a\\":1,\\"a\\":2}"'])(
    'accepts %s',
    (text) => {
      expect(() => checkJsonText(text)).not.toThrow();
    },
  );

  it.each([
    ['a duplicated key', '{"a":1,"a":2}'],
    ['a duplicated nested key', '{"x":{"a":1,"b":2,"a":3}}'],
    ['a duplicated key in an array element', '[{"v":1,"v":1}]'],
    ['deep nesting', '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)],
    ['very deep nesting', '{"a":'.repeat(100000) + '1' + '}'.repeat(100000)],
  ])('refuses %s', (_name, text) => {
    expect(() => checkJsonText(text)).toThrow();
  });
  it('names the body and where it broke, Chinese first', () => {
    expect(() => checkJsonText('{"a": tru}')).toThrow(
      expect.objectContaining({
        code: 'invalid_json',
        zh: '请求体不是有效的 JSON（第 7 个字符附近）',
        en: 'the request body is not valid JSON (near character 7)',
      }),
    );
  });
});
