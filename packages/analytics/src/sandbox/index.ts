export { checkParsedQuery, type QueryProblem } from './check-query.js';
export { Sandbox, SandboxError, type ParquetExport, type SandboxOptions, type SandboxResult, type Scope } from './sandbox.js';
