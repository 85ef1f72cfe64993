import path from 'node:path';
import { longLines, MAX_LINE } from './line-length.js';
import { sourcesIn, workspaceRoot } from './workspace-files.js';

// `pnpm check:lines`: fails on any source line longer than the formatter's width, which Prettier
// itself leaves long when it is one string, template or comment.
const files = ['apps', 'packages', 'tooling', 'seeds'].flatMap((dir) =>
  sourcesIn(path.join(workspaceRoot, dir), /\.(ts|vue|mjs|cjs|js|css)$/),
);
const long = longLines(files);
for (const l of long) console.error(`${l.file}:${l.line}: ${l.length} characters (at most ${MAX_LINE})`);
if (long.length > 0) {
  console.error(`line check failed: ${long.length} line(s) over ${MAX_LINE} characters`);
  process.exit(1);
}
console.log(`line check passed: ${files.length} files, no line over ${MAX_LINE} characters`);
