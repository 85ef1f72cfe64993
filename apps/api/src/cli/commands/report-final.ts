import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { invocationDir } from '../../config.js';
import {
  FINAL_FORMATS,
  writeFinalEvaluation,
  type FinalFormat,
} from '../../report/final-evaluation/final-evaluation.js';
import { FinalEvaluationRefused } from '../../report/final-evaluation/final-refusal.js';
import { ChromiumMissing } from '../../report/pdf.js';
import type { Output } from '../command.js';
import { openContext } from './open-context.js';

export interface FinalReportArgs {
  region: string;
  period: string | undefined;
  out: string | undefined;
  lang: string | undefined;
  format: string | undefined;
}

function refuse(io: Output, zh: string, en: string, code: number): number {
  io.err(`kesu report: ${zh}\nkesu report: ${en}\n`);
  return code;
}

/**
 * `kesu report --kind final`: the final evaluation of the region's ended plan as Word, HTML or PDF.
 * `--period` is optional and picks the plan whose term holds that year.
 */
export async function writeFinalReport(args: FinalReportArgs, io: Output): Promise<number> {
  const { region, period, out, lang, format } = args;
  if (period !== undefined && !/^\d{4}$/.test(period))
    return refuse(
      io,
      '--period 须为年份，如 2025（终期评估可省略，默认为规划期最后一年）',
      '--period must be a year such as 2025 (optional for the final evaluation: the plan’s last year)',
      2,
    );
  if (!out) return refuse(io, '缺少 --out 输出文件', '--out FILE is required', 2);
  if (lang !== 'zh' && lang !== 'en') return refuse(io, '--lang 只能是 zh 或 en', '--lang must be zh or en', 2);
  if (!(FINAL_FORMATS as readonly string[]).includes(format ?? ''))
    return refuse(
      io,
      '终期评估的 --format 只能是 docx、html 或 pdf',
      'the final evaluation’s --format must be docx, html or pdf',
      2,
    );
  const ctx = await openContext();
  try {
    const place = ctx.regions.get(region);
    if (!place) return refuse(io, `行政区划代码不存在：${region}`, `no region with code ${region}`, 1);
    await ctx.analytics.build();
    const started = performance.now();
    const file = await writeFinalEvaluation(ctx, place, {
      lang,
      format: format as FinalFormat,
      now: new Date(),
      ...(period === undefined ? {} : { year: Number(period) }),
    });
    const target = path.resolve(invocationDir(), out);
    writeFileSync(target, file.bytes);
    for (const warning of file.warnings) io.err(`kesu report: ${warning.zh}\nkesu report: ${warning.en}\n`);
    const pages = file.pages === null ? '' : `, ${file.pages} 页 / pages`;
    io.out(
      `已生成终期评估 / final evaluation written: ${target} ` +
        `(${format}${pages}, ${Math.round(performance.now() - started)} ms)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof FinalEvaluationRefused) {
      const hint =
        error.code === 'plan_not_ended'
          ? `\nkesu report: 进展报告 / the progress report: ` +
            `kesu report --region ${region} --kind progress --period YYYY --out FILE`
          : '';
      return refuse(io, error.zh, `${error.en}${hint}`, 1);
    }
    if (error instanceof ChromiumMissing) {
      return refuse(
        io,
        `找不到 Chromium（${error.executable}），无法生成 PDF；` +
          `请安装 chromium 与 fonts-noto-cjk，或用 KESU_CHROMIUM 指定路径，或改用 --format docx / html`,
        `Chromium not found at ${error.executable}, so no PDF can be printed; ` +
          `install chromium and fonts-noto-cjk, point KESU_CHROMIUM at it, or use --format docx or html`,
        1,
      );
    }
    throw error;
  } finally {
    await ctx.close();
  }
}
