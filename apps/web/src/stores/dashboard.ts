import { acceptHMRUpdate, defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import { REPORT_IDS, type ReportId } from '@kesu/analytics/charts';
import * as api from '../api/analytics';
import { chartWidth } from '../features/dashboard/chart-width';
import { contentLang } from '../i18n';
import { useDashboardPrefetchStore } from './dashboard-prefetch';

/** One report's rows for the region and year on screen, or why they could not be read. */
export interface ReportState {
  rows: readonly object[];
  /** The chart as the server drew it from these rows, and for what width and language. */
  chart: ({ svg: string } & api.ChartDrawing) | null;
  loading: boolean;
  error: unknown;
}

const emptyReport = (): ReportState => ({ rows: [], chart: null, loading: false, error: null });

/**
 * The leaders' dashboard: the reports comparing a region's children in a year, the reports on the
 * region itself, and its own targets with their verdicts for the year. Each report loads on its own, so one slow or
 * failed query never blanks the others.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const region = ref<string | null>(null);
  const year = ref<number | null>(null);
  const reports = reactive(
    Object.fromEntries(REPORT_IDS.map((id) => [id, emptyReport()])) as Record<ReportId, ReportState>,
  );
  const targets = shallowRef<api.TargetProgress[]>([]);
  const targetsLoading = ref(false);
  const targetsError = ref<unknown>(null);
  /** How the targets of the plans below the region stand, by level (the region's own plans aside). */
  const below = shallowRef<api.TargetRollup[]>([]);
  // What the route asked for before this page's code loaded.
  const prefetch = useDashboardPrefetchStore();
  // A newer request wins: answers to an earlier region or year are dropped when they arrive late.
  let generation = 0;

  async function loadReport(
    id: ReportId,
    request: ReturnType<typeof api.reportRows>,
    drawing: api.ChartDrawing,
    at: number,
  ) {
    const state = reports[id];
    state.loading = true;
    state.error = null;
    try {
      const { rows, svg } = await request;
      if (at === generation) {
        state.rows = rows;
        state.chart = svg === undefined ? null : { svg, ...drawing };
      }
    } catch (error) {
      if (at === generation) {
        state.rows = [];
        state.chart = null;
        state.error = error;
      }
    } finally {
      if (at === generation) state.loading = false;
    }
  }

  async function loadTargets(request: Promise<api.TargetProgress[]>, at: number) {
    targetsLoading.value = true;
    targetsError.value = null;
    try {
      const list = await request;
      if (at === generation) targets.value = list;
    } catch (error) {
      if (at === generation) {
        targets.value = [];
        targetsError.value = error;
      }
    } finally {
      if (at === generation) targetsLoading.value = false;
    }
  }

  async function loadBelow(code: string, y: number, at: number) {
    try {
      const rows = await api.targetRollup(code, y);
      if (at === generation) below.value = rows.filter((r) => r.level !== 'own');
    } catch {
      // The region's own counts stand without it; the next load asks again.
      if (at === generation) below.value = [];
    }
  }

  // The load under way: a second call for the same region and year joins it.
  let pending: { key: string; done: Promise<void> } | null = null;

  /** Reads everything the dashboard shows for a region and year (joining a load of the same under way). */
  function load(code: string, y: number): Promise<void> {
    const key = `${code}|${y}`;
    if (pending?.key === key) return pending.done;
    const at = ++generation;
    region.value = code;
    year.value = y;
    // The server draws each chart for the width the page lays it out at: the page shows it before
    // (or without ever) loading the chart library.
    const drawing: api.ChartDrawing = { width: chartWidth(), lang: contentLang() };
    // What the route asked for before this page's code loaded is taken over, not asked again.
    const early = prefetch.take(code, y, drawing);
    const done = Promise.all([
      ...REPORT_IDS.map((id) =>
        loadReport(id, early?.reports[id] ?? api.reportRows(id, code, y, drawing), drawing, at),
      ),
      loadTargets(early?.targets ?? api.targetProgress(code, y), at),
      loadBelow(code, y, at),
    ]).then(() => {
      if (pending?.done === done) pending = null;
    });
    pending = { key, done };
    return done;
  }

  return { region, year, reports, targets, targetsLoading, targetsError, below, load };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot));
