import { defineConfig } from 'vitest/config';
import { kesuVitest } from '@kesu/vitest-config';

const shared = kesuVitest();
const { include: _include, reporters, ...common } = shared.test ?? {};
const base = { resolve: shared.resolve, ssr: shared.ssr };

// Two projects: unit tests beside the code, and browser journeys against the real server
// (built app, spawned API, headless Chromium), which need long timeouts and run one file at a time.
export default defineConfig({
  ...base,
  test: {
    ...(reporters ? { reporters } : {}),
    projects: [
      { ...base, test: { ...common, name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        ...base,
        test: {
          ...common,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
