import path from 'node:path';
import { parseArgs } from 'node:util';
import { Sandbox, SandboxError } from '@kesu/analytics';
import { storeFile } from '../../config.js';
import type { Command, Output } from '../command.js';

function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function printTable(io: Output, columns: string[], rows: unknown[][]): void {
  const cells = [
    columns,
    ...rows.map((r) => r.map((v) => (v === null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v)))),
  ];
  const widths = columns.map((_, i) => Math.min(40, Math.max(...cells.map((r) => String(r[i] ?? '').length))));
  for (const [n, row] of cells.entries()) {
    io.out(
      `${row
        .map((v, i) =>
          String(v)
            .slice(0, 40)
            .padEnd(widths[i] ?? 0),
        )
        .join(' | ')}\n`,
    );
    if (n === 0) io.out(`${widths.map((w) => '-'.repeat(w)).join('-+-')}\n`);
  }
}

export const sqlCommand: Command = {
  usage: 'kesu sql "SELECT …" [--scope CODE] [--format table|csv|json]',
  summaryZh: '对数据湖执行只读 SQL（与网页相同的沙箱；--scope 限定行政区划）',
  summaryEn: 'run read-only SQL over the lake (the same sandbox as the web; --scope limits the region tree)',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        strict: true,
        allowPositionals: true,
        options: { scope: { type: 'string' }, format: { type: 'string', default: 'table' } },
      });
    } catch (error) {
      io.err(`kesu sql: ${(error as Error).message}\n`);
      return 2;
    }
    const { positionals, values } = parsed;
    if (positionals.length !== 1) {
      io.err('kesu sql: 需要一条查询，用引号括起 / give one query, in quotes\n');
      return 2;
    }
    if (!['table', 'csv', 'json'].includes(values.format)) {
      io.err(`kesu sql: --format 只能是 table、csv 或 json / --format must be table, csv or json\n`);
      return 2;
    }
    if (values.scope !== undefined && !/^\d{6}$/.test(values.scope)) {
      io.err('kesu sql: --scope 须为六位行政区划代码 / --scope must be a six-digit region code\n');
      return 2;
    }
    const sandbox = await Sandbox.open({ dataDir: path.dirname(storeFile()) });
    try {
      const result = await sandbox.query(positionals[0] as string, values.scope ?? null);
      const columns = result.columns.map((c) => c.name);
      if (values.format === 'json')
        io.out(`${JSON.stringify(result.rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))))}\n`);
      else if (values.format === 'csv')
        io.out([columns, ...result.rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
      else printTable(io, columns, result.rows);
      io.err(
        `${result.rows.length} 行 rows${result.truncated ? '（已截断 truncated）' : ''}, ${Math.round(result.ms)} ms\n`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      const where = error.problems[0]?.position;
      const position = where === null || where === undefined ? '' : ` (位置 position ${where})`;
      io.err(`kesu sql: ${error.zh} / ${error.en}${position}\n`);
      return 1;
    } finally {
      sandbox.close();
    }
  },
};
