import type { Lang } from '@kesu/analytics/charts';
import { FINAL_FORMATS, type FinalFormat, type Region } from '@kesu/schema';
import { pdfPageCount, renderPdf } from '../pdf.js';
import { buildFinalDocument } from './final-content.js';
import { loadFinalEvaluation, type FinalSources } from './final-data.js';
import { renderFinalDocx } from './final-docx.js';
import { renderFinalHtml } from './final-html.js';

// The formats are the print route's query shape; the command line names them from here.
export { FINAL_FORMATS, type FinalFormat };

const CONTENT_TYPES: Record<FinalFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface FinalFile {
  bytes: Uint8Array;
  contentType: string;
  /** `510104-终期评估.docx`: what a download is saved as. */
  fileName: string;
  /** Pages of a PDF (null for the other formats: Word lays its pages out when it opens the file). */
  pages: number | null;
  warnings: Array<{ zh: string; en: string }>;
}

/**
 * The final evaluation of a region's plan in one format. Refuses (FinalEvaluationRefused) a region
 * without a plan, a year outside it, or a plan whose term has not ended.
 */
export async function writeFinalEvaluation(
  sources: FinalSources,
  region: Region,
  options: { year?: number; lang: Lang; format: FinalFormat; now: Date },
): Promise<FinalFile> {
  const data = await loadFinalEvaluation(sources, region, options.year, options.now);
  const doc = buildFinalDocument(data, options.lang, options.now);
  const file = { contentType: CONTENT_TYPES[options.format], fileName: `${doc.fileName}.${options.format}` };
  if (options.format === 'docx') {
    const { bytes, warnings } = await renderFinalDocx(doc);
    return { ...file, bytes, pages: null, warnings };
  }
  const html = renderFinalHtml(doc);
  if (options.format === 'html') return { ...file, bytes: Buffer.from(html), pages: null, warnings: [] };
  const pdf = await renderPdf(html);
  return { ...file, bytes: pdf, pages: pdfPageCount(pdf), warnings: [] };
}
