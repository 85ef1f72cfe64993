import type { Localized } from '@kesu/schema';
import { WH } from './catalog.js';
import type { CodeKind } from './code-types.js';

/** A warehouse column: its DuckDB type and what it holds, in both languages. */
export interface ColumnDoc {
  name: string;
  /** The type readers see (in the lake and the sandbox). */
  type: string;
  doc: Localized;
  /** A code column: stored in the warehouse file as that code's enum type, read as text. */
  code?: CodeKind;
}

/** A documented warehouse table: the only names the sandbox lets a query read. */
export interface TableDoc {
  name: string;
  doc: Localized;
  /** The column rows are scoped by (a region code), or null for tables every user may read whole. */
  regionColumn: string | null;
  /** Written to the Parquet lake partitioned by year and province. */
  partitioned: boolean;
  columns: ColumnDoc[];
}

const col = (name: string, type: string, zh: string, en: string): ColumnDoc => ({ name, type, doc: { zh, en } });
const codeCol = (code: CodeKind, name: string, zh: string, en: string): ColumnDoc => ({
  name,
  type: 'VARCHAR',
  doc: { zh, en },
  code,
});

const REGION_CODE = codeCol('region', 'region_code', '行政区划代码（GB/T 2260）', 'region code (GB/T 2260)');
const PROVINCE_CODE = codeCol(
  'region',
  'province_code',
  '所属省级行政区代码',
  'code of the province the region lies in',
);
const YEAR = col('year', 'INTEGER', '年份', 'year');
const PERIOD = codeCol(
  'period',
  'period',
  '报告期（2025、2025S1、2025Q3、2025-07）',
  'reporting period (2025, 2025S1, 2025Q3, 2025-07)',
);
const FUNCTION_CODE = codeCol(
  'function',
  'function_code',
  '部门职能代码（如 education）',
  'department function code (e.g. education)',
);
const DEPARTMENT = codeCol('department', 'department', '填报单位名称', 'name of the reporting unit');
// A UUID column is a fixed 16 bytes: far cheaper to write and join than the same id as text.
const ASSIGNMENT_ID = col('assignment_id', 'UUID', '填报任务编号', 'assignment id');
const INDICATOR_CODE = codeCol('indicator', 'indicator_code', '指标代码', 'indicator code');

/** Every table of the warehouse, in dependency order (dimensions first). */
export const WAREHOUSE_TABLES: readonly TableDoc[] = [
  {
    name: 'dim_region',
    doc: {
      zh: '行政区划维表：省、市、县三级及其上级',
      en: 'regions: provinces, prefectures and counties with their parents',
    },
    regionColumn: 'region_code',
    partitioned: false,
    columns: [
      REGION_CODE,
      col('name', 'VARCHAR', '名称', 'name'),
      col('short', 'VARCHAR', '简称', 'short name'),
      col('level', 'VARCHAR', '级别：province / prefecture / county', 'level: province / prefecture / county'),
      col('depth', 'INTEGER', '层级：0 省，1 市，2 县', 'depth: 0 province, 1 prefecture, 2 county'),
      codeCol('region', 'parent_code', '上级区划代码', 'parent region code'),
      PROVINCE_CODE,
      codeCol(
        'region',
        'prefecture_code',
        '所属地级区划代码（省级为空）',
        'code of the prefecture (empty for a province)',
      ),
    ],
  },
  {
    name: 'region_tree',
    doc: {
      zh: '区划上下级关系（含自身）：按上级汇总时连接此表',
      en: 'every ancestor of every region (itself included): join it to roll up',
    },
    regionColumn: 'region_code',
    partitioned: false,
    columns: [
      codeCol('region', 'ancestor_code', '上级（或自身）区划代码', 'ancestor (or the region itself)'),
      REGION_CODE,
      col('distance', 'INTEGER', '相隔层级，0 为自身', 'levels apart, 0 for the region itself'),
    ],
  },
  {
    name: 'dim_department_function',
    doc: {
      zh: '部门职能维表：把各地不同名称的单位归到同一职能',
      en: 'department functions: one code for the same bureau under its local names',
    },
    regionColumn: null,
    partitioned: false,
    columns: [
      FUNCTION_CODE,
      col('name_zh', 'VARCHAR', '中文名称', 'Chinese name'),
      col('name_en', 'VARCHAR', '英文名称', 'English name'),
    ],
  },
  {
    name: 'dim_indicator',
    doc: { zh: '指标目录', en: 'the indicator catalog' },
    regionColumn: null,
    partitioned: false,
    columns: [
      INDICATOR_CODE,
      col('name_zh', 'VARCHAR', '中文名称', 'Chinese name'),
      col('name_en', 'VARCHAR', '英文名称', 'English name'),
      col('unit', 'VARCHAR', '计量单位', 'unit'),
      col(
        'kind',
        'VARCHAR',
        '类型：flow 流量（可相加）/ stock 存量（取最新）/ rate 比率（不可相加）',
        'kind: flow (adds up) / stock (latest) / rate (never summed)',
      ),
      col('family', 'VARCHAR', '指标类别', 'indicator family'),
    ],
  },
  {
    name: 'dim_period',
    doc: { zh: '报告期维表', en: 'reporting periods' },
    regionColumn: null,
    partitioned: false,
    columns: [
      PERIOD,
      codeCol(
        'period_type',
        'period_type',
        '期间类型：year / half / quarter / month',
        'period type: year / half / quarter / month',
      ),
      YEAR,
      col('half', 'INTEGER', '半年（1、2）', 'half (1, 2)'),
      col('quarter', 'INTEGER', '季度（1–4，按年、半年报告时为空）', 'quarter (1–4, empty for years and halves)'),
      col('month', 'INTEGER', '月份（仅月报）', 'month (monthly periods only)'),
      col('start_date', 'DATE', '开始日期', 'first day'),
      col('end_date', 'DATE', '结束日期', 'last day'),
    ],
  },
  {
    name: 'dim_plan',
    doc: { zh: '实施方案', en: 'implementation plans' },
    regionColumn: 'region_code',
    partitioned: false,
    columns: [
      col('plan_id', 'VARCHAR', '方案编号', 'plan id'),
      col('title', 'VARCHAR', '方案标题', 'title'),
      REGION_CODE,
      col('start_year', 'INTEGER', '规划期起始年', 'first year of the plan'),
      col('end_year', 'INTEGER', '规划期末年', 'last year of the plan'),
      col(
        'literacy_target',
        'DOUBLE',
        '公民具备科学素质比例目标（%）',
        'target share of scientifically literate citizens (%)',
      ),
      col('literacy_stretch', 'DOUBLE', '力争目标（%）', 'stretch target (%)'),
      col('literacy_deadline', 'INTEGER', '比例目标年份', 'year of the literacy target'),
    ],
  },
  {
    name: 'dim_target',
    doc: { zh: '方案中的量化目标', en: "the plans' quantitative targets" },
    regionColumn: 'region_code',
    partitioned: false,
    columns: [
      col('target_id', 'VARCHAR', '目标编号（方案编号#序号）', 'target id (plan id#index)'),
      col('plan_id', 'VARCHAR', '方案编号', 'plan id'),
      REGION_CODE,
      col('task', 'VARCHAR', '所属任务序号', 'ordinal of its task'),
      col('metric', 'VARCHAR', '计量内容', 'what is counted'),
      INDICATOR_CODE,
      col(
        'scope',
        'VARCHAR',
        '口径：annual / cumulative / point_in_time / per_unit / milestone',
        'scope: annual / cumulative / point_in_time / per_unit / milestone',
      ),
      col('comparator', 'VARCHAR', '比较方式：>= / > / ~ / =', 'comparator: >= / > / ~ / ='),
      col('value', 'DOUBLE', '目标值', 'target value'),
      col('value_max', 'DOUBLE', '目标上限（区间目标）', 'upper value of a range'),
      col('unit', 'VARCHAR', '单位', 'unit'),
      col('per_unit', 'VARCHAR', '计量单元（按单元目标）', 'unit of count (per-unit targets)'),
      col('deadline', 'INTEGER', '完成年份', 'deadline year'),
      col('lead_units', 'VARCHAR', '牵头单位（顿号分隔）', 'lead units (separated by 、)'),
      col('text', 'VARCHAR', '原文', 'source text'),
    ],
  },
  {
    name: 'fact_value',
    doc: {
      zh: '已审核的指标值：每个区划、单位、报告期、指标（及分组）一行',
      en: 'approved indicator values: one row per region, unit, period, indicator (and breakdown)',
    },
    regionColumn: 'region_code',
    partitioned: true,
    columns: [
      ASSIGNMENT_ID,
      REGION_CODE,
      PROVINCE_CODE,
      YEAR,
      PERIOD,
      codeCol('period_type', 'period_type', '期间类型', 'period type'),
      DEPARTMENT,
      FUNCTION_CODE,
      INDICATOR_CODE,
      codeCol(
        'disaggregation',
        'disaggregation',
        '分组（如 targetGroup=youth，多个分组以 & 相连；合计为空串）',
        "breakdown (e.g. targetGroup=youth, several joined by &; '' for the total)",
      ),
      col('value', 'DOUBLE', '数值', 'value'),
      col('approved_at', 'TIMESTAMP', '审核通过时间（UTC，北京时间需加 8 小时）', 'time of approval (UTC)'),
    ],
  },
  {
    name: 'fact_target_value',
    doc: {
      zh: '按目标填报的已审核数值：表单中对应某一目标的字段（里程碑完成为 1、未完成为 0）',
      en: 'approved values reported against a plan target by its own field (a milestone done is 1, not yet 0)',
    },
    regionColumn: 'region_code',
    partitioned: true,
    columns: [
      ASSIGNMENT_ID,
      col('target_id', 'VARCHAR', '目标编号', 'target id'),
      REGION_CODE,
      PROVINCE_CODE,
      YEAR,
      PERIOD,
      DEPARTMENT,
      col('value', 'DOUBLE', '数值', 'value'),
      col('approved_at', 'TIMESTAMP', '审核通过时间（UTC，北京时间需加 8 小时）', 'time of approval (UTC)'),
    ],
  },
  {
    name: 'fact_submission',
    doc: {
      zh: '填报任务及其状态：应报、已报、已审核、逾期',
      en: 'assignments and what became of them: due, submitted, approved, late',
    },
    regionColumn: 'region_code',
    partitioned: true,
    columns: [
      ASSIGNMENT_ID,
      col('form_id', 'VARCHAR', '表单编号', 'form id'),
      col('form_version', 'INTEGER', '表单版本', 'form version'),
      REGION_CODE,
      PROVINCE_CODE,
      YEAR,
      PERIOD,
      DEPARTMENT,
      FUNCTION_CODE,
      col('due_date', 'DATE', '截止日期', 'due date'),
      codeCol(
        'submission_status',
        'status',
        '状态：missing / draft / submitted / returned / approved',
        'status: missing / draft / submitted / returned / approved',
      ),
      col('submitted_at', 'TIMESTAMP', '首次提交时间（UTC）', 'first submitted (UTC)'),
      col('approved_at', 'TIMESTAMP', '审核通过时间（UTC）', 'approved (UTC)'),
      col(
        'late',
        'BOOLEAN',
        '是否逾期（截止日后提交或至今未交）',
        'late (submitted after the due date, or still missing after it)',
      ),
    ],
  },
  {
    name: 'fact_progress',
    doc: {
      zh: '目标进度：每个目标、区划、规划年度的实际值、预期值与状态（往年按年末判定，当年按最新已审核报告期）',
      en:
        'target progress: actual, expected and status per target, region and plan year ' +
        '(past years as of their end, the current year as of the latest approved period)',
    },
    regionColumn: 'region_code',
    partitioned: false,
    columns: [
      col('target_id', 'VARCHAR', '目标编号', 'target id'),
      REGION_CODE,
      col('year', 'INTEGER', '评估年度', 'the year the verdict is for'),
      codeCol('period', 'as_of', '评估所至报告期', 'the period progress is judged at'),
      col(
        'status',
        'VARCHAR',
        '状态：achieved / on_track / at_risk / behind / no_data',
        'status: achieved / on_track / at_risk / behind / no_data',
      ),
      col('actual', 'DOUBLE', '实际值', 'actual'),
      col('expected', 'DOUBLE', '按进度的预期值', 'expected by now'),
      col('rule_zh', 'VARCHAR', '判定依据（中文）', 'the rule that produced the status (Chinese)'),
      col('rule_en', 'VARCHAR', '判定依据（英文）', 'the rule that produced the status (English)'),
      col(
        'flagged',
        'BOOLEAN',
        '判定所用数值中有偏离本单位往期的数值（需核实）',
        'a value the verdict reads is far from its unit’s own history (to check)',
      ),
    ],
  },
];

/** The CREATE TABLE statement of a documented table. */
export function createTableSql(table: TableDoc): string {
  return `CREATE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
}

export const TABLE_NAMES: readonly string[] = WAREHOUSE_TABLES.map((t) => t.name);

/** A documented table's rows as people read them (a CSV file, a sheet): dates and times as text. */
export function tableRowsSql(table: TableDoc): string {
  const column = (c: ColumnDoc) => (/DATE|TIMESTAMP/.test(c.type) ? `CAST(${c.name} AS VARCHAR) AS ${c.name}` : c.name);
  return `SELECT ${table.columns.map(column).join(', ')} FROM ${WH}.${table.name}`;
}
