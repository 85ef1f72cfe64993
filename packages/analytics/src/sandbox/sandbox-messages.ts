import type { QueryProblem } from './check-query.js';
import type { Scope } from './query-checker.js';
import type { SandboxResult } from './sandbox.js';
import type { SandboxErrorCode } from './sandbox-error.js';

/** What the server asks of a sandbox process. */
export type ParentRequest =
  { kind: 'query' | 'export'; id: number; sql: string; scope: Scope } | { kind: 'cancel'; id: number };

/** A Parquet export as a sandbox process wrote it: the server streams the file and removes its folder. */
export interface WrittenExport {
  file: string;
  rows: number;
  truncated: boolean;
}

/** What a sandbox process answers. */
export type ChildAnswer =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; result: SandboxResult | WrittenExport }
  | { kind: 'failed'; id: number; error: { code: SandboxErrorCode; zh: string; en: string; problems: QueryProblem[] } };
