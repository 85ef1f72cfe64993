import * as z from 'zod';
import { beijingToday, type Instant } from './time/beijing-time.js';

/** What names a downloaded query result: the saved query's title (the saved query's own limit). */
export const ResultTitle = z.string().trim().max(120).meta({
  label: '查询名称',
  labelEn: 'Query title',
  description: 'names the downloaded file; 查询结果 when the query is not saved',
});

/** Characters Windows, macOS or a browser refuse in a file name, control characters among them. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu;

/**
 * The name of a downloaded query result, the same for the browser's CSV and the server's XLSX and
 * Parquet: the saved query's title, or 「查询结果」 for a query not saved, and the day in Beijing.
 * @example resultFileName('各市培训人次', 'xlsx', '2026-12-04T17:30:00Z') // '各市培训人次-2026-12-05.xlsx'
 */
export function resultFileName(title: string | null | undefined, extension: string, now: Instant = Date.now()): string {
  const base = (title ?? '').replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return `${base === '' ? '查询结果' : base}-${beijingToday(now)}.${extension}`;
}
