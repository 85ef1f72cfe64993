import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { API_DIR, ROOT, WEB_DIR } from '../support/paths';
import { freePort } from '@kesu/vitest-config/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Demo user name → password, as `kesu demo seed` wrote them. */
    logins: Record<string, string>;
  }
}

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

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
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

async function waitForHealth(baseUrl: string, child: ChildProcess, log: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `kesu serve did not come up at ${baseUrl}:\n${existsSync(log) ? readFileSync(log, 'utf8').slice(-4000) : ''}`,
  );
}

/**
 * Builds the web app if needed and starts the real server on a free port with its own data folder
 * and the demo data, as `npm start` would; the tests drive it through Chromium.
 */
export default async function setup(project: TestProject) {
  run(process.execPath, [path.join(ROOT, 'tooling', 'scripts', 'ensure-browser.mjs')], ROOT);
  buildIfStale();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kesu-web-'));
  const env = { KESU_DATA_DIR: dataDir };
  const tsx = path.join(API_DIR, 'node_modules', '.bin', 'tsx');
  const cli = path.join(API_DIR, 'src', 'cli', 'main.ts');
  run(tsx, ['--conditions=@kesu/source', cli, 'demo', 'seed'], API_DIR, env);
  const logins = Object.fromEntries(
    readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t').slice(0, 2) as [string, string]),
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = path.join(dataDir, 'serve.log');
  const out = openSync(log, 'a');
  const child = spawn(tsx, ['--conditions=@kesu/source', cli, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: API_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  await waitForHealth(baseUrl, child, log);
  project.provide('baseUrl', baseUrl);
  project.provide('logins', logins);
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
