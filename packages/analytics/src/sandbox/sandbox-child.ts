/**
 * The process a `SandboxProcesses` starts to run statisticians' SQL: one query at a time, under a
 * data-size limit the kernel enforces, so a query that needs too much memory fails (or ends this
 * process) without touching the server's memory.
 */
import { Sandbox, type SandboxOptions } from './sandbox.js';
import { SandboxError } from './sandbox-error.js';
import type { ChildAnswer, ParentRequest } from './sandbox-messages.js';

const options = JSON.parse(process.env['KESU_SANDBOX_OPTIONS'] ?? '{}') as SandboxOptions;
const opening = Sandbox.open(options);
const running = new Map<number, AbortController>();

function answer(message: ChildAnswer): void {
  process.send?.(message);
}

async function run(request: Extract<ParentRequest, { kind: 'query' | 'export' }>): Promise<void> {
  const controller = new AbortController();
  running.set(request.id, controller);
  try {
    const sandbox = await opening;
    if (request.kind === 'query') {
      answer({
        kind: 'done',
        id: request.id,
        result: await sandbox.query(request.sql, request.scope, controller.signal),
      });
    } else {
      const { file, rows, truncated } = await sandbox.exportParquet(request.sql, request.scope, controller.signal);
      answer({ kind: 'done', id: request.id, result: { file, rows, truncated } });
    }
  } catch (error) {
    const failed =
      error instanceof SandboxError
        ? error
        : new SandboxError('query_failed', '查询出错', 'the query failed', [
            {
              code: 'query_failed',
              message: '查询出错',
              messageEn: 'the query failed',
              position: null,
              original: error instanceof Error ? error.message : String(error),
            },
          ]);
    answer({
      kind: 'failed',
      id: request.id,
      error: { code: failed.code, zh: failed.zh, en: failed.en, problems: failed.problems },
    });
  } finally {
    running.delete(request.id);
  }
}

// Listening before the sandbox opens: a request sent meanwhile waits for it rather than being lost.
process.on('message', (request: ParentRequest) => {
  if (request.kind === 'cancel') running.get(request.id)?.abort();
  else void run(request);
});
// The server went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));
opening.then(
  () => answer({ kind: 'ready' }),
  (error: unknown) => {
    process.stderr.write(`kesu sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
