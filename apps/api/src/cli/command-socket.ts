import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as z from 'zod';
import type { AppContext } from '../context.js';
import { runServed } from '../invocation.js';
import type { Output } from './command.js';

/**
 * While `kesu serve` holds the embedded database (one process may open the file), the other
 * `kesu` commands send it their arguments over a Unix socket in the data folder; it runs them in
 * its own process, on its open store, and sends back what they print, line by line as JSON:
 * `{"out": text}`, `{"err": text}`, and last `{"exit": code}`.
 */

/** Runs one `kesu` command line: `runCli`, handed in (it is what lists the commands, serve among them). */
export type RunCommand = (argv: string[], io: Output) => Promise<number>;

/** The socket a running server takes commands on, in the data folder it serves. */
export const commandSocketFile = (dataDir: string): string => path.join(dataDir, 'kesu.sock');

/** What a `kesu` process asks for, as one JSON line: its arguments, its folder, its standard input. */
const CommandRequest = z.object({
  argv: z.array(z.string()),
  cwd: z.string().refine((dir) => path.isAbsolute(dir)),
  stdin: z.string().optional(),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

type Reply = { out: string } | { err: string } | { exit: number };

/** A request is a command line, a folder and at most a password: far below this. */
const REQUEST_LIMIT = 1 << 20;
/** A connection that has not sent its request by then is dropped (it would hold up a shutdown). */
const REQUEST_WAIT_MS = 10_000;

export interface CommandSocket {
  file: string;
  /** Takes no more commands, waits for those running, and removes the socket file. */
  close: () => Promise<void>;
}

/** Listens for commands on `<dataDir>/kesu.sock`, which only the data folder's owner may use. */
export async function listenForCommands(ctx: AppContext, run: RunCommand): Promise<CommandSocket> {
  const file = commandSocketFile(ctx.dataDir);
  // This process holds the database, so no other server listens here: a file left is a killed server's.
  rmSync(file, { force: true });
  const server = createServer((socket) => void serveConnection(socket, ctx, run));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Owner-only from the moment it exists: whoever can connect can run any command on the data.
    // (The socket is bound within listen(), so the mask is back before anything else runs.)
    const umask = isMainThread ? process.umask(0o177) : null;
    try {
      server.listen(file, () => {
        server.off('error', reject);
        resolve();
      });
    } finally {
      if (umask !== null) process.umask(umask);
    }
  });
  chmodSync(file, 0o600);
  return {
    file,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(file, { force: true });
          resolve();
        });
      }),
  };
}

async function serveConnection(socket: Socket, ctx: AppContext, run: RunCommand): Promise<void> {
  // A client gone mid-command (Ctrl+C) leaves the command to finish here, as an HTTP request would.
  socket.on('error', () => undefined);
  const send = (reply: Reply) => {
    if (socket.writable) socket.write(`${JSON.stringify(reply)}\n`);
  };
  const line = await readLine(socket);
  // Connected and left without asking: a probe (is a server running?).
  if (line === null) return void socket.end();
  const request = parseRequest(line);
  if (!request) {
    send({ err: 'kesu: 无法识别的请求 / not a command request\n' });
    return void socket.end(`${JSON.stringify({ exit: 2 })}\n`);
  }
  let code: number;
  try {
    code = await runServed({ cwd: request.cwd, ctx }, () =>
      run(request.argv, {
        out: (text) => send({ out: text }),
        err: (text) => send({ err: text }),
        stdin: async () => request.stdin ?? '',
      }),
    );
  } catch (error) {
    send({ err: `kesu: ${(error as Error).message}\n` });
    code = 1;
  }
  socket.end(`${JSON.stringify({ exit: code })}\n`);
}

function parseRequest(line: string): CommandRequest | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const request = CommandRequest.safeParse(json);
  // The client never sends a database URL: it would change this server's environment.
  if (!request.success || request.data.argv.some((a) => a === '--database-url' || a.startsWith('--database-url=')))
    return null;
  return request.data;
}

/** The first line a client sends; null when it sends none (closes, sends too much, or waits too long). */
function readLine(socket: Socket): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    const done = (line: string | null) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.setTimeout(0);
      resolve(line);
    };
    const onData = (chunk: string) => {
      text += chunk;
      const at = text.indexOf('\n');
      if (at >= 0) done(text.slice(0, at));
      else if (text.length > REQUEST_LIMIT) done(null);
    };
    const onEnd = () => done(null);
    socket.setEncoding('utf8');
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.setTimeout(REQUEST_WAIT_MS, () => {
      done(null);
      socket.destroy();
    });
  });
}

/**
 * Asks the server listening on `file` to run a command line and prints what it prints, as it
 * comes; returns its exit code, or null when no server listens there (no socket, or one left by
 * a server that was killed: the command then opens the database itself).
 */
export function forwardCommand(file: string, request: CommandRequest, io: Output): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = createConnection(file);
    let connected = false;
    let exit: number | null = null;
    let pending = '';
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      pending += chunk;
      for (let at = pending.indexOf('\n'); at >= 0; at = pending.indexOf('\n')) {
        const reply = JSON.parse(pending.slice(0, at)) as Partial<Record<'out' | 'err', string>> & { exit?: number };
        pending = pending.slice(at + 1);
        if (reply.out !== undefined) io.out(reply.out);
        if (reply.err !== undefined) io.err(reply.err);
        if (reply.exit !== undefined) exit = reply.exit;
      }
    });
    // Before connecting: nothing listens. After: the close that follows says how it ended.
    socket.on('error', () => {
      if (!connected) resolve(null);
    });
    socket.on('close', () => {
      if (!connected) return;
      if (exit === null) io.err('kesu: 服务在命令完成前停止了 / the server stopped before the command finished\n');
      resolve(exit ?? 1);
    });
  });
}

/** Whether a server listens on `file` (connects, and leaves without asking anything). */
export function serverListens(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(file);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
