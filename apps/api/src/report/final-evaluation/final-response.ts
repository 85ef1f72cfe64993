import type { Lang } from '@kesu/analytics/charts';
import type { Region } from '@kesu/schema';
import { contentDisposition } from '../../http/content-disposition.js';
import { Failure } from '../../http/failure.js';
import { ChromiumMissing } from '../pdf.js';
import type { FinalSources } from './final-data.js';
import { writeFinalEvaluation, type FinalFormat } from './final-evaluation.js';
import { FinalEvaluationRefused, type FinalRefusalCode } from './final-refusal.js';

const STATUS: Record<FinalRefusalCode, 400 | 404 | 409> = { no_plan: 404, year_outside_plan: 400, plan_not_ended: 409 };

/**
 * The final evaluation as the HTTP answer of `/print?kind=final`: Word as a download, HTML and
 * PDF shown in place. What cannot be written is said in the one error shape, never as an empty file.
 */
export async function finalEvaluationResponse(
  sources: FinalSources,
  region: Region,
  options: { year?: number; lang: Lang; format: FinalFormat },
): Promise<Response> {
  let file;
  try {
    file = await writeFinalEvaluation(sources, region, { ...options, now: new Date() });
  } catch (error) {
    if (error instanceof FinalEvaluationRefused)
      throw new Failure(STATUS[error.code], error.code, error.zh, error.en, error.details);
    if (error instanceof ChromiumMissing) {
      throw new Failure(
        503,
        'pdf_unavailable',
        '服务器未安装 Chromium，无法生成 PDF；请改用 Word 或 HTML 格式',
        'Chromium is not installed on the server, so no PDF can be printed; ask for Word or HTML instead',
      );
    }
    throw error;
  }
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(
      options.format === 'docx' ? 'attachment' : 'inline',
      file.fileName,
      `${region.code}-final-evaluation.${options.format}`,
    ),
  };
  if (file.warnings.length > 0)
    headers['x-kesu-warning'] = encodeURIComponent(file.warnings.map((w) => `${w.zh} / ${w.en}`).join('; '));
  return new Response(file.bytes, { status: 200, headers });
}

/** A report of a region outside the user's own region tree: said with the region's name. */
export function outsideScope(region: Region): Failure {
  return new Failure(
    403,
    'forbidden',
    `${region.name}不在您的辖区范围内，无权查看其报告`,
    `${region.name} is outside your region, so you may not see its reports`,
  );
}
