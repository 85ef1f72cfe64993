import type { DepartmentRegistry, IndicatorCatalog, Region } from '@kesu/schema';
import { departmentMatcher, type DepartmentMatcher } from './units/departments.js';
import { indexRegions, type RegionIndex } from './header/region.js';

/** What the importer matches against: regions, department functions and indicators. */
export interface ImportRegistry {
  regions: Region[];
  departments: DepartmentRegistry;
  indicators: IndicatorCatalog;
}

/** The registry prepared once for many imports. */
export interface PreparedRegistry {
  regions: RegionIndex;
  departments: DepartmentMatcher;
  indicators: IndicatorCatalog;
}

export function prepareRegistry(registry: ImportRegistry): PreparedRegistry {
  return {
    regions: indexRegions(registry.regions),
    departments: departmentMatcher(registry.departments),
    indicators: registry.indicators,
  };
}
