import type {
  ApprovalSettings,
  DepartmentFunctionName,
  Disaggregation,
  Indicator,
  Region,
  RegionMatch,
  RegionUnit,
} from '@kesu/schema';
import { api } from './client';

export type { DepartmentFunctionName, RegionMatch, RegionUnit } from '@kesu/schema';

export const regionsUnder = (parent: string | null) => api<Region[]>('/regions', { query: { parent } });
export const regionsByCode = (codes: string[]) => api<Region[]>('/regions', { query: { codes: codes.join(',') } });
export const indicators = () => api<Indicator[]>('/indicators');
export const approvalSettings = () => api<ApprovalSettings>('/approval-levels');
export const departmentFunctions = () => api<DepartmentFunctionName[]>('/department-functions');
export const disaggregations = () => api<Record<string, Disaggregation>>('/disaggregations');
export const searchRegions = (q: string) => api<RegionMatch[]>('/regions/search', { query: { q } });
export const regionUnits = (code: string) => api<RegionUnit[]>(`/regions/${code}/units`);
