import type { QueryProblem } from './check-query.js';
import type { DuckDbErrorCode } from './duckdb-errors.js';

export type SandboxErrorCode =
  QueryProblem['code'] | DuckDbErrorCode | 'timeout' | 'cancelled' | 'no_lake' | 'bad_scope' | 'engine_stopped';

/** A refused or failed query: the problems found, each with its position in the text. */
export class SandboxError extends Error {
  constructor(
    readonly code: SandboxErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly problems: QueryProblem[] = [],
  ) {
    super(en);
  }
}

/** A query stopped at its time limit, in the words people see. */
export function timeoutError(timeoutMs: number): SandboxError {
  const seconds = timeoutMs / 1000;
  return new SandboxError(
    'timeout',
    `查询超过 ${seconds} 秒的时间上限，已中止：请加筛选条件或先汇总，缩小查询范围`,
    `the query ran past the ${seconds} s limit and was stopped: filter or aggregate to narrow it down`,
  );
}

export function cancelledError(): SandboxError {
  return new SandboxError('cancelled', '查询已取消', 'the query was cancelled');
}
