/**
 * The reports, in the order the printable report shows them. A module of its own: a page can
 * ask for reports by id without loading their builders.
 */
export const REPORT_IDS = ['literacy-rate', 'trainings', 'science-bases', 'targets-on-track', 'reporting-heatmap'] as const;
export type ReportId = (typeof REPORT_IDS)[number];
