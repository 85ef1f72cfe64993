import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { invocationDir } from '../../config.js';
import { loadReportData } from '../../report/report-data.js';
import { renderReportHtml, type Lang } from '../../report/printable-report.js';
import type { Command } from '../command.js';
import { openContext } from './open-context.js';

export const reportCommand: Command = {
  usage: 'kesu report --region CODE --period YYYY --out FILE [--lang zh|en]',
  summaryZh: '生成某地区某年度的可打印报告（HTML，图表为 SVG）',
  summaryEn: 'write the printable report of a region and year (HTML with SVG charts)',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({ args, strict: true, options: { region: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string', default: 'zh' } } }));
    } catch (error) {
      io.err(`kesu report: ${(error as Error).message}\n`);
      return 2;
    }
    const { region, period, out, lang } = values;
    if (!region || !/^\d{6}$/.test(region)) return usage(io, '--region 须为六位行政区划代码 / --region must be a six-digit region code');
    if (!period || !/^\d{4}$/.test(period)) return usage(io, '--period 须为年份，如 2025 / --period must be a year such as 2025');
    if (!out) return usage(io, '缺少 --out 输出文件 / --out FILE is required');
    if (lang !== 'zh' && lang !== 'en') return usage(io, '--lang 只能是 zh 或 en / --lang must be zh or en');
    const ctx = await openContext();
    try {
      const place = ctx.regions.get(region);
      if (!place) {
        io.err(`kesu report: 行政区划代码不存在 / no region with code ${region}\n`);
        return 1;
      }
      await ctx.analytics.build();
      const data = await loadReportData(ctx.analytics, region, Number(period));
      const target = path.resolve(invocationDir(), out);
      writeFileSync(target, renderReportHtml(data, place, lang as Lang, new Date()));
      io.out(`已生成报告 / report written: ${target}\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};

function usage(io: { err: (t: string) => void }, reason: string): number {
  io.err(`kesu report: ${reason}\n`);
  return 2;
}
