import type { MailStatus, Notification, NotificationPage, Outbox, OutboxMail } from '@kesu/schema';
import { api } from './client';

export interface InboxQuery {
  limit?: number;
  offset?: number;
  /** Only the unread ones. */
  unread?: 'true' | undefined;
}

/** What one round of the notification jobs did (ran: false when another server ran it). */
export interface JobRound {
  ran: boolean;
  deadlines: { assignments: number; stored: number } | null;
  mail: { sent: number; failed: number } | null;
}

export const listNotifications = (query: InboxQuery = {}) =>
  api<NotificationPage>('/notifications', { query: { ...query } });
export const unreadCount = () => api<{ unread: number }>('/notifications/unread-count');
export const markRead = (id: string) => api<Notification>(`/notifications/${id}/read`, { method: 'POST' });
export const markAllRead = () => api<{ updated: number }>('/notifications/read-all', { method: 'POST' });

export const getOutbox = (query: { status?: MailStatus | undefined; limit?: number; offset?: number } = {}) =>
  api<Outbox>('/notifications/outbox', { query: { ...query } });
export const retryMail = (id: string) => api<OutboxMail>(`/notifications/outbox/${id}/retry`, { method: 'POST' });
export const runJobs = () => api<JobRound>('/notifications/run', { method: 'POST' });
