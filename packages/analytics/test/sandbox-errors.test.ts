import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, exportLake, readDuckDbError, Sandbox, SandboxError } from '../src/index.js';
import { JINJIANG, openFixture, type Fixture } from './fixture.js';

let f: Fixture;
let sandbox: Sandbox;

beforeAll(async () => {
  f = await openFixture();
  await f.report(JINJIANG, '2025Q1', { trainings: 200, literacy: 14 });
  await buildWarehouse(f.wh);
  await exportLake(f.wh, f.dir);
  sandbox = await Sandbox.open({ dataDir: f.dir, timeoutMs: 2000, maxRows: 100 });
});
afterAll(() => {
  sandbox.close();
  f.close();
});

const SICHUAN = '510000';

interface Case {
  sql: string;
  code: string;
  zh: string;
  en: string;
  /** The text the position points at, or null when DuckDB gives none. */
  at: string | null;
  /** A piece of DuckDB's own message, kept as the original. */
  original: string;
}

/**
 * Statisticians' everyday mistakes, run through the sandbox as they would type them: the
 * Chinese and English a person reads, where the editor marks it, and DuckDB's words kept.
 */
const CASES: Case[] = [
  {
    sql: 'SELECT regoin_code FROM fact_value',
    code: 'column_not_found',
    zh: '字段「regoin_code」不存在；您是否要找：region_code、province_code、function_code？',
    en: 'there is no column "regoin_code"; did you mean region_code, province_code, function_code?',
    at: 'regoin_code',
    original: 'Binder Error: Referenced column "regoin_code" not found in FROM clause!',
  },
  {
    sql: "SELECT '科学' AS 甲, v.regoin_code FROM fact_value v",
    code: 'column_not_found',
    zh: '「v」中没有字段「regoin_code」',
    en: '"v" has no column "regoin_code"',
    at: 'v.regoin_code',
    original: 'does not have a column named "regoin_code"',
  },
  {
    sql: 'SELECT x.* FROM fact_value',
    code: 'table_not_found',
    zh: '表或别名「x」不存在；您是否要找：fact_value？',
    en: 'there is no table or alias "x"; did you mean fact_value?',
    at: null,
    original: 'Binder Error: Referenced table "x" not found!',
  },
  {
    sql: 'SELECT nosuchfn(value) FROM fact_value',
    code: 'function_not_found',
    zh: '函数「nosuchfn」不存在；您是否要找：nanosecond？',
    en: 'there is no function "nosuchfn"; did you mean nanosecond?',
    at: 'nosuchfn',
    original: 'Catalog Error: Scalar Function with name nosuchfn does not exist!',
  },
  {
    sql: 'SELECT * FORM fact_value',
    code: 'syntax',
    zh: 'SQL 语法错误：「fact_value」处或其前面有误',
    en: 'syntax error at or near "fact_value"',
    at: 'fact_value',
    original: 'Parser Error: syntax error at or near "fact_value"',
  },
  {
    sql: 'SELECT * FROM fact_value WHERE',
    code: 'syntax',
    zh: 'SQL 语法错误：查询在末尾处不完整，缺少内容',
    en: 'syntax error: the query ends before it is complete',
    at: '',
    original: 'Parser Error: syntax error at end of input',
  },
  {
    sql: 'SELECT sum(region_code) FROM fact_value',
    code: 'type_mismatch',
    zh: '类型不匹配：没有适用于 sum(VARCHAR) 的函数，请用 CAST 把参数转换为合适的类型',
    en: 'type mismatch: no function fits sum(VARCHAR); convert the arguments with CAST',
    at: 'sum',
    original: "Binder Error: No function matches the given name and argument types 'sum(VARCHAR)'",
  },
  {
    sql: 'SELECT substring(period) FROM fact_value',
    code: 'type_mismatch',
    zh:
      '类型不匹配：没有适用于 substring(VARCHAR) 的函数，请用 CAST 把参数转换为合适的类型' +
      '（可用的形式：substring(VARCHAR, BIGINT, BIGINT)、substring(VARCHAR, BIGINT)）',
    en:
      'type mismatch: no function fits substring(VARCHAR); convert the arguments with CAST ' +
      '(it takes substring(VARCHAR, BIGINT, BIGINT), substring(VARCHAR, BIGINT))',
    at: 'substring',
    original: 'Candidate functions',
  },
  {
    sql: "SELECT * FROM fact_value WHERE period > DATE '2025-01-01'",
    code: 'type_mismatch',
    zh: '类型不匹配：不能直接比较 VARCHAR 和 DATE，请用 CAST 把其中一方转换为另一方的类型',
    en: "type mismatch: VARCHAR and DATE cannot be compared; CAST one to the other's type",
    at: '> DATE',
    original: 'Binder Error: Cannot compare values of type VARCHAR and type DATE',
  },
  {
    sql: 'SELECT year, value FROM fact_value GROUP BY year',
    code: 'group_by',
    zh: '字段「value」须写进 GROUP BY，或放在聚合函数中（如 sum(value)、any_value(value)）',
    en: 'the column "value" must be in GROUP BY or inside an aggregate (sum(value), any_value(value))',
    at: 'value',
    original: 'must appear in the GROUP BY clause',
  },
  {
    sql: "SELECT * FROM fact_value f JOIN dim_region r ON f.region_code = r.region_code WHERE region_code = '1'",
    code: 'ambiguous_column',
    zh: '字段「region_code」有歧义：多个表都有此字段，请写明是 f.region_code 还是 r.region_code',
    en: 'the column "region_code" is ambiguous: write f.region_code or r.region_code',
    at: 'region_code',
    original: 'Binder Error: Ambiguous reference to column name "region_code"',
  },
  {
    sql: 'SELECT * FROM fact_value WHERE sum(value) > 1',
    code: 'aggregate_in_where',
    zh: 'WHERE 中不能使用聚合函数：对汇总结果的筛选请写在 HAVING 中',
    en: 'WHERE cannot hold an aggregate: filter on totals with HAVING',
    at: 'sum',
    original: 'Binder Error: WHERE clause cannot contain aggregates!',
  },
  {
    sql: 'SELECT * FROM fact_value ORDER BY 99',
    code: 'bad_clause',
    zh: 'ORDER BY 的列序号超出范围：应在 1 到 12 之间',
    en: 'the ORDER BY column number must be between 1 and 12',
    at: '99',
    original: 'Binder Error: ORDER term out of range - should be between 1 and 12',
  },
  {
    sql: 'SELECT region_code FROM fact_value UNION SELECT region_code, name FROM dim_region',
    code: 'bad_clause',
    zh: 'UNION 等集合运算两边的查询须有相同的列数',
    en: 'both sides of UNION (and the like) must have the same number of columns',
    at: null,
    original: 'Set operations can only apply to expressions with the same number of result columns',
  },
  {
    sql: 'SELECT CAST(department AS INTEGER) FROM fact_value',
    code: 'conversion',
    zh: '类型转换失败：文本「科协」（字段 department）不能转换为整数（INTEGER）',
    en: "the text '科协' (column department) cannot be converted to a whole number (INTEGER)",
    at: 'CAST',
    original: "Conversion Error: Could not convert string '科协' to INT32",
  },
  {
    sql: "SELECT count(*) FROM fact_value WHERE year = '2025年'",
    code: 'conversion',
    zh: '类型转换失败：文本「2025年」不能转换为整数（INTEGER）',
    en: "the text '2025年' cannot be converted to a whole number (INTEGER)",
    at: "'2025年'",
    original: "Conversion Error: Could not convert string '2025年' to INT32",
  },
  {
    sql: "SELECT * FROM fact_value WHERE approved_at > '2025-02-30'",
    code: 'conversion',
    zh: '日期「2025-02-30」不存在（月份或日期超出范围）',
    en: 'the date "2025-02-30" does not exist (month or day out of range)',
    at: "'2025-02-30'",
    original: 'Conversion Error: timestamp field value out of range: "2025-02-30"',
  },
  {
    sql: 'SELECT CAST(period AS DATE) FROM fact_value',
    code: 'conversion',
    zh: "「2025Q1」（字段 period）不是日期：日期应写作 YYYY-MM-DD（报告期请按文本比较，如 period = '2025Q1'）",
    en:
      '"2025Q1" (column period) is not a date: write dates as YYYY-MM-DD ' +
      "(compare periods as text, e.g. period = '2025Q1')",
    at: 'CAST',
    original: 'Conversion Error: invalid date field format: "2025Q1"',
  },
  {
    sql: "SELECT strptime(period, '%Y-%m') FROM fact_value",
    code: 'conversion',
    zh: '无法按格式「%Y-%m」解析文本「2025Q1」',
    en: '"2025Q1" does not match the format "%Y-%m"',
    at: null,
    original: 'Invalid Input Error: Could not parse string "2025Q1" according to format specifier "%Y-%m"',
  },
  {
    sql: 'SELECT CAST(value * 100 AS TINYINT) FROM fact_value',
    code: 'out_of_range',
    zh: '数值 1400.0 超出 TINYINT 类型的范围，请转换为更大的类型（如 BIGINT 或 DOUBLE）',
    en: 'the value 1400.0 does not fit TINYINT; use a larger type (BIGINT or DOUBLE)',
    at: 'CAST',
    original: "can't be cast because the value is out of range for the destination type INT8",
  },
  {
    sql: 'SELECT year::TINYINT * 100::TINYINT FROM fact_value',
    code: 'out_of_range',
    zh: '数值 2025（字段 year）超出 TINYINT 类型的范围，请转换为更大的类型（如 BIGINT 或 DOUBLE）',
    en: 'the value 2025 (column year) does not fit TINYINT; use a larger type (BIGINT or DOUBLE)',
    at: '::TINYINT',
    original: 'Conversion Error: Type INT32 with value 2025',
  },
  {
    sql: 'SELECT 100::TINYINT * 2::TINYINT',
    code: 'out_of_range',
    zh: '数值溢出：TINYINT 类型的乘法（100 * 2）超出范围，请先转换为 BIGINT 或 DOUBLE 再计算',
    en: 'overflow: the multiplication 100 * 2 does not fit TINYINT; convert to BIGINT or DOUBLE first',
    at: null,
    original: 'Out of Range Error: Overflow in multiplication of INT8 (100 * 2)!',
  },
  {
    sql: 'SELECT ln(value - 100) FROM fact_value',
    code: 'out_of_range',
    zh: '不能对负数取对数',
    en: 'no logarithm of a negative number',
    at: null,
    original: 'Out of Range Error: cannot take logarithm of a negative number',
  },
  {
    sql: 'SELECT sqrt(-value) FROM fact_value',
    code: 'out_of_range',
    zh: '不能对负数开平方',
    en: 'no square root of a negative number',
    at: null,
    original: 'Out of Range Error: cannot take square root of a negative number',
  },
  {
    sql: 'SELECT (SELECT region_code FROM dim_region)',
    code: 'invalid_input',
    zh: '用作单个值的子查询返回了多行：请在子查询中汇总（如 max、sum）或加 LIMIT 1',
    en: 'a subquery used as a value returned several rows: aggregate it (max, sum) or add LIMIT 1',
    at: null,
    original: 'Invalid Input Error: More than one row returned by a subquery used as an expression',
  },
  // Messages no pattern knows: their class says what kind of mistake, the original the rest.
  {
    sql: 'SELECT list_value(1, 2, 3)[1:2:0]',
    code: 'invalid_input',
    zh: '输入值无效（详见原文）',
    en: 'invalid input (see the original message)',
    at: null,
    original: 'Invalid Input Error: Slice step cannot be zero',
  },
];

async function failure(sql: string): Promise<SandboxError> {
  const error = await sandbox.query(sql, SICHUAN).catch((e: unknown) => e);
  if (!(error instanceof SandboxError)) throw new Error(`expected ${sql} to fail, got ${JSON.stringify(error)}`);
  return error;
}

describe("DuckDB's errors in the statisticians' words", () => {
  it.each(CASES)('$sql', async ({ sql, code, zh, en, at, original }) => {
    const error = await failure(sql);
    expect(error.problems).toHaveLength(1);
    const problem = error.problems[0];
    expect({ code: error.code, zh: error.zh, en: error.en }).toEqual({ code, zh, en });
    expect(problem).toMatchObject({ code, message: zh, messageEn: en });
    expect(problem?.original).toContain(original);
    if (at === null) expect(problem?.position).toBeNull();
    else expect(sql.slice(problem?.position ?? -1).startsWith(at)).toBe(true);
  });

  it('words a Chinese message with no English in it, and keeps no server folder in the original', async () => {
    for (const { sql } of CASES) {
      const error = await failure(sql);
      expect(error.zh).not.toMatch(/\b(Error|Binder|Catalog|Conversion|Parser)\b/);
      expect(error.problems[0]?.original ?? '').not.toContain(f.dir);
    }
  });

  it('says each error once: the top-level words are the one problem’s, no LINE excerpt repeats the place', async () => {
    const error = await failure('SELECT regoin_code FROM fact_value');
    expect(error.problems[0]?.original).not.toContain('LINE 1');
    expect(error.zh).not.toContain('LINE');
  });

  it('reads only DuckDB’s JSON errors', () => {
    expect(readDuckDbError('Connection was never established')).toBeNull();
    expect(readDuckDbError('{"not":"an error"}')).toBeNull();
    expect(
      readDuckDbError(
        'Parser Error: {"exception_type":"Parser","exception_message":"syntax error at end of input","position":"30"}',
      ),
    ).toMatchObject({ type: 'Parser', position: 30, candidates: [] });
  });
});

describe('the time limit', () => {
  it('stops a query at the limit with a message that says what to do', async () => {
    const error = await failure('SELECT count(*) FROM range(100000000000) a');
    expect(error.code).toBe('timeout');
    expect(error.zh).toBe('查询超过 2 秒的时间上限，已中止：请加筛选条件或先汇总，缩小查询范围');
    expect(error.en).toBe('the query ran past the 2 s limit and was stopped: filter or aggregate to narrow it down');
  });
});
