import type { BenchmarkWithin, ReportId } from '@kesu/analytics/charts';
import type {
  CommitmentBenchmark,
  FinalFormat,
  ReportData,
  TargetContributions,
  TargetProgressRow,
  TargetRollupRow,
  WarehouseTable,
} from '@kesu/schema';
import { api, apiFile } from './client';

export type { CommitmentBenchmark, WarehouseColumn, WarehouseTable } from '@kesu/schema';

/** A plan target of a region with the engine's verdict for a year, as the warehouse query gives it. */
export type TargetProgress = TargetProgressRow;
export type ProgressStatus = TargetProgressRow['status'];
export type TargetRollup = TargetRollupRow;

/** How a chart drawn by the server is asked for: its width in px and its language. */
export interface ChartDrawing {
  width: number;
  lang: 'zh' | 'en';
}

/**
 * Rows for a report builder, as its own query returned them, and
 * the chart drawn from them as SVG when a drawing is asked for.
 */
export const reportRows = (id: ReportId, parent: string, year: number, drawing?: ChartDrawing) =>
  api<ReportData>(`/reports/${id}`, { query: { parent, year, ...drawing } });
export const targetProgress = (region: string, year?: number) =>
  api<TargetProgress[]>('/progress', { query: { region, ...(year === undefined ? {} : { year }) } });
/** How the targets of the region's own plans and of the plans below it stand, one row per level. */
export const targetRollup = (region: string, year: number) =>
  api<TargetRollup[]>('/progress/rollup', { query: { region, year } });
/** The units' values behind a target's actual for a year, as its verdict counted them. */
export const targetContributions = (target: string, year: number) =>
  api<TargetContributions>('/progress/contributions', { query: { target, year } });
export const warehouseTables = () => api<WarehouseTable[]>('/warehouse/tables');

/** The printable report's address, opened in a frame or a tab (it is a page, not JSON). */
export function printUrl(region: string, year: number, lang: 'zh' | 'en'): string {
  return `/api/v1/print?${new URLSearchParams({ region, year: String(year), lang }).toString()}`;
}

export type FinalEvaluationFormat = FinalFormat;

/** The final evaluation (终期评估) of the region's ended plan as a file, named as the server suggests. */
export const finalEvaluation = (region: string, format: FinalEvaluationFormat, lang: 'zh' | 'en') =>
  apiFile('/print', { query: { region, kind: 'final', format, lang } });

export const commitmentBenchmark = (indicator: string, region: string, within: BenchmarkWithin) =>
  api<CommitmentBenchmark>('/benchmarks/commitments', { query: { indicator, region, within } });
