import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { QueryProblem } from './check-query.js';
import { QueryChecker, type Scope } from './query-checker.js';
import type { ParquetExport, SandboxOptions, SandboxResult, SqlRunner } from './sandbox.js';
import { cancelledError, SandboxError, timeoutError } from './sandbox-error.js';
import type { ChildAnswer, ParentRequest, WrittenExport } from './sandbox-messages.js';

export interface SandboxProcessOptions extends SandboxOptions {
  /** How many queries run at once, each in a process of its own. */
  processes?: number;
  /** The most memory (heap and data) one query process may hold, in MiB: enforced by the kernel. */
  memoryMb?: number;
  /** How long a query that does not stop at its time limit or when cancelled is given before its process is killed. */
  killAfterMs?: number;
}

interface Pending {
  resolve: (answer: SandboxResult | WrittenExport) => void;
  reject: (error: SandboxError) => void;
}

/** One sandbox process and the query it runs, if any. */
interface Worker {
  child: ChildProcess;
  /** Handed to a caller, until it gives the process back. */
  busy: boolean;
  /** Settles when the process can take queries; fails if it ends or hangs before. */
  ready: Promise<void>;
  pending: Pending | null;
  /** Why the server ended this process, if it did: the running query fails with this. */
  endedFor: SandboxError | null;
  alive: boolean;
}

/** A process killed by the kernel or ending on its own while it ran a query. */
function engineStopped(): SandboxError {
  const zh = '查询进程意外终止（多半是所需内存超过上限），已重新启动：请缩小查询范围或先汇总再查询';
  const en =
    'the query process stopped unexpectedly (most likely the query needed more memory than allowed) ' +
    'and was restarted: narrow the query down or aggregate first';
  return new SandboxError('engine_stopped', zh, en);
}

const NICER = 10;
/** A process not ready after this long (it opens an empty database) is killed. */
const STARTUP_MS = 30_000;

/**
 * Runs statisticians' SQL in processes of its own, one query per process at a time: the kernel
 * limits each process's memory (an allocation past it fails the query, or ends the process, never
 * the server), a query that will not stop at its limit is killed outright, and the processes run
 * at a lower priority than the server, so reporters' saves do not wait behind statisticians.
 * A process that ended is replaced on the next query. Checking (no query runs) stays in this process.
 */
export class SandboxProcesses implements SqlRunner {
  private readonly workers: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];
  private readonly size: number;
  private readonly memoryMb: number;
  private readonly timeoutMs: number;
  private readonly killAfterMs: number;
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly checker: QueryChecker,
    private readonly options: SandboxProcessOptions,
  ) {
    this.size = options.processes ?? 2;
    this.memoryMb = options.memoryMb ?? 1536;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.killAfterMs = options.killAfterMs ?? 2_000;
  }

  /** Starts every process at once: the first queries then find them ready. */
  static async open(options: SandboxProcessOptions): Promise<SandboxProcesses> {
    const processes = new SandboxProcesses(await QueryChecker.open(), {
      ...options,
      dataDir: path.resolve(options.dataDir),
    });
    for (let i = 0; i < processes.size; i += 1) processes.start();
    return processes;
  }

  check(sql: string): Promise<QueryProblem[]> {
    return this.checker.check(sql);
  }

  async query(sql: string, scope: Scope, signal?: AbortSignal): Promise<SandboxResult> {
    return (await this.run('query', sql, scope, signal)) as SandboxResult;
  }

  async exportParquet(sql: string, scope: Scope, signal?: AbortSignal): Promise<ParquetExport> {
    const written = (await this.run('export', sql, scope, signal)) as WrittenExport;
    return { ...written, remove: () => rmSync(path.dirname(written.file), { recursive: true, force: true }) };
  }

  private async run(
    kind: 'query' | 'export',
    sql: string,
    scope: Scope,
    signal?: AbortSignal,
  ): Promise<SandboxResult | WrittenExport> {
    // Refused here, a query never reaches a process; the process checks again before it runs one.
    await this.checker.refuseUnsafe(sql, scope);
    const worker = await this.take();
    try {
      await worker.ready;
      // Cancelled while it waited for a process: the signal will not fire again.
      if (signal?.aborted) throw cancelledError();
    } catch (error) {
      this.give(worker);
      throw error;
    }
    const id = this.nextId++;
    let killTimer: NodeJS.Timeout | undefined;
    const kill = (why: SandboxError) => {
      worker.endedFor = why;
      worker.child.kill('SIGKILL');
    };
    // The process stops a query at its own limit; this one is for a query that does not stop.
    const deadline = setTimeout(() => kill(timeoutError(this.timeoutMs)), this.timeoutMs + this.killAfterMs);
    const onAbort = () => {
      this.send(worker, { kind: 'cancel', id });
      killTimer = setTimeout(() => kill(cancelledError()), this.killAfterMs);
    };
    signal?.addEventListener('abort', onAbort);
    try {
      return await new Promise<SandboxResult | WrittenExport>((resolve, reject) => {
        worker.pending = { resolve, reject };
        this.send(worker, { kind, id, sql, scope });
      });
    } finally {
      clearTimeout(deadline);
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      worker.pending = null;
      this.give(worker);
    }
  }

  private send(worker: Worker, request: ParentRequest): void {
    if (worker.alive && worker.child.connected) worker.child.send(request);
  }

  /** An idle process, a new one while there are fewer than allowed, or the next one to be free. */
  private take(): Promise<Worker> {
    if (this.closed)
      return Promise.reject(new SandboxError('cancelled', '服务正在关闭', 'the server is shutting down'));
    const idle =
      this.workers.find((w) => w.alive && !w.busy) ?? (this.workers.length < this.size ? this.start() : null);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A process back from its caller goes to the next in line; one that ended is replaced for them. */
  private give(worker: Worker): void {
    worker.busy = false;
    const next = this.waiting.shift();
    if (!next) return;
    const handed = worker.alive ? worker : this.start();
    handed.busy = true;
    next(handed);
  }

  private start(): Worker {
    const child = spawnSandbox(this.options, this.memoryMb);
    let started!: () => void;
    let failed!: (error: SandboxError) => void;
    const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    // Unhandled until someone waits for it.
    ready.catch(() => undefined);
    const worker: Worker = { child, busy: false, ready, pending: null, endedFor: null, alive: true };
    const hung = setTimeout(() => child.kill('SIGKILL'), STARTUP_MS);
    try {
      if (child.pid !== undefined) setPriority(child.pid, NICER);
    } catch {
      // A priority that cannot be lowered leaves the process as it is.
    }
    child.on('message', (answer: ChildAnswer) => {
      if (answer.kind === 'ready') {
        clearTimeout(hung);
        started();
        return;
      }
      const pending = worker.pending;
      if (!pending) return;
      if (answer.kind === 'done') pending.resolve(answer.result);
      else pending.reject(new SandboxError(answer.error.code, answer.error.zh, answer.error.en, answer.error.problems));
    });
    const ended = () => {
      clearTimeout(hung);
      failed(engineStopped());
      worker.alive = false;
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
      worker.pending?.reject(worker.endedFor ?? engineStopped());
    };
    child.on('exit', ended);
    // A process that could not be started has no 'exit' to come.
    child.on('error', () => {
      if (child.pid === undefined) ended();
    });
    this.workers.push(worker);
    return worker;
  }

  close(): void {
    this.closed = true;
    for (const worker of this.workers) worker.child.kill('SIGKILL');
    this.checker.close();
  }
}

/**
 * Starts a sandbox process under a data-size limit (the shell's `ulimit -d`, which the kernel
 * enforces on every allocation DuckDB and V8 make). From the sources (tests, development) the
 * process runs the TypeScript entry through tsx.
 */
function spawnSandbox(options: SandboxOptions, memoryMb: number): ChildProcess {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const entry = fileURLToPath(new URL(`./sandbox-child.${fromSource ? 'ts' : 'js'}`, here));
  const loader = fromSource
    ? ['--conditions=@kesu/source', '--import', pathToFileURL(createRequire(here).resolve('tsx')).href]
    : [];
  // V8's heap is capped well inside the kernel's limit: DuckDB keeps most of the room.
  const heapMb = Math.max(128, Math.floor(memoryMb / 3));
  const argv = [process.execPath, `--max-old-space-size=${heapMb}`, ...loader, entry];
  // DuckDB's own limit sits below the kernel's, so most large queries fail with DuckDB's message.
  const engine: SandboxOptions = {
    ...options,
    memoryLimit: `${Math.floor(memoryMb * 0.6)}MB`,
    threads: options.threads ?? 1,
  };
  return spawn('/bin/sh', ['-c', `ulimit -d ${memoryMb * 1024} && exec "$@"`, 'kesu-sandbox', ...argv], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, KESU_SANDBOX_OPTIONS: JSON.stringify(engine) },
  });
}
