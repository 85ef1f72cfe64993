import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, WEB_DIR } from '../support/paths';
import { run, startServer } from '../support/server';

/** The newest modification time under a path (a file or a folder, node_modules skipped). */
function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(target)
      .filter((n) => n !== 'node_modules' && n !== 'dist')
      .map((n) => newest(path.join(target, n))),
  );
}

/**
 * Builds the web app unless dist is newer than every source it
 * is made from (the schema's and the chart builders' too).
 */
function buildIfStale() {
  const built = newest(path.join(WEB_DIR, 'dist', 'index.html'));
  const packages = [
    path.join(ROOT, 'packages', 'schema', 'src'),
    path.join(ROOT, 'packages', 'analytics', 'src', 'charts'),
  ];
  const sources = [
    path.join(WEB_DIR, 'src'),
    path.join(WEB_DIR, 'index.html'),
    path.join(WEB_DIR, 'vite.config.ts'),
    path.join(WEB_DIR, 'build'),
    path.join(WEB_DIR, 'public'),
    ...packages,
  ];
  if (built > Math.max(...sources.map(newest)) && existsSync(path.join(WEB_DIR, 'dist', '.vite', 'manifest.json')))
    return;
  // Vitest sets NODE_ENV=test, which would make Vite keep development code in the bundle.
  run(path.join(WEB_DIR, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], WEB_DIR, {
    NODE_ENV: 'production',
  });
}

/**
 * Builds the web app if needed and starts the real server with the demo data, as `npm start`
 * would; the tests drive it through Chromium.
 */
export default async function setup(project: TestProject) {
  run(process.execPath, [path.join(ROOT, 'tooling', 'scripts', 'ensure-browser.mjs')], ROOT);
  buildIfStale();
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('logins', server.logins);
  return server.stop;
}
