import path from 'node:path';

/**
 * The folder a relative path given on the command line is relative to: the shell's folder,
 * even when the command was started through `pnpm kesu` from the workspace root.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['INIT_CWD'] ?? process.cwd();
}

/** The data folder: `KESU_DATA_DIR`, default `./data`, holding `kesu.duckdb` and the warehouse. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(invocationDir(env), env['KESU_DATA_DIR'] ?? 'data');
}

export function storeFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'kesu.duckdb');
}
