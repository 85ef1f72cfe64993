import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { analyseParsedQuery, type QueryAnalysis, type QueryProblem } from './check-query.js';
import { byteToCharOffset, codePointToCharOffset } from './positions.js';
import { SandboxError } from './sandbox-error.js';

/** Whose rows a query may read: a region tree, or the whole country (null). */
export type Scope = string | null;

const REGION_CODE = /^\d{6}$/;

/**
 * Reads a query with DuckDB's own parser and applies the sandbox's rules, without running it:
 * its database has no tables and reads no files, so checking is safe wherever it happens.
 */
export class QueryChecker {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Every function name the engine knows, allowed or not. */
    private readonly functions: ReadonlySet<string>,
  ) {}

  static async open(): Promise<QueryChecker> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
    const functions = new Set(
      (await connection.runAndReadAll('SELECT DISTINCT lower(function_name) FROM duckdb_functions()'))
        .getRows()
        .map((r) => String(r[0])),
    );
    return new QueryChecker(instance, connection, functions);
  }

  /**
   * The problems DuckDB's parser and the rules find in a query. Positions are offsets into the
   * text as JavaScript counts it (DuckDB reports a parse error in code points and a node of the
   * tree in UTF-8 bytes; a 汉字 before the problem would shift either).
   */
  async check(sql: string): Promise<QueryProblem[]> {
    return (await this.analyse(sql)).problems;
  }

  private async analyse(sql: string): Promise<QueryAnalysis> {
    const reader = await this.connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
    const analysis = analyseParsedQuery(String(reader.getRows()[0]?.[0]), this.functions);
    return {
      tables: analysis.tables,
      problems: analysis.problems.map((p) => ({
        ...p,
        position:
          p.position === null
            ? null
            : p.code === 'syntax'
              ? codePointToCharOffset(sql, p.position)
              : byteToCharOffset(sql, p.position),
      })),
    };
  }

  /** Refuses a bad scope and any query with a problem; the tables the query reads. */
  async refuseUnsafe(sql: string, scope: Scope): Promise<string[]> {
    if (scope !== null && !REGION_CODE.test(scope))
      throw new SandboxError('bad_scope', '权限范围不是有效的行政区划代码', 'the scope is not a region code');
    const { problems, tables } = await this.analyse(sql);
    if (problems.length > 0) {
      const first = problems[0] as QueryProblem;
      throw new SandboxError(first.code, first.message, first.messageEn, problems);
    }
    return tables;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
