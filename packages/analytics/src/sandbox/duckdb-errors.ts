/**
 * DuckDB's errors in the statisticians' words. The sandbox runs with `errors_as_json`, so an
 * error arrives as its class (`Binder`, `Conversion`…), its English message, where in the query
 * it is, and for a missing name the candidates DuckDB suggests. The table of real messages these
 * patterns were written from is `test/sandbox-errors.test.ts`, which runs the queries.
 */

/** An error as DuckDB reports it with `errors_as_json`. */
export interface DuckDbError {
  /** The exception class: `Parser`, `Binder`, `Catalog`, `Conversion`, `Out of Range`… */
  type: string;
  message: string;
  subtype: string | null;
  /** The name an error is about (a missing column, table or function). */
  name: string | null;
  /** The kind of a missing catalog entry: `Table`, `Scalar Function`… */
  entry: string | null;
  /** The call a function error is about, `sum(VARCHAR)`. */
  call: string | null;
  candidates: string[];
  /** Where in the query: code points for the parser, UTF-8 bytes for the binder and after. */
  position: number | null;
}

export const DUCKDB_ERROR_CODES = [
  'syntax',
  'table_not_found',
  'column_not_found',
  'function_not_found',
  'ambiguous_column',
  'type_mismatch',
  'group_by',
  'aggregate_in_where',
  'bad_clause',
  'conversion',
  'out_of_range',
  'invalid_input',
  'interrupted',
  'out_of_memory',
  'query_failed',
] as const;
export type DuckDbErrorCode = (typeof DUCKDB_ERROR_CODES)[number];

/** What a person reads: a code for the kind of mistake, and the message in both languages. */
export interface ErrorWords {
  code: DuckDbErrorCode;
  zh: string;
  en: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * DuckDB's error from the text its API throws (`{"exception_type":…}`, a parser error with its
 * class before the JSON), or null when the text is not one.
 * @example readDuckDbError('{"exception_type":"Binder","exception_message":"…","position":"7"}')?.position // 7
 */
export function readDuckDbError(raw: string): DuckDbError | null {
  const start = raw.indexOf('{');
  if (start < 0) return null;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw.slice(start)) as Record<string, unknown>;
  } catch {
    return null;
  }
  const type = text(json['exception_type']);
  if (type === null) return null;
  const position = Number(json['position']);
  return {
    type,
    message: String(json['exception_message'] ?? ''),
    subtype: text(json['error_subtype']),
    name: text(json['name']),
    entry: text(json['type']),
    call: text(json['call']),
    // Function candidates are signatures (`+(INTEGER, DATE) -> DATE`) that hold commas themselves.
    candidates:
      text(json['candidates'])
        ?.split(/,(?![^()]*\))/)
        .map((c) => c.trim())
        .filter(Boolean) ?? [],
    position: json['position'] === undefined || !Number.isSafeInteger(position) ? null : position,
  };
}

/** DuckDB's usual one-line wording of an error, kept as the original a person may ask to see. */
export function originalMessage(error: DuckDbError): string {
  return `${error.type} Error: ${error.message}`;
}

/** DuckDB's internal type names as SQL spells them, with what a statistician calls them. */
const TYPES: Record<string, { sql: string; zh: string; en: string }> = {
  INT8: { sql: 'TINYINT', zh: '整数', en: 'a whole number' },
  INT16: { sql: 'SMALLINT', zh: '整数', en: 'a whole number' },
  INT32: { sql: 'INTEGER', zh: '整数', en: 'a whole number' },
  INT64: { sql: 'BIGINT', zh: '整数', en: 'a whole number' },
  INT128: { sql: 'HUGEINT', zh: '整数', en: 'a whole number' },
  UINT8: { sql: 'UTINYINT', zh: '非负整数', en: 'a non-negative whole number' },
  UINT16: { sql: 'USMALLINT', zh: '非负整数', en: 'a non-negative whole number' },
  UINT32: { sql: 'UINTEGER', zh: '非负整数', en: 'a non-negative whole number' },
  UINT64: { sql: 'UBIGINT', zh: '非负整数', en: 'a non-negative whole number' },
  FLOAT: { sql: 'FLOAT', zh: '小数', en: 'a number' },
  DOUBLE: { sql: 'DOUBLE', zh: '小数', en: 'a number' },
  DATE: { sql: 'DATE', zh: '日期', en: 'a date' },
  TIMESTAMP: { sql: 'TIMESTAMP', zh: '时间', en: 'a time' },
  BOOL: { sql: 'BOOLEAN', zh: '布尔值（是/否）', en: 'true or false' },
  UUID: { sql: 'UUID', zh: 'UUID', en: 'a UUID' },
};
const typeOf = (name: string) => TYPES[name] ?? { sql: name, zh: name, en: name };

/** DuckDB adds the column a failed cast read from: `（字段 period）`. */
const CAST_FROM = '(?: when casting from source column (\\S+))?';
const fromColumn = (column: string | undefined) =>
  column === undefined ? { zh: '', en: '' } : { zh: `（字段 ${column}）`, en: ` (column ${column})` };

/** `"a.region_code" or "b.region_code"` → the names, unquoted. */
const quotedNames = (list: string) => [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);

/** `；您是否要找：region_code？` after a missing name: DuckDB's closest suggestions (it lists them closest first). */
function suggestion(candidates: readonly string[]): { zh: string; en: string } {
  const closest = candidates.slice(0, 3);
  if (closest.length === 0) return { zh: '', en: '' };
  return { zh: `；您是否要找：${closest.join('、')}？`, en: `; did you mean ${closest.join(', ')}?` };
}

const ENTRY_WORDS: Record<string, { zh: string; en: string }> = {
  Table: { zh: '表', en: 'table' },
  'Scalar Function': { zh: '函数', en: 'function' },
  'Aggregate Function': { zh: '聚合函数', en: 'aggregate function' },
  'Table Function': { zh: '表函数', en: 'table function' },
};

/** Each class's own words, for a message no pattern below knows: the original says the rest. */
const CLASS_WORDS: Record<string, ErrorWords> = {
  Parser: { code: 'syntax', zh: 'SQL 语法错误', en: 'SQL syntax error' },
  Syntax: { code: 'syntax', zh: 'SQL 语法错误', en: 'SQL syntax error' },
  Binder: {
    code: 'query_failed',
    zh: '查询中的字段、表或函数用法有误',
    en: 'a column, table or function is used wrongly',
  },
  Catalog: { code: 'query_failed', zh: '查询引用了不存在的名称', en: 'the query names something that does not exist' },
  Conversion: { code: 'conversion', zh: '类型转换失败', en: 'a value could not be converted' },
  'Out of Range': { code: 'out_of_range', zh: '数值超出范围', en: 'a value is out of range' },
  'Invalid Input': { code: 'invalid_input', zh: '输入值无效', en: 'invalid input' },
  INTERRUPT: { code: 'interrupted', zh: '查询已中止', en: 'the query was stopped' },
  'Out of Memory': {
    code: 'out_of_memory',
    zh: '查询所需内存超过上限，请缩小查询范围或先汇总再查询',
    en: 'the query needs more memory than allowed: narrow it down or aggregate first',
  },
  'Not implemented': { code: 'query_failed', zh: 'DuckDB 不支持这种写法', en: 'DuckDB does not support this' },
};

type Rule = (e: DuckDbError) => ErrorWords | null;

/** Runs a pattern on the message and words the match; null when it does not match. */
const when =
  (
    type: string,
    pattern: RegExp,
    words: (m: RegExpMatchArray, e: DuckDbError) => Omit<ErrorWords, 'code'>,
    code: DuckDbErrorCode,
  ): Rule =>
  (e) => {
    if (e.type !== type) return null;
    const m = pattern.exec(e.message);
    return m ? { code, ...words(m, e) } : null;
  };

const OPERATIONS: Record<string, { zh: string; en: string }> = {
  addition: { zh: '加法', en: 'addition' },
  subtraction: { zh: '减法', en: 'subtraction' },
  multiplication: { zh: '乘法', en: 'multiplication' },
};

const RULES: Rule[] = [
  when(
    'Parser',
    /^syntax error at or near "(.*)"$/s,
    (m) => ({ zh: `SQL 语法错误：「${m[1]}」处或其前面有误`, en: `syntax error at or near "${m[1]}"` }),
    'syntax',
  ),
  when(
    'Parser',
    /^syntax error at end of input$/,
    () => ({
      zh: 'SQL 语法错误：查询在末尾处不完整，缺少内容',
      en: 'syntax error: the query ends before it is complete',
    }),
    'syntax',
  ),
  (e) => {
    if (e.type !== 'Catalog' || e.subtype !== 'MISSING_ENTRY' || e.name === null) return null;
    const what = ENTRY_WORDS[e.entry ?? ''] ?? { zh: '名称', en: 'name' };
    const hint = suggestion(e.candidates);
    const code =
      e.entry === 'Table' ? 'table_not_found' : e.entry?.endsWith('Function') ? 'function_not_found' : 'query_failed';
    return { code, zh: `${what.zh}「${e.name}」不存在${hint.zh}`, en: `there is no ${what.en} "${e.name}"${hint.en}` };
  },
  (e) => {
    if (e.type !== 'Binder' || e.subtype !== 'COLUMN_NOT_FOUND' || e.name === null) return null;
    const hint = suggestion(e.candidates);
    return {
      code: 'column_not_found',
      zh: `字段「${e.name}」不存在${hint.zh}`,
      en: `there is no column "${e.name}"${hint.en}`,
    };
  },
  when(
    'Binder',
    /^\w+(?: \w+)? "(.+)" does not have a column named "(.+)"$/,
    (m) => ({ zh: `「${m[1]}」中没有字段「${m[2]}」`, en: `"${m[1]}" has no column "${m[2]}"` }),
    'column_not_found',
  ),
  when(
    'Binder',
    /^Referenced table "(.+)" not found!\nCandidate tables: (.+)$/s,
    (m) => {
      const hint = suggestion(quotedNames(m[2] as string));
      return { zh: `表或别名「${m[1]}」不存在${hint.zh}`, en: `there is no table or alias "${m[1]}"${hint.en}` };
    },
    'table_not_found',
  ),
  when(
    'Binder',
    /^Ambiguous reference to column name "(.+)" \(use: (.+)\)$/,
    (m) => {
      const options = quotedNames(m[2] as string);
      return {
        zh: `字段「${m[1]}」有歧义：多个表都有此字段，请写明是 ${options.join(' 还是 ')}`,
        en: `the column "${m[1]}" is ambiguous: write ${options.join(' or ')}`,
      };
    },
    'ambiguous_column',
  ),
  (e) => {
    if (e.type !== 'Binder' || e.subtype !== 'NO_MATCHING_FUNCTION' || e.call === null) return null;
    // A handful of forms helps (substring); the 45 of `+` do not.
    const forms =
      e.candidates.length > 0 && e.candidates.length <= 4 ? e.candidates.map((c) => c.replace(/ -> .*$/, '')) : [];
    return {
      code: 'type_mismatch',
      zh: `类型不匹配：没有适用于 ${e.call} 的函数，请用 CAST 把参数转换为合适的类型${forms.length > 0 ? `（可用的形式：${forms.join('、')}）` : ''}`,
      en:
        `type mismatch: no function fits ${e.call}; convert the arguments with CAST` +
        (forms.length > 0 ? ` (it takes ${forms.join(', ')})` : ''),
    };
  },
  when(
    'Binder',
    /^Could not choose a best candidate function for the function call "(.+?)"\./,
    (m) => ({
      zh: `类型不匹配：无法确定 ${m[1]} 应按哪种类型计算，请用 CAST 写明参数类型`,
      en: `type mismatch: it is unclear which types ${m[1]} is meant for; add a CAST`,
    }),
    'type_mismatch',
  ),
  when(
    'Binder',
    /^Cannot compare values of type (\S+) and type (\S+)/,
    (m) => ({
      zh: `类型不匹配：不能直接比较 ${m[1]} 和 ${m[2]}，请用 CAST 把其中一方转换为另一方的类型`,
      en: `type mismatch: ${m[1]} and ${m[2]} cannot be compared; CAST one to the other's type`,
    }),
    'type_mismatch',
  ),
  when(
    'Binder',
    /^column "(.+)" must appear in the GROUP BY clause/,
    (m) => ({
      zh: `字段「${m[1]}」须写进 GROUP BY，或放在聚合函数中（如 sum(${m[1]})、any_value(${m[1]})）`,
      en: `the column "${m[1]}" must be in GROUP BY or inside an aggregate (sum(${m[1]}), any_value(${m[1]}))`,
    }),
    'group_by',
  ),
  when(
    'Binder',
    /^WHERE clause cannot contain aggregates!$/,
    () => ({
      zh: 'WHERE 中不能使用聚合函数：对汇总结果的筛选请写在 HAVING 中',
      en: 'WHERE cannot hold an aggregate: filter on totals with HAVING',
    }),
    'aggregate_in_where',
  ),
  when(
    'Binder',
    /^ORDER term out of range - should be between (\d+) and (\d+)$/,
    (m) => ({
      zh: `ORDER BY 的列序号超出范围：应在 ${m[1]} 到 ${m[2]} 之间`,
      en: `the ORDER BY column number must be between ${m[1]} and ${m[2]}`,
    }),
    'bad_clause',
  ),
  when(
    'Binder',
    /^LIMIT\/OFFSET cannot be negative$/,
    () => ({ zh: 'LIMIT 和 OFFSET 不能是负数', en: 'LIMIT and OFFSET cannot be negative' }),
    'bad_clause',
  ),
  when(
    'Binder',
    /^Set operations can only apply to expressions with the same number of result columns$/,
    () => ({
      zh: 'UNION 等集合运算两边的查询须有相同的列数',
      en: 'both sides of UNION (and the like) must have the same number of columns',
    }),
    'bad_clause',
  ),
  when(
    'Conversion',
    new RegExp(`^Could not convert string '(.*)' to (\\w+)${CAST_FROM}$`, 's'),
    (m) => {
      const to = typeOf(m[2] as string);
      const column = fromColumn(m[3]);
      return {
        zh: `类型转换失败：文本「${m[1]}」${column.zh}不能转换为${to.zh}（${to.sql}）`,
        en: `the text '${m[1]}'${column.en} cannot be converted to ${to.en} (${to.sql})`,
      };
    },
    'conversion',
  ),
  when(
    'Conversion',
    new RegExp(
      `^Type (\\w+) with value (.+) can't be cast because the value is out of range ` +
        `for the destination type (\\w+)${CAST_FROM}$`,
    ),
    (m) => {
      const to = typeOf(m[3] as string);
      const column = fromColumn(m[4]);
      return {
        zh: `数值 ${m[2]}${column.zh || ' '}超出 ${to.sql} 类型的范围，请转换为更大的类型（如 BIGINT 或 DOUBLE）`,
        en: `the value ${m[2]}${column.en} does not fit ${to.sql}; use a larger type (BIGINT or DOUBLE)`,
      };
    },
    'out_of_range',
  ),
  when(
    'Conversion',
    new RegExp(`^(?:date|timestamp) field value out of range: "(.+)"${CAST_FROM}$`),
    (m) => ({
      zh: `日期「${m[1]}」${fromColumn(m[2]).zh}不存在（月份或日期超出范围）`,
      en: `the date "${m[1]}"${fromColumn(m[2]).en} does not exist (month or day out of range)`,
    }),
    'conversion',
  ),
  when(
    'Conversion',
    /^Date out of range: (.+)$/,
    (m) => ({
      zh: `日期 ${m[1]} 不存在（月份或日期超出范围）`,
      en: `the date ${m[1]} does not exist (month or day out of range)`,
    }),
    'conversion',
  ),
  when(
    'Conversion',
    new RegExp(`^invalid (?:date|timestamp) field format: "(.+)", expected format is \\((.+)\\)${CAST_FROM}$`),
    (m) => ({
      zh: `「${m[1]}」${fromColumn(m[3]).zh}不是日期：日期应写作 ${m[2]}（报告期请按文本比较，如 period = '2025Q1'）`,
      en:
        `"${m[1]}"${fromColumn(m[3]).en} is not a date: write dates as ${m[2]} ` +
        `(compare periods as text, e.g. period = '2025Q1')`,
    }),
    'conversion',
  ),
  when(
    'Out of Range',
    /^Overflow in (addition|subtraction|multiplication) of (\w+) \((.+)\)!$/,
    (m) => {
      const op = OPERATIONS[m[1] as string] as { zh: string; en: string };
      const type = typeOf(m[2] as string);
      return {
        zh: `数值溢出：${type.sql} 类型的${op.zh}（${m[3]}）超出范围，请先转换为 BIGINT 或 DOUBLE 再计算`,
        en: `overflow: the ${op.en} ${m[3]} does not fit ${type.sql}; convert to BIGINT or DOUBLE first`,
      };
    },
    'out_of_range',
  ),
  when(
    'Out of Range',
    /^cannot take logarithm of a negative number$/,
    () => ({ zh: '不能对负数取对数', en: 'no logarithm of a negative number' }),
    'out_of_range',
  ),
  when(
    'Out of Range',
    /^cannot take logarithm of zero$/,
    () => ({ zh: '不能对 0 取对数', en: 'no logarithm of zero' }),
    'out_of_range',
  ),
  when(
    'Out of Range',
    /^cannot take square root of a negative number$/,
    () => ({ zh: '不能对负数开平方', en: 'no square root of a negative number' }),
    'out_of_range',
  ),
  when(
    'Invalid Input',
    /^More than one row returned by a subquery used as an expression/,
    () => ({
      zh: '用作单个值的子查询返回了多行：请在子查询中汇总（如 max、sum）或加 LIMIT 1',
      en: 'a subquery used as a value returned several rows: aggregate it (max, sum) or add LIMIT 1',
    }),
    'invalid_input',
  ),
  when(
    'Invalid Input',
    /^Could not parse string "(.*)" according to format specifier "(.*?)"/s,
    (m) => ({ zh: `无法按格式「${m[2]}」解析文本「${m[1]}」`, en: `"${m[1]}" does not match the format "${m[2]}"` }),
    'conversion',
  ),
];

/**
 * A DuckDB error in Chinese and English: the common mistakes by pattern, with the candidates
 * DuckDB suggests for a misspelt name; anything else by its class, the original saying the rest.
 * @example translateDuckDbError(readDuckDbError(raw)!).zh // '字段「regoin_code」不存在；您是否要找：region_code？'
 */
export function translateDuckDbError(error: DuckDbError): ErrorWords {
  for (const rule of RULES) {
    const words = rule(error);
    if (words) return words;
  }
  const words = CLASS_WORDS[error.type] ?? { code: 'query_failed', zh: '查询出错', en: 'the query failed' };
  return { code: words.code, zh: `${words.zh}（详见原文）`, en: `${words.en} (see the original message)` };
}
