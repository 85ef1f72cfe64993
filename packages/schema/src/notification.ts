import * as z from 'zod';
import type { Localized } from './localized.js';

/**
 * What a person is told of: a task assigned to their unit, its deadline coming or passed, their
 * report returned or approved, a report waiting for their review.
 */
export const NOTIFICATION_KINDS = [
  'assignment.received',
  'deadline.due7',
  'deadline.due1',
  'deadline.overdue',
  'submission.returned',
  'review.waiting',
  'submission.approved',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS).meta({ label: '消息类型', labelEn: 'Kind' });
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Each kind in words, for filters and tags. */
export const notificationKinds: Record<NotificationKind, Localized> = {
  'assignment.received': { zh: '新任务', en: 'New task' },
  'deadline.due7': { zh: '即将截止', en: 'Due soon' },
  'deadline.due1': { zh: '即将截止', en: 'Due soon' },
  'deadline.overdue': { zh: '已逾期', en: 'Overdue' },
  'submission.returned': { zh: '退回', en: 'Returned' },
  'review.waiting': { zh: '待审核', en: 'To review' },
  'submission.approved': { zh: '已通过', en: 'Approved' },
};

/** A notification as its recipient reads it, worded in both languages. */
export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  title: z.string(),
  titleEn: z.string(),
  body: z.string(),
  bodyEn: z.string(),
  /** The page it leads to, a path in the web app (the report to fill, the submission to review). */
  link: z.string().nullable(),
  /** UTC, as stored. */
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** One page of a person's notifications, newest first. */
export const NotificationPage = z.object({
  total: z.int().min(0),
  unread: z.int().min(0),
  offset: z.int().min(0),
  limit: z.int().min(1),
  items: z.array(Notification),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Where a mail message stands: waiting (or waiting to be tried again), being sent, sent, given up. */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export const MailStatus = z.enum(MAIL_STATUSES).meta({ label: '状态', labelEn: 'Status' });
export type MailStatus = z.infer<typeof MailStatus>;

export const mailStatuses: Record<MailStatus, Localized> = {
  queued: { zh: '排队中', en: 'Queued' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Failed' },
};

/** One message of the mail outbox, as the office sees it. */
export const OutboxMail = z.object({
  id: z.uuid(),
  recipient: z.string(),
  subject: z.string(),
  status: MailStatus,
  attempts: z.int().min(0),
  lastError: z.string().nullable(),
  /** UTC: when it is tried next (while queued), or until when a sender holds it (while sending). */
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

/** The mail outbox: whether mail is set up, how many messages are in each state, and one page of them. */
export const Outbox = z.object({
  configured: z.boolean(),
  /** The sender address mail goes out from, when configured. */
  from: z.string().nullable(),
  counts: z.record(MailStatus, z.int().min(0)),
  offset: z.int().min(0),
  limit: z.int().min(1),
  items: z.array(OutboxMail),
});
export type Outbox = z.infer<typeof Outbox>;
