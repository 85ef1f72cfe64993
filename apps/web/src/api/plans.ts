import type {
  FormRecord,
  ImportPreview,
  NextTermDraft,
  PeriodKind,
  Plan,
  PlanAlignment,
  PlanRecord,
  PlanRef,
  PlanSource,
  PlanSummary,
  UnitChoice,
} from '@kesu/schema';
import { api } from './client';

export type { ImportPreview, NextTermDraft, PlanRecord, PlanSummary, SamePlan, UnitChoice } from '@kesu/schema';

export const listPlans = () => api<PlanSummary[]>('/plans');
export const getPlan = (id: string) => api<PlanRecord>(`/plans/${id}`);
export const getPlanSource = (id: string) => api<PlanSource>(`/plans/${id}/source`);
export const savePlan = (id: string, plan: Plan) => api<PlanRecord>(`/plans/${id}`, { method: 'PUT', body: { plan } });

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
export const previewNextTerm = (id: string) =>
  api<NextTermDraft>(`/plans/${id}/next-term`, { method: 'POST', query: { preview: 'true' } });
/** Stores the next term's draft as a new plan; the key makes a repeated click create it once. */
export const createNextTerm = (id: string, idempotencyKey: string) =>
  api<PlanRecord>(`/plans/${id}/next-term`, { method: 'POST', headers: { 'idempotency-key': idempotencyKey } });
