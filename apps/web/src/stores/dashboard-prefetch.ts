import { acceptHMRUpdate, defineStore } from 'pinia';
import { REPORT_IDS, type ReportId } from '@kesu/analytics/charts';
import { reportRows, targetProgress, type ChartDrawing, type TargetProgress } from '../api/analytics';

type ReportAnswer = Awaited<ReturnType<typeof reportRows>>;

/** The dashboard's requests for one region and year, sent before its page's code has loaded. */
export interface EarlyRequests {
  reports: Record<ReportId, Promise<ReportAnswer>>;
  targets: Promise<TargetProgress[]>;
}

const keyOf = (region: string, year: number, drawing: ChartDrawing) =>
  `${region}|${year}|${drawing.width}|${drawing.lang}`;

/**
 * The dashboard's requests sent as soon as its address is known, until its store takes them: the
 * reports take longer than the page's code, so they travel while it loads. A store of its own and
 * small on purpose: the dashboard's store and the chart builders stay out of every other page's
 * first download.
 */
export const useDashboardPrefetchStore = defineStore('dashboard-prefetch', () => {
  // Promises, handed over once: nothing on screen follows them.
  let early: { key: string; requests: EarlyRequests } | null = null;

  /** Sends the dashboard's requests for a region, year and drawing (replacing any not taken yet). */
  function request(region: string, year: number, drawing: ChartDrawing): void {
    const reports = Object.fromEntries(
      REPORT_IDS.map((id) => [id, reportRows(id, region, year, drawing)]),
    ) as EarlyRequests['reports'];
    const targets = targetProgress(region, year);
    // Until the page takes them nobody awaits these: a failure is reported when it does.
    for (const sent of [...Object.values(reports), targets]) sent.catch(() => undefined);
    early = { key: keyOf(region, year, drawing), requests: { reports, targets } };
  }

  /** The requests sent for exactly this region, year and drawing, handed over once; null when none were. */
  function take(region: string, year: number, drawing: ChartDrawing): EarlyRequests | null {
    const taken = early;
    early = null;
    return taken?.key === keyOf(region, year, drawing) ? taken.requests : null;
  }

  return { request, take };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardPrefetchStore, import.meta.hot));
