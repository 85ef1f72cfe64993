import { byDataIndex, namedRegion, type RegionDrill } from '../shared/region-drill.js';
import type { LiteracyRateRow } from './query.js';

/** One bar per row, in the rows' order. */
export const literacyRateDrill: RegionDrill<LiteracyRateRow> = {
  regionsOf: (rows) => rows.map((r) => namedRegion(r.region_code, r.region_name)),
  regionIndex: byDataIndex,
};
