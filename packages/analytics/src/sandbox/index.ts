export { analyseParsedQuery, type QueryAnalysis, type QueryProblem } from './check-query.js';
export { DUCKDB_ERROR_CODES, readDuckDbError, translateDuckDbError, type DuckDbError, type DuckDbErrorCode, type ErrorWords } from './duckdb-errors.js';
export { Sandbox, SandboxError, type ParquetExport, type SandboxOptions, type SandboxResult, type Scope } from './sandbox.js';
