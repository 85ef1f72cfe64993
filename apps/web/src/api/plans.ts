import type { Department, FormRecord, PeriodKind, Plan } from '@kesu/schema';
import type { PlanAlignment, PlanRef } from '@kesu/analytics/alignment';
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

/** A stored plan an imported document would duplicate, and why. */
export interface SamePlan extends PlanSummary {
  reason: 'same_document' | 'same_region_title';
}

/** What a document is, read without storing it, and the stored plans it would duplicate. */
export interface ImportPreview {
  title: string;
  regionCode: string | null;
  documentSha256: string;
  duplicates: SamePlan[];
}

/** Reads a plan document (.txt in UTF-8 or GBK, or .docx) without storing it. */
export const previewImport = (name: string, bytes: ArrayBuffer) =>
  api<ImportPreview>('/plans/import', { method: 'POST', query: { name, preview: 'true' }, body: bytes });

/** Sends a plan document's bytes to the importer: a new plan, or the next revision of `revisionOf`. */
export const importPlan = (name: string, bytes: ArrayBuffer, revisionOf: string | null = null) =>
  api<PlanRecord>('/plans/import', {
    method: 'POST',
    query: revisionOf ? { name, as: 'revision', plan: revisionOf } : { name },
    body: bytes,
  });

/** A unit a task or target may be given: named by the plan, known in its region, or made from the registry. */
export type UnitChoice = Department & { source: 'plan' | 'region' | 'registry' };

/** The units a plan's tasks and targets may be given: its own, its region's, the registry's. */
export const unitChoices = (id: string) => api<UnitChoice[]>(`/plans/${id}/unit-choices`);

export const generateForm = (planId: string, department: string, periodKind: PeriodKind) =>
  api<FormRecord>(`/plans/${planId}/forms/generate`, { method: 'POST', body: { department, periodKind } });

/** The plan set against its parent plan: the nearest one above for the term, or the one named. */
export const getAlignment = (id: string, parent: string | null) =>
  api<PlanAlignment>(`/plans/${id}/alignment`, { query: { parent } });

/** The plans of the regions above a plan for an overlapping term, nearest first. */
export const parentCandidates = (id: string) => api<PlanRef[]>(`/plans/${id}/parent-candidates`);

/**
 * The draft for the term after an ended plan, not stored, with
 * its alignment to the parent's new plan when there is one.
 */
export interface NextTermDraft {
  plan: Plan;
  text: string;
  parent: PlanAlignment | null;
}
export const previewNextTerm = (id: string) =>
  api<NextTermDraft>(`/plans/${id}/next-term`, { method: 'POST', query: { preview: 'true' } });
/** Stores the next term's draft as a new plan; the key makes a repeated click create it once. */
export const createNextTerm = (id: string, idempotencyKey: string) =>
  api<PlanRecord>(`/plans/${id}/next-term`, { method: 'POST', headers: { 'idempotency-key': idempotencyKey } });
