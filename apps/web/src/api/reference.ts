import type { ApprovalSettings, Disaggregation, Indicator, Region } from '@kesu/schema';
import { api } from './client';

/** A canonical department function (教育, 科协 …) as the registry names it. */
export interface DepartmentFunctionName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A region found by a search, with the names above it, province first. */
export interface RegionMatch extends Region {
  path: string[];
}

/** A unit known in a region, and where it is known from. */
export interface RegionUnit {
  name: string;
  function: string | null;
  sources: Array<'plan' | 'assignment' | 'user'>;
}

export const regionsUnder = (parent: string | null) => api<Region[]>('/regions', { query: { parent } });
export const regionsByCode = (codes: string[]) => api<Region[]>('/regions', { query: { codes: codes.join(',') } });
export const indicators = () => api<Indicator[]>('/indicators');
export const approvalSettings = () => api<ApprovalSettings>('/approval-levels');
export const departmentFunctions = () => api<DepartmentFunctionName[]>('/department-functions');
export const disaggregations = () => api<Record<string, Disaggregation>>('/disaggregations');
export const searchRegions = (q: string) => api<RegionMatch[]>('/regions/search', { query: { q } });
export const regionUnits = (code: string) => api<RegionUnit[]>(`/regions/${code}/units`);
