import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { invocationDir } from '../../config.js';
import type { Command } from '../command.js';
import { progressBar } from '../progress.js';
import { openContext } from './open-context.js';

const FORMATS = ['parquet', 'csv', 'xlsx'] as const;

export const exportCommand: Command = {
  usage: 'kesu export --format parquet|csv|xlsx [--out DIR]',
  summaryZh: '导出数据仓库：Parquet 数据湖（默认 data/lake）、CSV 文件或 Excel 工作簿',
  summaryEn: 'export the warehouse: the Parquet lake (data/lake unless --out), CSV files or an Excel workbook',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        strict: true,
        options: { format: { type: 'string' }, out: { type: 'string' } },
      }));
    } catch (error) {
      io.err(`kesu export: ${(error as Error).message}\n`);
      return 2;
    }
    const format = values.format as (typeof FORMATS)[number] | undefined;
    if (!format || !FORMATS.includes(format)) {
      io.err(`kesu export: --format 须为 ${FORMATS.join('、')} 之一 / --format must be one of ${FORMATS.join(', ')}\n`);
      return 2;
    }
    const out = values.out ? path.resolve(invocationDir(), values.out) : null;
    if (out && existsSync(out)) {
      io.err(`kesu export: 输出目录已存在 / output folder exists: ${out}\n`);
      return 1;
    }
    if (!out && format !== 'parquet') {
      io.err('kesu export: CSV 与 Excel 需要 --out 目录 / csv and xlsx need --out DIR\n');
      return 2;
    }
    const ctx = await openContext();
    try {
      const { lake } = await ctx.analytics.build({
        onStep: progressBar(io, '数据仓库 warehouse'),
        onLakeStep: progressBar(io, '数据湖 lake'),
      });
      if (format === 'parquet') {
        // The copy takes the generation as it is, links resolved, so it stands on its own.
        if (out) cpSync(lake.generation, out, { recursive: true, dereference: true });
        io.out(
          `已导出 Parquet 数据湖 / Parquet lake written: ${out ?? path.join(ctx.dataDir, 'lake')} (${lake.rows} 行 rows)\n`,
        );
        return 0;
      }
      const files = await ctx.analytics.exportTables(out as string, format, progressBar(io, format.toUpperCase()));
      io.out(`已导出 / written:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
