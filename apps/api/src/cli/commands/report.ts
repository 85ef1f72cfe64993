import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { invocationDir } from '../../config.js';
import { ChromiumMissing, printPdf } from '../../report/pdf.js';
import { loadReportData } from '../../report/report-data.js';
import { renderReportHtml } from '../../report/printable-report.js';
import type { Command } from '../command.js';
import { openContext } from './open-context.js';
import { writeFinalReport } from './report-final.js';

export const reportCommand: Command = {
  usage:
    'kesu report --region CODE [--kind progress|final] [--period YYYY] --out FILE ' +
    '[--lang zh|en] [--format html|pdf|docx]',
  summaryZh:
    '生成某地区某年度的可打印进展报告（HTML，图表为 SVG；或经 Chromium 打印为 A4 PDF），或规划期结束后的终期评估（--kind final，另可为 Word）',
  summaryEn:
    'write the printable progress report of a region and year ' +
    '(HTML with SVG charts, or an A4 PDF printed by Chromium), ' +
    'or the final evaluation of an ended plan (--kind final, also as Word)',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        strict: true,
        options: {
          region: { type: 'string' },
          kind: { type: 'string', default: 'progress' },
          period: { type: 'string' },
          out: { type: 'string' },
          lang: { type: 'string', default: 'zh' },
          format: { type: 'string', default: 'html' },
        },
      }));
    } catch (error) {
      io.err(`kesu report: ${(error as Error).message}\n`);
      return 2;
    }
    const { region, kind, period, out, lang, format } = values;
    if (!region || !/^\d{6}$/.test(region))
      return usage(io, '--region 须为六位行政区划代码 / --region must be a six-digit region code');
    if (kind !== 'progress' && kind !== 'final')
      return usage(io, '--kind 只能是 progress（进展报告）或 final（终期评估）/ --kind must be progress or final');
    if (kind === 'final') return writeFinalReport({ region, period, out, lang, format }, io);
    if (!period || !/^\d{4}$/.test(period))
      return usage(io, '--period 须为年份，如 2025 / --period must be a year such as 2025');
    if (!out) return usage(io, '缺少 --out 输出文件 / --out FILE is required');
    if (lang !== 'zh' && lang !== 'en') return usage(io, '--lang 只能是 zh 或 en / --lang must be zh or en');
    if (format !== 'html' && format !== 'pdf')
      return usage(
        io,
        '--format 只能是 html 或 pdf（docx 仅用于 --kind final）/ --format must be html or pdf (docx is for --kind final)',
      );
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
      const html = renderReportHtml(data, place, lang, new Date());
      if (format === 'html') {
        writeFileSync(target, html);
        io.out(`已生成报告 / report written: ${target}\n`);
        return 0;
      }
      const { pages } = await printPdf(html, target);
      io.out(`已生成报告 / report written: ${target} (PDF, ${pages} 页 / pages)\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ChromiumMissing)) throw error;
      io.err(
        `kesu report: 找不到 Chromium（${error.executable}），无法生成 PDF；` +
          `请安装 chromium 与 fonts-noto-cjk，或用 KESU_CHROMIUM 指定路径，或改用 --format html\n` +
          `kesu report: Chromium not found at ${error.executable}, so no PDF can be printed; ` +
          `install chromium and fonts-noto-cjk, point KESU_CHROMIUM at it, or use --format html\n`,
      );
      return 1;
    } finally {
      await ctx.close();
    }
  },
};

function usage(io: { err: (t: string) => void }, reason: string): number {
  io.err(`kesu report: ${reason}\n`);
  return 2;
}
