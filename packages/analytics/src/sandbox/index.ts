export { analyseParsedQuery, type QueryAnalysis, type QueryProblem } from './check-query.js';
export {
  DUCKDB_ERROR_CODES,
  readDuckDbError,
  translateDuckDbError,
  type DuckDbError,
  type DuckDbErrorCode,
  type ErrorWords,
} from './duckdb-errors.js';
export { QueryChecker, type Scope } from './query-checker.js';
export { Sandbox, type ParquetExport, type SandboxOptions, type SandboxResult, type SqlRunner } from './sandbox.js';
export { SandboxError, type SandboxErrorCode } from './sandbox-error.js';
export { SandboxProcesses, type SandboxProcessOptions } from './sandbox-processes.js';
