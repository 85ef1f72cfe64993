import { TABLE_NAMES } from '../warehouse/tables.js';
import { ALLOWED_FUNCTIONS } from './allowed-functions.js';
import { translateDuckDbError, type DuckDbErrorCode } from './duckdb-errors.js';

/** Why a query may not run, with where in the text (a character offset) when DuckDB knows it. */
export interface QueryProblem {
  code:
    | DuckDbErrorCode
    | 'not_a_query'
    | 'several_statements'
    | 'qualified_name'
    | 'unknown_table'
    | 'table_function'
    | 'function';
  message: string;
  messageEn: string;
  position: number | null;
  /** DuckDB's own English words, for a problem DuckDB found. */
  original?: string;
}

/** A query judged: its problems, and the documented tables it reads (each once). */
export interface QueryAnalysis {
  problems: QueryProblem[];
  tables: string[];
}

/** Table functions that read nothing but their arguments. */
const SAFE_TABLE_FUNCTIONS = new Set(['unnest', 'range', 'generate_series']);

/**
 * Functions DuckDB's parser itself names as `main.…` when it rewrites SQL syntax (TRIM(x),
 * SUBSTRING(x FROM 1), EXTRACT, LIKE … ESCAPE, AT TIME ZONE, [1, 2], {'a': 1}): not a qualified
 * name the user wrote, and the same built-ins as unqualified.
 */
const PARSER_REWRITES = new Set([
  'trim',
  'substring',
  'overlay',
  'position',
  'date_part',
  'timezone',
  'like_escape',
  'ilike_escape',
  'not_like_escape',
  'not_ilike_escape',
  'row',
  'struct_pack',
  'map',
  'list_value',
]);

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
    return {
      code: 'qualified_name',
      message: `不能指定库或模式：${[catalog, schema, name].filter(Boolean).join('.')}`,
      messageEn: `no catalog or schema may be named: ${[catalog, schema, name].filter(Boolean).join('.')}`,
      position: positionOf(node),
    };
  }
  const lower = name.toLowerCase();
  if (ALLOWED_TABLES.has(lower) || visible.has(lower)) return null;
  const near = nearestTables(lower);
  const hint =
    near.length === 0
      ? { zh: '', en: '' }
      : { zh: `；您是否要找：${near.join('、')}？`, en: `; did you mean ${near.join(', ')}?` };
  return {
    code: 'unknown_table',
    message: `只能查询数据仓库中列出的表，「${name}」不在其中${hint.zh}`,
    messageEn: `only the warehouse's documented tables can be read; "${name}" is not one of them${hint.en}`,
    position: positionOf(node),
  };
}

/** Edits (insert, delete, replace a character) that turn one name into the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(
        Math.min(
          (previous[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    previous = row;
  }
  return previous[b.length] as number;
}

/**
 * The documented tables a misspelt name most likely meant, as DuckDB suggests candidates: the
 * check refuses an unknown table before DuckDB sees it, so the suggestion is made here.
 */
function nearestTables(name: string): string[] {
  const within = Math.max(2, Math.floor(name.length / 3));
  return TABLE_NAMES.map((t) => ({ t, d: editDistance(name, t) }))
    .filter(({ d }) => d <= within)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ t }) => t);
}

/**
 * A call to a function off the allow-list. A name the engine does not know at all (`known`) is
 * left to the engine, which cannot run it and says which function was probably meant.
 */
function functionProblem(node: Node, known: ReadonlySet<string> | null): QueryProblem | null {
  const name = String(node['function_name'] ?? '').toLowerCase();
  const schema = String(node['schema'] ?? '');
  const catalog = String(node['catalog'] ?? '');
  const qualified =
    (schema !== '' || catalog !== '') && !(schema === 'main' && catalog === '' && PARSER_REWRITES.has(name));
  if (!qualified && (ALLOWED_FUNCTIONS.has(name) || (known !== null && !known.has(name)))) return null;
  return {
    code: 'function',
    message: `不允许使用函数 ${name}`,
    messageEn: `the function ${name} is not allowed`,
    position: positionOf(node),
  };
}

/** Walks the whole parse tree, with the CTE names in scope at each point. */
function walk(node: unknown, visible: Set<string>, found: QueryAnalysis, known: ReadonlySet<string> | null): void {
  const { problems } = found;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visible, found, known);
    return;
  }
  if (!isNode(node)) return;
  const defined = cteNames(node);
  const scope = defined.length > 0 ? new Set([...visible, ...defined]) : visible;
  const type = node['type'];
  if (type === 'BASE_TABLE') {
    const name = String(node['table_name'] ?? '');
    const problem = tableProblem(node, name, scope);
    if (problem) problems.push(problem);
    else if (!scope.has(name.toLowerCase()) && !found.tables.includes(name.toLowerCase()))
      found.tables.push(name.toLowerCase());
  } else if (type === 'SHOW_REF' && String(node['table_name'] ?? '') !== '') {
    const problem = tableProblem(node, String(node['table_name']), scope);
    if (problem) problems.push(problem);
  } else if (type === 'TABLE_FUNCTION') {
    const name = String((node['function'] as Node | undefined)?.['function_name'] ?? '').toLowerCase();
    if (!SAFE_TABLE_FUNCTIONS.has(name)) {
      problems.push({
        code: 'table_function',
        message: `不允许使用表函数 ${name}（不能读取文件或系统信息）`,
        messageEn: `the table function ${name} is not allowed (no files or system information)`,
        position: positionOf(node),
      });
    }
  } else if (node['class'] === 'FUNCTION') {
    const problem = functionProblem(node, known);
    if (problem) problems.push(problem);
  }
  for (const value of Object.values(node)) walk(value, scope, found, known);
}

/** A parse error as the parser words it, in the statisticians' words with DuckDB's kept. */
function syntaxProblem(message: string, position: number | null): QueryProblem {
  const words = translateDuckDbError({
    type: 'Parser',
    message,
    subtype: null,
    name: null,
    entry: null,
    call: null,
    candidates: [],
    position,
  });
  return { code: words.code, message: words.zh, messageEn: words.en, position, original: `Parser Error: ${message}` };
}

/**
 * What DuckDB's parser made of a query (`json_serialize_sql` output), judged, with the tables it
 * reads. `known` names every function the engine has (null: refuse whatever is not allowed).
 */
export function analyseParsedQuery(serialized: string, known: ReadonlySet<string> | null = null): QueryAnalysis {
  const parsed = JSON.parse(serialized) as {
    error: boolean;
    error_message?: string;
    error_type?: string;
    position?: string;
    statements?: unknown[];
  };
  if (parsed.error) {
    if (parsed.error_type === 'parser')
      return {
        problems: [
          syntaxProblem(parsed.error_message ?? '', parsed.position === undefined ? null : Number(parsed.position)),
        ],
        tables: [],
      };
    return {
      problems: [
        {
          code: 'not_a_query',
          message: '只允许查询（SELECT），不能修改数据、设置或读取文件',
          messageEn: 'only queries (SELECT) are allowed: no changes, settings or file access',
          position: 0,
        },
      ],
      tables: [],
    };
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    return {
      problems: [
        {
          code: 'several_statements',
          message: '一次只能执行一条查询',
          messageEn: 'run one query at a time',
          position: null,
        },
      ],
      tables: [],
    };
  }
  const found: QueryAnalysis = { problems: [], tables: [] };
  walk(statements[0], new Set(), found, known);
  return found;
}

/** The problems of a parsed query (`json_serialize_sql` output). */
export const checkParsedQuery = (serialized: string, known: ReadonlySet<string> | null = null): QueryProblem[] =>
  analyseParsedQuery(serialized, known).problems;
