import { api, apiFile } from './client';

/** Why a query may not run, at a character offset of the text sent when the parser knows it. */
export interface SqlProblem {
  code: string;
  message: string;
  messageEn: string;
  position: number | null;
  /** DuckDB's own words, for a problem DuckDB found. */
  original?: string;
}

export interface SqlResult {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  /** More rows matched than the 100,000 sent. */
  truncated: boolean;
  ms: number;
  /** The region whose tree the rows were filtered to, when the caller's scope filtered the tables read. */
  scope: { code: string; name: string } | null;
}

export type ExportFormat = 'xlsx' | 'parquet';

/** A query statisticians keep: their own, or shared with every statistician and the office. */
export interface SavedQuery {
  id: string;
  title: string;
  sql: string;
  shared: boolean;
  owner: string;
  ownerName: string;
  /** The caller wrote it (only the owner changes or deletes a query). */
  mine: boolean;
  updatedAt: string;
}

export type SavedQueryInput = Pick<SavedQuery, 'title' | 'sql' | 'shared'>;

export const runSql = (sql: string, signal: AbortSignal) =>
  api<SqlResult>('/sql', { method: 'POST', body: { sql }, signal });
export const checkSql = (sql: string, signal: AbortSignal) =>
  api<{ problems: SqlProblem[] }>('/sql/check', { method: 'POST', body: { sql }, signal });
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
export const deleteSavedQuery = (id: string) => api<{ deleted: true }>(`/saved-queries/${id}`, { method: 'DELETE' });
