import * as z from 'zod';

/** One problem with an input, naming the field path it concerns, in zh-CN and English. */
export const ErrorDetail = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  /** For an error inside a text (an SQL query): the character offset it points at. */
  position: z.int().min(0).optional(),
  /** The words of the system that found the error (DuckDB's English), shown on request beside the translation. */
  original: z.string().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error shape every interface returns. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    details: z.array(ErrorDetail),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** Formats a zod path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

export interface Labels {
  zh: string;
  en: string;
}

const TYPE_NAMES: Record<string, Labels> = {
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  string: { zh: '文本', en: 'text' },
  boolean: { zh: '是/否', en: 'yes or no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  date: { zh: '日期', en: 'a date' },
};

function typeName(expected: string): Labels {
  return TYPE_NAMES[expected] ?? { zh: expected, en: expected };
}

function bound(issue: { origin?: string; inclusive?: boolean }, value: unknown, small: boolean): Labels {
  const v = String(value);
  if (issue.origin === 'string') {
    return small
      ? { zh: `至少 ${v} 个字符`, en: `must be at least ${v} characters long` }
      : { zh: `不能超过 ${v} 个字符`, en: `must be at most ${v} characters long` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return small
      ? { zh: `至少 ${v} 项`, en: `must have at least ${v} item(s)` }
      : { zh: `不能超过 ${v} 项`, en: `must have at most ${v} item(s)` };
  }
  if (small)
    return issue.inclusive === false
      ? { zh: `必须大于 ${v}`, en: `must be greater than ${v}` }
      : { zh: `不能小于 ${v}`, en: `must be at least ${v}` };
  return issue.inclusive === false
    ? { zh: `必须小于 ${v}`, en: `must be less than ${v}` }
    : { zh: `不能大于 ${v}`, en: `must be at most ${v}` };
}

/**
 * A zod issue as a sentence naming the field in both languages. Custom issues may carry their
 * own `params.zh` / `params.en` and `params.code`.
 * @example describeIssue(issue, { zh: '培训人次', en: 'Person-times trained' }).message // '「培训人次」必须是整数'
 */
export function describeIssue(issue: z.core.$ZodIssue, label: Labels): ErrorDetail {
  const zh = `「${label.zh}」`;
  const en = `"${label.en}"`;
  const path = formatPath(issue.path);
  const make = (code: string, m: Labels): ErrorDetail => ({ path, code, message: m.zh, messageEn: m.en });
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'undefined' || issue.expected === 'never') {
        return make('unknown_field', { zh: `${zh}不是可填写的字段`, en: `${en} is not a field of this form` });
      }
      const t = typeName(issue.expected);
      return make('invalid_type', { zh: `${zh}必须是${t.zh}`, en: `${en} must be ${t.en}` });
    }
    case 'too_small': {
      const b = bound(issue, issue.minimum, true);
      return make('too_small', { zh: `${zh}${b.zh}`, en: `${en} ${b.en}` });
    }
    case 'too_big': {
      const b = bound(issue, issue.maximum, false);
      return make('too_big', { zh: `${zh}${b.zh}`, en: `${en} ${b.en}` });
    }
    case 'invalid_format':
      return make('invalid_format', {
        zh: `${zh}格式不正确（应为 ${issue.format}）`,
        en: `${en} is not a valid ${issue.format}`,
      });
    case 'not_multiple_of':
      return make('not_multiple_of', { zh: `${zh}小数位数过多`, en: `${en} has too many decimal places` });
    case 'invalid_value': {
      const allowed = issue.values.map(String).join('、');
      return make('invalid_value', {
        zh: `${zh}只能取：${allowed}`,
        en: `${en} must be one of: ${issue.values.map(String).join(', ')}`,
      });
    }
    case 'unrecognized_keys':
      return make('unknown_field', {
        zh: `${zh}含有未知字段：${issue.keys.join('、')}`,
        en: `${en} has unknown fields: ${issue.keys.join(', ')}`,
      });
    case 'custom': {
      const p = (issue.params ?? {}) as { code?: string; zh?: string; en?: string };
      return make(p.code ?? 'invalid', {
        zh: p.zh ? `${zh}${p.zh}` : `${zh}无效：${issue.message}`,
        en: p.en ? `${en} ${p.en}` : `${en} is invalid: ${issue.message}`,
      });
    }
    default:
      return make(issue.code, { zh: `${zh}无效`, en: `${en} is invalid` });
  }
}

/** Turns a failed parse into the error shape; labels come from `labelOf(path)` or the path itself. */
export function toApiError(
  error: z.ZodError,
  labelOf: (path: readonly PropertyKey[]) => Labels | undefined = () => undefined,
): ApiError {
  const details = error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return describeIssue(issue, labelOf(issue.path) ?? { zh: path || '请求内容', en: path || 'request body' });
  });
  return {
    error: {
      code: 'validation_failed',
      message: `提交的内容有 ${details.length} 处错误`,
      messageEn: `${details.length} problem${details.length === 1 ? '' : 's'} in the input`,
      details,
    },
  };
}
