import {
  XLSX_MEDIA_TYPE,
  type Assignment,
  type AssignmentContext,
  type AssignmentQuery,
  type AssignmentView,
  type NewAssignments,
  type Submission,
  type SubmissionBody,
  type SubmissionRevision,
} from '@kesu/schema';
import { api, apiFile } from './client';

export type { AssignmentContext, AssignmentQuery, AssignmentView, NewAssignments, SubmissionBody } from '@kesu/schema';

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
    contentType: XLSX_MEDIA_TYPE,
  });
