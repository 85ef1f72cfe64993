import type { ReportId } from '@kesu/analytics/charts';
import type { Localized } from '@kesu/schema';
import { api } from './client';

export type ProgressStatus = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'no_data';

/** A plan target of a region with the engine's verdict (status null: never judged). */
export interface TargetProgress {
  target_id: string;
  plan_id: string;
  task: string | null;
  metric: string;
  indicator_code: string | null;
  scope: string;
  comparator: string;
  value: number | null;
  unit: string | null;
  deadline: number | null;
  /** Lead units separated by 、. */
  lead_units: string | null;
  status: ProgressStatus | null;
  actual: number | null;
  expected: number | null;
  as_of: string | null;
  rule_zh: string | null;
  rule_en: string | null;
}

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
export const targetProgress = (region: string) => api<TargetProgress[]>('/progress', { query: { region } });
export const warehouseTables = () => api<WarehouseTable[]>('/warehouse/tables');

/** The printable report's address, opened in a frame or a tab (it is a page, not JSON). */
export function printUrl(region: string, year: number, lang: 'zh' | 'en'): string {
  return `/api/v1/print?${new URLSearchParams({ region, year: String(year), lang }).toString()}`;
}
