import * as z from 'zod';
import { MailStatus } from '../notification.js';

const Paging = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const NotificationIdParam = z.object({ id: z.uuid() });
export type NotificationIdParam = z.infer<typeof NotificationIdParam>;

export const InboxQuery = z.object({
  ...Paging,
  unread: z.enum(['true', 'false']).optional().meta({ description: 'only unread ones when true' }),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const OutboxQuery = z.object({ ...Paging, status: MailStatus.optional() });
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const UnreadCount = z.object({ unread: z.int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const ReadAll = z.object({ updated: z.int().min(0) });
export type ReadAll = z.infer<typeof ReadAll>;

/** What one round of the notification jobs did. */
export const JobRound = z.object({
  ran: z.boolean().meta({ description: 'false when another server holds the jobs’ lease and runs them now' }),
  deadlines: z.object({ assignments: z.int(), stored: z.int() }).nullable(),
  mail: z.object({ sent: z.int(), failed: z.int() }).nullable(),
});
export type JobRound = z.infer<typeof JobRound>;
