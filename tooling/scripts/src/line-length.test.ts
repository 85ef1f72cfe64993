import { describe, expect, it } from 'vitest';
import { longLines } from './line-length.js';

describe('longLines', () => {
  it('names each line over the limit with its file, number and length', () => {
    const files = [{ path: 'packages/a/src/a.ts', text: `const a = 1;\n${'x'.repeat(13)}\nok` }];
    expect(longLines(files, 12)).toEqual([{ file: 'packages/a/src/a.ts', line: 2, length: 13 }]);
  });

  it('counts Chinese characters one each', () => {
    const files = [{ path: 'apps/api/src/t.ts', text: '科学素质'.repeat(3) }];
    expect(longLines(files, 12)).toEqual([]);
    expect(longLines(files, 11)).toHaveLength(1);
  });

  it('leaves the locale messages alone', () => {
    const files = [{ path: 'apps/web/src/i18n/locales/zh-CN.ts', text: 'x'.repeat(200) }];
    expect(longLines(files)).toEqual([]);
  });
});
