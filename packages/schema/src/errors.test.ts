import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ApiError, describeIssue, formatPath, toApiError } from './errors.js';

describe('formatPath', () => {
  it('writes dotted paths with indexes', () => {
    expect(formatPath(['activities', 2, 'people'])).toBe('activities[2].people');
    expect(formatPath([])).toBe('');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });
});

describe('toApiError', () => {
  const Body = z.strictObject({ name: z.string().max(3), count: z.int().min(0), tags: z.array(z.string()).min(1) });

  it('turns every issue into a detail naming its path, in zh-CN and English', () => {
    const result = Body.safeParse({ name: 'toolong', count: -1, tags: [], extra: true });
    const error = toApiError(result.error!);
    expect(ApiError.parse(error)).toEqual(error);
    expect(error.error.code).toBe('validation_failed');
    expect(error.error.message).toBe('提交的内容有 4 处错误');
    expect(error.error.details).toEqual([
      {
        path: 'name',
        code: 'too_big',
        message: '「name」不能超过 3 个字符',
        messageEn: '"name" must be at most 3 characters long',
      },
      { path: 'count', code: 'too_small', message: '「count」不能小于 0', messageEn: '"count" must be at least 0' },
      {
        path: 'tags',
        code: 'too_small',
        message: '「tags」至少 1 项',
        messageEn: '"tags" must have at least 1 item(s)',
      },
      {
        path: '',
        code: 'unknown_field',
        message: '「请求内容」含有未知字段：extra',
        messageEn: '"request body" has unknown fields: extra',
      },
    ]);
  });

  it('uses the labels it is given', () => {
    const result = Body.safeParse({ name: 1, count: 0, tags: ['a'] });
    const error = toApiError(result.error!, (path) => (path[0] === 'name' ? { zh: '名称', en: 'Name' } : undefined));
    expect(error.error.details[0]).toMatchObject({ message: '「名称」必须是文本', messageEn: '"Name" must be text' });
  });

  it('describes enum and format issues', () => {
    const level = z.enum(['a', 'b']).safeParse('c').error!.issues[0]!;
    expect(describeIssue(level, { zh: '级别', en: 'Level' }).message).toBe('「级别」只能取：a、b');
    const date = z.iso.date().safeParse('2024-13-01').error!.issues[0]!;
    expect(describeIssue(date, { zh: '日期', en: 'Date' }).code).toBe('invalid_format');
  });
});
