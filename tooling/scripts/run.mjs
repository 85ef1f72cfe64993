#!/usr/bin/env node
// `npm start` and `npm test` on a machine that has only Node 20 and npm: bring the pinned pnpm,
// install the workspace, then hand over to turbo. Plain Node, because nothing is installed yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { packageManager } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) {
    console.error(`kesu: could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs the pinned pnpm through npm's cache: the first run fetches it, later runs reuse it. */
function pnpm(...args) {
  run('npm', ['exec', '--yes', `--package=${packageManager}`, '--', 'pnpm', ...args]);
}

/**
 * Runs the pinned pnpm as a lasting child (the server) and, once it answers its health check,
 * says how long `npm start` took to get there; exits with the child.
 */
function serveAndTime(...args) {
  const child = spawn('npm', ['exec', '--yes', `--package=${packageManager}`, '--', 'pnpm', ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  child.on('error', (error) => {
    console.error(`kesu: could not run npm: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const health = `http://127.0.0.1:${process.env.PORT ?? '8080'}/api/v1/health`;
  const poll = async () => {
    while (child.exitCode === null) {
      try {
        if ((await globalThis.fetch(health)).ok) {
          const seconds = Math.round(process.uptime());
          console.log(`就绪，用时 ${seconds} 秒 / ready in ${seconds} s`);
          return;
        }
      } catch {
        // Not listening yet.
      }
      await sleep(250);
    }
  };
  void poll();
}

const results = path.join(root, 'test-results', 'vitest');

/** Tests run on PostgreSQL say so in a surrounding describe (`on postgres`, `… PostgreSQL`). */
function passedOnPostgres(summary) {
  const tests = summary.testResults.flatMap((file) => file.assertionResults);
  return tests.filter((t) => t.status === 'passed' && t.ancestorTitles.some((title) => /postgres/i.test(title))).length;
}

/** Adds up the per-package vitest summaries into the one closing line CI reads. */
function printTotals() {
  const files = existsSync(results) ? readdirSync(results).filter((f) => f.endsWith('.json')) : [];
  let passed = 0;
  let failed = 0;
  let onPostgres = 0;
  for (const file of files) {
    const summary = JSON.parse(readFileSync(path.join(results, file), 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    onPostgres += passedOnPostgres(summary);
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed (${onPostgres} of them passed on PostgreSQL)`);
}

/** Points git at the project's hooks (the commit-message check) when this is a git checkout. */
function useProjectHooks() {
  if (existsSync(path.join(root, '.git')))
    spawnSync('git', ['config', 'core.hooksPath', 'tooling/git-hooks'], { cwd: root });
}

const steps = {
  start() {
    useProjectHooks();
    pnpm('install', '--prefer-offline');
    pnpm('exec', 'turbo', 'run', 'build', '--output-logs=errors-only');
    serveAndTime('--filter', '@kesu/api', 'run', 'start');
  },
  test() {
    useProjectHooks();
    // Browser tests need Debian's Chromium and CJK fonts (apt-get, once per machine).
    run(process.execPath, [path.join(root, 'tooling', 'scripts', 'ensure-browser.mjs')]);
    pnpm('install', '--prefer-offline');
    pnpm('run', 'check');
    rmSync(results, { recursive: true, force: true });
    pnpm('exec', 'turbo', 'run', 'test', '--concurrency=1');
    printTotals();
  },
};

const step = steps[process.argv[2]];
if (!step) {
  console.error(`usage: node tooling/scripts/run.mjs ${Object.keys(steps).join('|')}`);
  process.exit(2);
}
step();
