import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A source file of the workspace: its path from the workspace root (with `/`) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export const workspaceRoot = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const SKIP = new Set(['node_modules', 'dist', '.turbo', 'coverage']);

/** Every source file below `dir` whose name matches `pattern`, outside installed and built folders. */
export function sourcesIn(dir: string, pattern: RegExp): SourceFile[] {
  return readdirSync(dir).flatMap((entry) => {
    if (SKIP.has(entry)) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourcesIn(full, pattern);
    if (!pattern.test(entry)) return [];
    return [{ path: path.relative(workspaceRoot, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}
