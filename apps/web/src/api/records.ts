import type { AuditActor, AuditPage, BackupFile } from '@kesu/schema';
import { api } from './client';

export type { BackupFile } from '@kesu/schema';

export const searchAudit = (query: Record<string, string | number>) => api<AuditPage>('/audit', { query });
export const listAuditActors = () => api<AuditActor[]>('/audit/actors');

export const listBackups = () => api<BackupFile[]>('/backups');
export const makeBackup = () => api<BackupFile>('/backups', { method: 'POST' });
/** The address a backup downloads from: a plain link, so the browser streams a large file to disk itself. */
export const backupUrl = (name: string) => `/api/v1/backups/${encodeURIComponent(name)}`;
