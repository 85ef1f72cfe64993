import { fileURLToPath } from 'node:url';

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
      ...overrides,
    },
  };
}
