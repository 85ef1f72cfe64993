import path from 'node:path';
import { APPROVAL_LEVELS, ApprovalLevel } from '@kesu/schema';
import { isPostgresUrl } from '@kesu/store';
import { servedInvocation } from './invocation.js';

/**
 * The folder a relative path given on the command line is relative to: the shell's folder,
 * even when the command was started through `pnpm kesu` from the workspace root, or run by the
 * server for a `kesu` process elsewhere.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return servedInvocation()?.cwd ?? env['INIT_CWD'] ?? process.cwd();
}

/**
 * The data folder: `KESU_DATA_DIR`, default `./data`, holding `kesu.duckdb` and the warehouse.
 * A command the server runs for another process works on the server's folder, wherever that
 * process ran.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return servedInvocation()?.ctx.dataDir ?? path.resolve(invocationDir(env), env['KESU_DATA_DIR'] ?? 'data');
}

export function storeFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'kesu.duckdb');
}

/**
 * Where the operational database is: `KESU_DATABASE_URL` (a `postgres://` URL, for several API
 * nodes on one PostgreSQL), else the embedded DuckDB file in the data folder.
 */
export function databaseLocation(env: NodeJS.ProcessEnv = process.env): string {
  const url = env['KESU_DATABASE_URL']?.trim();
  if (!url) return storeFile(env);
  if (!isPostgresUrl(url)) {
    // Whatever it is, a password in it is not printed.
    const shown = url.replace(/(\/\/[^/@:\s]*):.*@/, '$1:***@').slice(0, 60);
    throw new Error(
      `KESU_DATABASE_URL：应为 postgres://用户:密码@主机:端口/数据库 形式的地址 / ` +
        `should be a postgres://user:password@host:port/database URL (got "${shown}")`,
    );
  }
  return url;
}

/**
 * The levels at which reports are approved, lowest first: `KESU_APPROVAL_LEVELS`, a comma list
 * of county, prefecture, province (default all three).
 * @example approvalLevelsOf({ KESU_APPROVAL_LEVELS: 'county,province' }) // ['county', 'province']
 */
export function approvalLevelsOf(env: NodeJS.ProcessEnv = process.env): ApprovalLevel[] {
  const text = env['KESU_APPROVAL_LEVELS']?.trim();
  if (!text) return [...APPROVAL_LEVELS];
  const named = text.split(',').map((s) => s.trim());
  const wrong = named.find((n) => !ApprovalLevel.safeParse(n).success);
  if (wrong !== undefined) {
    throw new Error(
      `KESU_APPROVAL_LEVELS：不认识的审核层级「${wrong}」，可选 ${APPROVAL_LEVELS.join(', ')} / ` +
        `unknown approval level "${wrong}"; use ${APPROVAL_LEVELS.join(', ')}`,
    );
  }
  // Kept in the order of the region tree, whatever order they were written in.
  return APPROVAL_LEVELS.filter((l) => named.includes(l));
}

/**
 * The approval level from which data counts in the dashboards and reports:
 * `KESU_COUNT_APPROVED_FROM` (county, prefecture or province; default none: data counts once
 * approved at its first level).
 */
export function countApprovedFromOf(env: NodeJS.ProcessEnv = process.env): ApprovalLevel | null {
  const text = env['KESU_COUNT_APPROVED_FROM']?.trim();
  if (!text) return null;
  const level = ApprovalLevel.safeParse(text);
  if (!level.success) {
    throw new Error(
      `KESU_COUNT_APPROVED_FROM：不认识的审核层级「${text}」，可选 ${APPROVAL_LEVELS.join(', ')} / ` +
        `unknown approval level "${text}"; use ${APPROVAL_LEVELS.join(', ')}`,
    );
  }
  return level.data;
}
