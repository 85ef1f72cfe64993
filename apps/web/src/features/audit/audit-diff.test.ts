import { describe, expect, it } from 'vitest';
import { changedKeys, fullValue, shortValue } from './audit-diff';

describe('what a recorded change changed', () => {
  it('is only the keys whose value differs', () => {
    const changes = changedKeys(
      { status: 'draft', revision: 1, comment: null },
      { status: 'submitted', revision: 2, comment: null },
    );
    expect(changes).toEqual([
      { key: 'status', kind: 'changed', before: 'draft', after: 'submitted' },
      { key: 'revision', kind: 'changed', before: 1, after: 2 },
    ]);
  });

  it('names keys added and removed', () => {
    expect(changedKeys({ a: 1, gone: true }, { a: 1, added: [1, 2] })).toEqual([
      { key: 'gone', kind: 'removed', before: true, after: undefined },
      { key: 'added', kind: 'added', before: undefined, after: [1, 2] },
    ]);
  });

  it('compares nested values as a whole, whatever their key order', () => {
    expect(changedKeys({ plan: { targets: [{ value: 5 }] } }, { plan: { targets: [{ value: 6 }] } })).toEqual([
      { key: 'plan', kind: 'changed', before: { targets: [{ value: 5 }] }, after: { targets: [{ value: 6 }] } },
    ]);
  });

  it('lists every key of a thing created or deleted', () => {
    expect(changedKeys(null, { department: '锦江区教育局', period: '2025Q4' }).map((c) => [c.key, c.kind])).toEqual([
      ['department', 'added'],
      ['period', 'added'],
    ]);
    expect(changedKeys({ title: '查询' }, null)).toEqual([
      { key: 'title', kind: 'removed', before: '查询', after: undefined },
    ]);
  });

  it('treats a single number or text as one change, and no change as none', () => {
    expect(changedKeys(1, 2)).toEqual([{ key: '', kind: 'changed', before: 1, after: 2 }]);
    expect(changedKeys(null, 'x')).toEqual([{ key: '', kind: 'added', before: undefined, after: 'x' }]);
    expect(changedKeys({ a: 1 }, { a: 1 })).toEqual([]);
    expect(changedKeys(null, null)).toEqual([]);
  });
});

describe('values shown', () => {
  it('are short in the table and whole when expanded', () => {
    expect(shortValue('草稿')).toBe('草稿');
    expect(shortValue({ a: 1 })).toBe('{"a":1}');
    expect(shortValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shortValue(undefined)).toBe('');
    expect(fullValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(fullValue('文本')).toBe('文本');
  });
});
