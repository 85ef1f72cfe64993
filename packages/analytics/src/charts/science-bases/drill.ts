import { byDataIndex, namedRegion, type RegionDrill } from '../shared/region-drill.js';
import { SCIENCE_BASES, type ScienceBasesRow } from './query.js';

/** Both panels list the regions of the bases rows, in the same order. */
export const scienceBasesDrill: RegionDrill<ScienceBasesRow> = {
  regionsOf: (rows) =>
    rows.filter((r) => r.indicator_code === SCIENCE_BASES).map((r) => namedRegion(r.region_code, r.region_name)),
  regionIndex: byDataIndex,
};
