import type {
  InboxQuery as InboxQueryShape,
  JobRound,
  Notification,
  NotificationPage,
  Outbox,
  OutboxMail,
  OutboxQuery,
  ReadAll,
  UnreadCount,
} from '@kesu/schema';
import { api } from './client';

/** The inbox page asked for: any of the paging, or only the unread ones. */
export type InboxQuery = Partial<InboxQueryShape>;
export type { JobRound } from '@kesu/schema';

export const listNotifications = (query: InboxQuery = {}) =>
  api<NotificationPage>('/notifications', { query: { ...query } });
export const unreadCount = () => api<UnreadCount>('/notifications/unread-count');
export const markRead = (id: string) => api<Notification>(`/notifications/${id}/read`, { method: 'POST' });
export const markAllRead = () => api<ReadAll>('/notifications/read-all', { method: 'POST' });

export const getOutbox = (query: Partial<OutboxQuery> = {}) =>
  api<Outbox>('/notifications/outbox', { query: { ...query } });
export const retryMail = (id: string) => api<OutboxMail>(`/notifications/outbox/${id}/retry`, { method: 'POST' });
export const runJobs = () => api<JobRound>('/notifications/run', { method: 'POST' });
