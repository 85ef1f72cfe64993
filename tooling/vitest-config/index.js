import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root: the nearest folder up from here holding pnpm-workspace.yaml. */
function workspaceRoot(from) {
  let dir = from;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * The global setup that starts one throw-away PostgreSQL for a package's whole run (the store's
 * own script, by path: a global setup is loaded before workspace packages resolve to source).
 */
export const POSTGRES_SETUP = path.join(
  workspaceRoot(path.dirname(fileURLToPath(import.meta.url))),
  'packages',
  'store',
  'src',
  'testing',
  'global-setup.ts',
);

/**
 * Shared vitest settings: tests sit beside the code as `*.test.ts`, workspace packages resolve
 * to their TypeScript source, and a test that writes to the console fails.
 * @example export default defineConfig(kesuVitest())
 */
export function kesuVitest(overrides = {}) {
  return {
    resolve: { conditions: ['@kesu/source'] },
    ssr: { resolve: { conditions: ['@kesu/source'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: [fileURLToPath(new URL('./fail-on-console.js', import.meta.url))],
      // Each package leaves a JSON summary so `npm test` can print one closing count.
      reporters: [
        'default',
        [
          'json',
          {
            outputFile: path.join(
              workspaceRoot(process.cwd()),
              'test-results',
              'vitest',
              `${path.basename(process.cwd())}.json`,
            ),
          },
        ],
      ],
      ...overrides,
    },
  };
}
