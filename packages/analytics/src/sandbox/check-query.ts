import { TABLE_NAMES } from '../warehouse/tables.js';

/** Why a query may not run, with where in the text (a character offset) when DuckDB knows it. */
export interface QueryProblem {
  code: 'syntax' | 'not_a_query' | 'several_statements' | 'qualified_name' | 'unknown_table' | 'table_function' | 'function';
  message: string;
  messageEn: string;
  position: number | null;
}

/** Table functions that read nothing but their arguments. */
const SAFE_TABLE_FUNCTIONS = new Set(['unnest', 'range', 'generate_series']);

/** Scalar functions that read the server's settings or environment rather than the data. */
const DENIED_FUNCTIONS = new Set(['getenv', 'current_setting', 'getvariable', 'set_variable', 'current_schemas', 'current_database', 'current_catalog']);

const ALLOWED_TABLES = new Set(TABLE_NAMES);

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

function positionOf(node: Node): number | null {
  const at = node['query_location'];
  // DuckDB marks a missing location with 2^64 − 1, which JSON.parse turns into an unsafe integer.
  return typeof at === 'number' && Number.isSafeInteger(at) ? at : null;
}

/** The names a node's WITH clause defines, visible in the node and everything below it. */
function cteNames(node: Node): string[] {
  const map = (node['cte_map'] as { map?: Array<{ key: string }> } | undefined)?.map ?? [];
  return map.map((entry) => entry.key.toLowerCase());
}

function tableProblem(node: Node, name: string, visible: Set<string>): QueryProblem | null {
  const catalog = String(node['catalog_name'] ?? '');
  const schema = String(node['schema_name'] ?? '');
  if (catalog !== '' || schema !== '') {
    return { code: 'qualified_name', message: `不能指定库或模式：${[catalog, schema, name].filter(Boolean).join('.')}`, messageEn: `no catalog or schema may be named: ${[catalog, schema, name].filter(Boolean).join('.')}`, position: positionOf(node) };
  }
  const lower = name.toLowerCase();
  if (ALLOWED_TABLES.has(lower) || visible.has(lower)) return null;
  return { code: 'unknown_table', message: `只能查询数据仓库中列出的表，「${name}」不在其中`, messageEn: `only the warehouse's documented tables can be read; "${name}" is not one of them`, position: positionOf(node) };
}

function functionProblem(node: Node): QueryProblem | null {
  const name = String(node['function_name'] ?? '').toLowerCase();
  const qualified = String(node['schema'] ?? '') !== '' || String(node['catalog'] ?? '') !== '';
  if (!qualified && !DENIED_FUNCTIONS.has(name)) return null;
  return { code: 'function', message: `不允许使用函数 ${name}`, messageEn: `the function ${name} is not allowed`, position: positionOf(node) };
}

/** Walks the whole parse tree, with the CTE names in scope at each point. */
function walk(node: unknown, visible: Set<string>, problems: QueryProblem[]): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visible, problems);
    return;
  }
  if (!isNode(node)) return;
  const defined = cteNames(node);
  const scope = defined.length > 0 ? new Set([...visible, ...defined]) : visible;
  const type = node['type'];
  if (type === 'BASE_TABLE') {
    const problem = tableProblem(node, String(node['table_name'] ?? ''), scope);
    if (problem) problems.push(problem);
  } else if (type === 'SHOW_REF' && String(node['table_name'] ?? '') !== '') {
    const problem = tableProblem(node, String(node['table_name']), scope);
    if (problem) problems.push(problem);
  } else if (type === 'TABLE_FUNCTION') {
    const name = String((node['function'] as Node | undefined)?.['function_name'] ?? '').toLowerCase();
    if (!SAFE_TABLE_FUNCTIONS.has(name)) {
      problems.push({ code: 'table_function', message: `不允许使用表函数 ${name}（不能读取文件或系统信息）`, messageEn: `the table function ${name} is not allowed (no files or system information)`, position: positionOf(node) });
    }
  } else if (node['class'] === 'FUNCTION') {
    const problem = functionProblem(node);
    if (problem) problems.push(problem);
  }
  for (const value of Object.values(node)) walk(value, scope, problems);
}

/** What DuckDB's parser made of a query (`json_serialize_sql` output), judged. */
export function checkParsedQuery(serialized: string): QueryProblem[] {
  const parsed = JSON.parse(serialized) as { error: boolean; error_message?: string; error_type?: string; position?: string; statements?: unknown[] };
  if (parsed.error) {
    if (parsed.error_type === 'parser') {
      return [{ code: 'syntax', message: `SQL 语法错误：${parsed.error_message ?? ''}`, messageEn: `SQL syntax error: ${parsed.error_message ?? ''}`, position: parsed.position === undefined ? null : Number(parsed.position) }];
    }
    return [{ code: 'not_a_query', message: '只允许查询（SELECT），不能修改数据、设置或读取文件', messageEn: 'only queries (SELECT) are allowed: no changes, settings or file access', position: 0 }];
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    return [{ code: 'several_statements', message: '一次只能执行一条查询', messageEn: 'run one query at a time', position: null }];
  }
  const problems: QueryProblem[] = [];
  walk(statements[0], new Set(), problems);
  return problems;
}
