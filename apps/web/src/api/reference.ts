import type { Disaggregation, Indicator, Region } from '@kesu/schema';
import { api } from './client';

/** A canonical department function (教育, 科协 …) as the registry names it. */
export interface DepartmentFunctionName {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const regionsUnder = (parent: string | null) => api<Region[]>('/regions', { query: { parent } });
export const regionsByCode = (codes: string[]) => api<Region[]>('/regions', { query: { codes: codes.join(',') } });
export const indicators = () => api<Indicator[]>('/indicators');
export const departmentFunctions = () => api<DepartmentFunctionName[]>('/department-functions');
export const disaggregations = () => api<Record<string, Disaggregation>>('/disaggregations');
