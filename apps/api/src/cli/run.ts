import { openStore } from '@kesu/store';
import { storeFile } from '../config.js';
import { loadSeeds } from '../seed.js';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Command {
  usage: string;
  summaryZh: string;
  summaryEn: string;
  run: (args: string[], io: Output) => Promise<number>;
}

const HELP_FLAGS = new Set(['-h', '--help', 'help']);

const COMMANDS: Record<string, Command> = {
  'demo seed': {
    usage: 'kesu demo seed',
    summaryZh: '创建数据库并载入区划、部门、指标目录和五个种子方案',
    summaryEn: 'create the database and load the region, department and indicator registries and the five seed plans',
    run: async (args, io) => {
      if (args.length > 0) {
        io.err(`kesu demo seed: 不接受参数 / takes no arguments: ${args.join(' ')}\n`);
        return 2;
      }
      const file = storeFile();
      const store = await openStore(file);
      try {
        const s = await loadSeeds(store);
        io.out(
          [
            `数据库 / database: ${file} (schema v${s.schemaVersion})`,
            `  行政区划 regions:            ${s.regions}`,
            `  部门职能 department functions: ${s.departmentFunctions}`,
            `  指标目录 indicators:          ${s.indicators}`,
            `  方案文件 plan documents:      ${s.planDocuments}`,
            '',
          ].join('\n'),
        );
        return 0;
      } finally {
        store.close();
      }
    },
  },
};

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(28)} ${c.summaryZh}\n  ${''.padEnd(28)} ${c.summaryEn}`);
  return ['科素 Kesu — 全民科学素质行动规划实施监测 / science-literacy plan monitoring', '', '用法 / usage:', ...lines, ''].join('\n');
}

/** Runs one `kesu` command; returns the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function runCli(argv: string[], io: Output): Promise<number> {
  if (argv.length === 0 || HELP_FLAGS.has(argv[0] as string)) {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const name = Object.keys(COMMANDS).find((key) => argv.slice(0, key.split(' ').length).join(' ') === key);
  if (!name) {
    io.err(`kesu: 未知命令 / unknown command: ${argv.join(' ')}\n运行 kesu --help 查看可用命令 / run kesu --help for the commands\n`);
    return 2;
  }
  const command = COMMANDS[name] as Command;
  const rest = argv.slice(name.split(' ').length);
  if (rest.some((a) => HELP_FLAGS.has(a))) {
    io.out(`${command.usage}\n  ${command.summaryZh}\n  ${command.summaryEn}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.err(`kesu ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
