import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDemoLogins } from '../../demo/seed-demo.js';
import { startServer } from '../../server.js';
import type { AppContext } from '../../context.js';
import type { Command, Output } from '../command.js';
import { listenForCommands, type CommandSocket, type RunCommand } from '../command-socket.js';
import { openContext } from './open-context.js';

/** `kesu serve`; `runCommand` runs the commands other `kesu` processes send it (see command-socket.ts). */
export const serveCommand = (runCommand: RunCommand): Command => ({
  usage: 'kesu serve [--port 8080] [--host 127.0.0.1]',
  summaryZh: '启动服务（API 与网页在同一端口）',
  summaryEn: 'serve the API and the web app on one port',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        strict: true,
        options: {
          port: { type: 'string', default: process.env['PORT'] ?? '8080' },
          host: { type: 'string', default: '127.0.0.1' },
        },
      }));
    } catch (error) {
      io.err(`kesu serve: ${(error as Error).message}\n`);
      return 2;
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`kesu serve: 端口无效 / bad port: ${values.port}\n`);
      return 2;
    }
    const ctx = await openContext();
    const server = await startServer(ctx, port, values.host);
    const commands = ctx.store.backend === 'duckdb' ? await takeCommands(ctx, runCommand, io) : null;
    // Catch up on changes made while no server ran (commands, a restore).
    ctx.analytics
      .refresh()
      .catch((error: unknown) =>
        io.err(`kesu serve: 数据仓库刷新失败 / warehouse refresh failed: ${(error as Error).message}\n`),
      );
    const logins = readDemoLogins(path.join(ctx.dataDir, 'demo-logins.txt'));
    io.out(
      [
        '',
        `科素 Kesu 已启动 / is running: ${server.url}`,
        `  API 文档 / API docs: ${server.url}/api/docs`,
        ctx.webDir ? '' : '  （网页尚未构建，只提供 API / web app not built: API only）',
        ...(logins.length > 0
          ? [
              '演示账号 / demo log-ins (演示数据 demo data):',
              ...logins.map((l) => `  ${l.role.padEnd(12)} ${l.username.padEnd(12)} ${l.password}`),
            ]
          : []),
        '按 Ctrl+C 停止 / press Ctrl+C to stop',
        '',
      ]
        .filter((l) => l !== '')
        .join('\n') + '\n',
    );
    await new Promise<void>((resolve) => {
      // Commands under way finish before the store closes, as requests do.
      const stop = () => void (commands?.close() ?? Promise.resolve()).then(() => server.close()).then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
});

/**
 * This process is the one writer of the embedded database: the other `kesu` commands send it
 * their work. Without the socket the server still serves; those commands then say it is in use.
 */
async function takeCommands(ctx: AppContext, runCommand: RunCommand, io: Output): Promise<CommandSocket | null> {
  try {
    return await listenForCommands(ctx, runCommand);
  } catch (error) {
    io.err(
      `kesu serve: 无法监听命令套接字，其他 kesu 命令须在服务停止后运行 / ` +
        `cannot listen for commands, other kesu commands must wait for the server to stop: ` +
        `${(error as Error).message}\n`,
    );
    return null;
  }
}
