import type {
  ApprovalProgress,
  Assignment,
  FormDefinition,
  Submission,
  SubmissionRevision,
  SubmissionStatus,
  Target,
} from '@kesu/schema';
import { api, apiFile } from './client';

export interface AssignmentQuery {
  regionCode?: string | undefined;
  /** A region and everything under it. */
  within?: string | undefined;
  department?: string | undefined;
  period?: string | undefined;
  status?: SubmissionStatus | 'none' | undefined;
  /** Only what waits for the caller's review at its level. */
  awaitingMe?: 'true' | undefined;
}

export interface AssignmentView {
  assignment: Assignment;
  form: FormDefinition;
  submission: Submission | null;
  approval: ApprovalProgress;
}

/** What a reporter or reviewer sees beside each value: last period, earlier periods, the plan's targets. */
export interface AssignmentContext {
  previous: { period: string; values: Record<string, unknown> } | null;
  history: Array<{ period: string; values: Record<string, unknown> }>;
  targets: Record<string, Target>;
}

export interface NewAssignments {
  formId: string;
  version: number;
  /** Units in their regions: each pair gets one assignment per period. */
  pairs: Array<{ regionCode: string; department: string }>;
  periods: string[];
  dueDate: string | null;
}

export interface SubmissionBody {
  values: Record<string, unknown>;
  formVersion: number;
  /** The reporter's reason per warning path. */
  explanations?: Record<string, string>;
}

export const listAssignments = (query: AssignmentQuery = {}) =>
  api<Assignment[]>('/assignments', { query: { ...query } });
export const getAssignment = (id: string) => api<AssignmentView>(`/assignments/${id}`);
export const getAssignmentContext = (id: string) => api<AssignmentContext>(`/assignments/${id}/context`);
export const listRevisions = (id: string) => api<SubmissionRevision[]>(`/assignments/${id}/revisions`);
export const createAssignments = (input: NewAssignments) =>
  api<Assignment[]>('/assignments', { method: 'POST', body: input });

export const saveDraft = (id: string, body: SubmissionBody) =>
  api<Submission>(`/assignments/${id}/submission`, { method: 'PUT', body });
/** A fresh Idempotency-Key (crypto.randomUUID needs https, which a LAN install may not have). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Submits for review; the key makes a retried click count once. */
export const submitSubmission = (id: string, body: SubmissionBody, idempotencyKey: string) =>
  api<Submission>(`/assignments/${id}/submission/submit`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
/** Approves; values far from the unit's history are approved only when confirmed by field id. */
export const approveSubmission = (id: string, confirmOutliers: string[] = []) =>
  api<Submission>(`/assignments/${id}/submission/approve`, {
    method: 'POST',
    ...(confirmOutliers.length === 0 ? {} : { body: { confirmOutliers } }),
  });
export const acceptSubmission = (id: string) =>
  api<Submission>(`/assignments/${id}/submission/accept`, { method: 'POST' });
export const returnSubmission = (id: string, comment: string) =>
  api<Submission>(`/assignments/${id}/submission/return`, { method: 'POST', body: { comment } });

export const downloadTemplate = (id: string) => apiFile(`/assignments/${id}/template.xlsx`);
export const uploadWorkbook = (id: string, bytes: ArrayBuffer) =>
  api<Submission>(`/assignments/${id}/upload`, {
    method: 'POST',
    body: bytes,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
