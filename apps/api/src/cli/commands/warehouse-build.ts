import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { progressBar } from '../progress.js';
import { openContext } from './open-context.js';

export const warehouseBuild: Command = {
  usage: 'kesu warehouse build [--full]',
  summaryZh: '构建数据仓库与 Parquet 数据湖（默认只处理变化部分）',
  summaryEn: 'build the warehouse and the Parquet lake (only what changed unless --full)',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, strict: true, options: { full: { type: 'boolean', default: false } } });
    } catch (error) {
      io.err(`kesu warehouse build: ${(error as Error).message}\n`);
      return 2;
    }
    const ctx = await openContext();
    try {
      const { build, lake } = await ctx.analytics.build({
        full: parsed.values.full,
        onStep: progressBar(io, '数据仓库 warehouse'),
        onLakeStep: progressBar(io, '数据湖 lake'),
      });
      io.out(
        `${build.kind === 'full' ? '全量构建 / full build' : '增量刷新 / incremental refresh'}: ` +
          `${Math.round(build.ms)} ms, ${build.assignments} 个任务 assignments, ${build.valueRows} 个指标值 values, ` +
          `${build.progressRows} 个目标进度 target statuses\n` +
          `数据湖 / lake: ${lake.rows} 行 rows in ` +
          `${lake.manifest.datasets.reduce((n, d) => n + d.files.length, 0)} files, ` +
          `${Math.round(lake.ms)} ms → ${ctx.dataDir}/lake\n`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
