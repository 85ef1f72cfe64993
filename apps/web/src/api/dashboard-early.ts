import { REPORT_IDS, type ReportId } from '@kesu/analytics/charts';
import { reportRows, targetProgress, type ChartDrawing, type TargetProgress } from './analytics';

type ReportAnswer = Awaited<ReturnType<typeof reportRows>>;

/** The dashboard's requests for one region and year, sent before its page's code has loaded. */
export interface EarlyRequests {
  reports: Record<ReportId, Promise<ReportAnswer>>;
  targets: Promise<TargetProgress[]>;
}

let early: { key: string; requests: EarlyRequests } | null = null;

const keyOf = (region: string, year: number, drawing: ChartDrawing) =>
  `${region}|${year}|${drawing.width}|${drawing.lang}`;

/**
 * Sends the dashboard's requests as soon as its address is known: the reports take longer than
 * the page's code, so they travel while it loads. This module is small on purpose; the store and
 * the chart builders stay out of every other page's first download.
 */
export function requestEarly(region: string, year: number, drawing: ChartDrawing): void {
  const reports = Object.fromEntries(
    REPORT_IDS.map((id) => [id, reportRows(id, region, year, drawing)]),
  ) as EarlyRequests['reports'];
  const targets = targetProgress(region, year);
  // Until the page takes them nobody awaits these: a failure is reported when it does.
  for (const request of [...Object.values(reports), targets]) request.catch(() => undefined);
  early = { key: keyOf(region, year, drawing), requests: { reports, targets } };
}

/** The requests sent early for exactly this region, year and drawing, handed over once; null when none were. */
export function takeEarly(region: string, year: number, drawing: ChartDrawing): EarlyRequests | null {
  const taken = early;
  early = null;
  return taken?.key === keyOf(region, year, drawing) ? taken.requests : null;
}
