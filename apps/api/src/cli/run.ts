import { dataDir, invocationDir } from '../config.js';
import { servedInvocation } from '../invocation.js';
import type { Command, Output } from './command.js';
import { commandSocketFile, forwardCommand, serverListens, type CommandRequest } from './command-socket.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { demoSeed } from './commands/demo-seed.js';
import { doctorCommand } from './commands/doctor.js';
import { planImport } from './commands/plan-import.js';
import { planAlign } from './commands/plan-align.js';
import { reportCommand } from './commands/report.js';
import { sqlCommand } from './commands/sql.js';
import { warehouseBuild } from './commands/warehouse-build.js';
import { exportCommand } from './commands/export.js';
import { notifyRun } from './commands/notify-run.js';
import { serveCommand } from './commands/serve.js';
import { userAdd } from './commands/user-add.js';

export type { Output } from './command.js';

const HELP_FLAGS = new Set(['-h', '--help', 'help']);

const COMMANDS: Record<string, Command> = {
  serve: serveCommand(runCli),
  'demo seed': demoSeed,
  'plan import': planImport,
  'plan align': planAlign,
  'user add': userAdd,
  backup: backupCommand,
  restore: restoreCommand,
  'warehouse build': warehouseBuild,
  export: exportCommand,
  sql: sqlCommand,
  report: reportCommand,
  'notify run': notifyRun,
  doctor: doctorCommand,
};

/**
 * Commands a running server is never asked to run: serve itself; restore, which replaces the file
 * the server holds and must wait for it to stop; sql, which reads only the lake's files and runs
 * beside a server as it is.
 */
const NOT_SERVED = new Set(['serve', 'restore', 'sql']);

function help(): string {
  const lines = Object.values(COMMANDS).map(
    (c) => `  ${c.usage.padEnd(44)} ${c.summaryZh}\n  ${''.padEnd(44)} ${c.summaryEn}`,
  );
  return [
    '科素 Kesu — 全民科学素质行动规划实施监测 / science-literacy plan monitoring',
    '',
    '用法 / usage:',
    ...lines,
    '',
    '  --database-url postgres://…    使用 PostgreSQL 数据库（同 KESU_DATABASE_URL）/ ' +
      'use a PostgreSQL database (as KESU_DATABASE_URL)',
    '',
  ].join('\n');
}

/**
 * Takes `--database-url URL` (or `--database-url=URL`) from anywhere in the arguments: every
 * command then opens that PostgreSQL database, as with `KESU_DATABASE_URL`.
 */
function takeDatabaseUrl(argv: string[]): { argv: string[]; url?: string } {
  const at = argv.findIndex((a) => a === '--database-url' || a.startsWith('--database-url='));
  if (at < 0) return { argv };
  const arg = argv[at] as string;
  const url = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  return { argv: argv.filter((_, i) => i !== at && !(i === at + 1 && !arg.includes('='))), url: url ?? '' };
}

/** Runs one `kesu` command; returns the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function runCli(given: string[], io: Output): Promise<number> {
  const { argv, url } = takeDatabaseUrl(given);
  if (url !== undefined) {
    if (!url) {
      io.err('kesu: --database-url 需要一个地址 / --database-url needs a URL\n');
      return 2;
    }
    process.env['KESU_DATABASE_URL'] = url;
  }
  if (argv.length === 0 || HELP_FLAGS.has(argv[0] as string)) {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const name = Object.keys(COMMANDS).find((key) => argv.slice(0, key.split(' ').length).join(' ') === key);
  if (!name) {
    io.err(
      `kesu: 未知命令 / unknown command: ${argv.join(' ')}\n运行 kesu --help 查看可用命令 / run kesu --help for the commands\n`,
    );
    return 2;
  }
  const command = COMMANDS[name] as Command;
  const rest = argv.slice(name.split(' ').length);
  if (rest.some((a) => HELP_FLAGS.has(a))) {
    io.out(`${command.usage}\n  ${command.summaryZh}\n  ${command.summaryEn}\n`);
    return 0;
  }
  // Read once, whichever process runs the command (a person may type it slowly: before connecting).
  const stdin = command.readsStdin?.(rest) ? ((await io.stdin?.()) ?? '') : undefined;
  const served = await runByServer(name, { argv, cwd: invocationDir(), ...(stdin === undefined ? {} : { stdin }) }, io);
  if (served !== null) return served;
  try {
    return await command.run(rest, stdin === undefined ? io : { ...io, stdin: async () => stdin });
  } catch (error) {
    io.err(`kesu ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

/**
 * While `kesu serve` holds the embedded database, it runs the command in its own process, the one
 * writer, and this process prints what it prints; null when the command is to run here (on
 * PostgreSQL, which every process may open; with no server; a command never sent to one; or
 * already in the server).
 */
async function runByServer(name: string, request: CommandRequest, io: Output): Promise<number | null> {
  if (servedInvocation()) {
    if (!NOT_SERVED.has(name)) return null;
    io.err(`kesu ${name}: 运行中的服务不代为执行此命令 / a running server does not run this command\n`);
    return 2;
  }
  if (process.env['KESU_DATABASE_URL']?.trim()) return null;
  const socket = commandSocketFile(dataDir());
  if (name === 'restore' && (await serverListens(socket))) {
    io.err(
      `kesu restore: 数据库正被运行中的 kesu serve 使用，请先停止服务再恢复 / ` +
        `a running kesu serve holds the database; stop it before restoring (${dataDir()})\n`,
    );
    return 1;
  }
  return NOT_SERVED.has(name) ? null : forwardCommand(socket, request, io);
}
