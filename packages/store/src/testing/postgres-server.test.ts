import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('./postgres-server.ts', import.meta.url));

it(
  'leaves how the process ends to the test runner: ' +
    'a process that started and stopped a server ends with its own exit code',
  () => {
    // As vitest does after a failed run: set the exit code, and let the process end by itself.
    const script =
      `const { startTestPostgres } = await import(${JSON.stringify(SERVER)}); ` +
      'const s = await startTestPostgres(); await s.stop(); process.exitCode = 3;';
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    // The server package once ended such a process with code 0, hiding every failed test of a run.
    expect([child.status, child.stderr]).toEqual([3, '']);
  },
  90_000,
);
