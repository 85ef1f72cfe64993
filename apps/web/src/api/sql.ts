import type { SavedQuery, SavedQueryBody, SavedQueryDeleted, SqlCheck, SqlExportBody, SqlResult } from '@kesu/schema';
import { api, apiFile } from './client';

export type { SqlProblem, SqlResult, SavedQuery } from '@kesu/schema';
export type ExportFormat = SqlExportBody['format'];
export type SavedQueryInput = SavedQueryBody;

export const runSql = (sql: string, signal: AbortSignal) =>
  api<SqlResult>('/sql', { method: 'POST', body: { sql }, signal });
export const checkSql = (sql: string, signal: AbortSignal) =>
  api<SqlCheck>('/sql/check', { method: 'POST', body: { sql }, signal });
/**
 * The query's rows as a file the server writes (XLSX or Parquet),
 * under the same limits as a run, named after the saved query's title.
 */
export const exportSql = (sql: string, format: ExportFormat, title: string | null) =>
  apiFile('/sql/export', { method: 'POST', body: { sql, format, ...(title === null ? {} : { title }) } });

export const listSavedQueries = () => api<SavedQuery[]>('/saved-queries');
export const createSavedQuery = (input: SavedQueryInput) =>
  api<SavedQuery>('/saved-queries', { method: 'POST', body: input });
export const updateSavedQuery = (id: string, input: SavedQueryInput) =>
  api<SavedQuery>(`/saved-queries/${id}`, { method: 'PUT', body: input });
export const deleteSavedQuery = (id: string) => api<SavedQueryDeleted>(`/saved-queries/${id}`, { method: 'DELETE' });
