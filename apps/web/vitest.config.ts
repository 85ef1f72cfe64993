import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { kesuVitest } from '@kesu/vitest-config';

const shared = kesuVitest();
const { include: _include, reporters, ...common } = shared.test ?? {};
const base = { resolve: shared.resolve, ssr: shared.ssr };

// Three projects: unit tests beside the code (components among them, rendered to HTML without a
// browser); the Pinia stores against the real server (spawned API, demo data); and browser journeys
// against it (built app, headless Chromium). The last two share one server per run, need long
// timeouts and run one file at a time.
export default defineConfig({
  ...base,
  test: {
    ...(reporters ? { reporters } : {}),
    projects: [
      { ...base, plugins: [vue()], test: { ...common, name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        ...base,
        test: {
          ...common,
          name: 'stores',
          include: ['test/stores/**/*.test.ts'],
          globalSetup: ['test/stores/global-setup.ts'],
          setupFiles: [...[common.setupFiles ?? []].flat(), 'test/stores/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
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
