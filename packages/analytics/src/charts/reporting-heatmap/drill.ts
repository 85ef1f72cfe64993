import { namedRegion, type RegionDrill } from '../shared/region-drill.js';
import { heatmapRegions } from './options.js';
import type { ReportingHeatmapRow } from './query.js';

/** One row of cells per region, in both maps; a cell's value is `[period, row, share]`. */
export const reportingHeatmapDrill: RegionDrill<ReportingHeatmapRow> = {
  regionsOf: (rows) => heatmapRegions(rows).map(([code, name]) => namedRegion(code, name)),
  regionIndex: (hit) => {
    const row = Array.isArray(hit.value) ? Number(hit.value[1]) : NaN;
    return Number.isInteger(row) ? row : null;
  },
};
