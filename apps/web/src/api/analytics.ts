import type { ReportId, TargetProgressRow } from '@kesu/analytics/charts';
import type { Localized } from '@kesu/schema';
import { api, apiFile } from './client';

/** A plan target of a region with the engine's verdict for a year, as the warehouse query gives it. */
export type TargetProgress = TargetProgressRow;
export type ProgressStatus = TargetProgressRow['status'];

export interface WarehouseColumn {
  name: string;
  type: string;
  doc: Localized;
}

export interface WarehouseTable {
  name: string;
  doc: Localized;
  regionColumn: string | null;
  partitioned: boolean;
  columns: WarehouseColumn[];
}

/** How a chart drawn by the server is asked for: its width in px and its language. */
export interface ChartDrawing {
  width: number;
  lang: 'zh' | 'en';
}

/** Rows for a report builder, as its own query returned them, and the chart drawn from them as SVG when a drawing is asked for. */
export const reportRows = (id: ReportId, parent: string, year: number, drawing?: ChartDrawing) =>
  api<{ rows: object[]; svg?: string }>(`/reports/${id}`, { query: { parent, year, ...drawing } });
export const targetProgress = (region: string, year?: number) => api<TargetProgress[]>('/progress', { query: { region, ...(year === undefined ? {} : { year }) } });
export const warehouseTables = () => api<WarehouseTable[]>('/warehouse/tables');

/** The printable report's address, opened in a frame or a tab (it is a page, not JSON). */
export function printUrl(region: string, year: number, lang: 'zh' | 'en'): string {
  return `/api/v1/print?${new URLSearchParams({ region, year: String(year), lang }).toString()}`;
}

export type FinalEvaluationFormat = 'docx' | 'pdf' | 'html';

/** The final evaluation (终期评估) of the region's ended plan as a file, named as the server suggests. */
export const finalEvaluation = (region: string, format: FinalEvaluationFormat, lang: 'zh' | 'en') => apiFile('/print', { query: { region, kind: 'final', format, lang } });
