/**
 * The reports, in the order the printable report shows them. A module of its own: a page can
 * ask for reports by id without loading their builders.
 */
/** Reports comparing a region's sub-regions (empty for a region without any). */
export const COMPARISON_REPORT_IDS = [
  'literacy-rate',
  'trainings',
  'science-bases',
  'targets-on-track',
  'reporting-heatmap',
] as const;
/** Reports on the region itself: its own targets, its indicators over the years, its units' reporting. */
export const OWN_REPORT_IDS = [
  'target-progress',
  'indicator-series',
  'on-track-trend',
  'department-reporting',
] as const;
export const REPORT_IDS = [...COMPARISON_REPORT_IDS, ...OWN_REPORT_IDS] as const;
export type ReportId = (typeof REPORT_IDS)[number];
