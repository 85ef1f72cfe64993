import type { FormRecord, PeriodKind, Plan } from '@kesu/schema';
import { api } from './client';

/** A stored plan without its body, as the plan list shows it. */
export interface PlanSummary {
  id: string;
  regionCode: string | null;
  title: string;
  documentSha256: string;
  revision: number;
  reviewed: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface PlanRecord extends PlanSummary {
  plan: Plan;
}

export const listPlans = () => api<PlanSummary[]>('/plans');
export const getPlan = (id: string) => api<PlanRecord>(`/plans/${id}`);
export const getPlanSource = (id: string) => api<{ text: string }>(`/plans/${id}/source`);
export const savePlan = (id: string, plan: Plan) => api<PlanRecord>(`/plans/${id}`, { method: 'PUT', body: { plan } });

/** Sends a plan document's bytes (.txt in UTF-8 or GBK, or .docx) to the importer. */
export const importPlan = (name: string, bytes: ArrayBuffer) => api<PlanRecord>('/plans/import', { method: 'POST', query: { name }, body: bytes });

export const generateForm = (planId: string, department: string, periodKind: PeriodKind) =>
  api<FormRecord>(`/plans/${planId}/forms/generate`, { method: 'POST', body: { department, periodKind } });
