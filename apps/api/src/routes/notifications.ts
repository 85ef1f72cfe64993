import { createRoute } from '@hono/zod-openapi';
import {
  InboxQuery,
  JobRound,
  Notification,
  NotificationIdParam,
  NotificationKind,
  notificationKinds,
  NotificationPage,
  Outbox,
  OutboxMail,
  OutboxQuery,
  ReadAll,
  UnreadCount,
} from '@kesu/schema';
import {
  countUnread,
  getMail,
  listNotifications,
  listOutbox,
  markAllNotificationsRead,
  markNotificationRead,
  recordAudit,
  retryMail,
  type MailRecord,
  type NotificationRecord,
} from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { audited } from '../http/audited.js';
import { Failure, notFound } from '../http/failure.js';
import { jsonContent, refusals, router } from '../http/openapi.js';
import { notificationText, type NotificationParams, type NotificationText } from '../notify/notification-texts.js';

/** A notice's words; one whose parameters no longer make a text (stored by another version) is named by its kind. */
function wordsOf(kind: NotificationKind, params: Record<string, unknown>): NotificationText {
  try {
    return notificationText(kind, params as unknown as NotificationParams[typeof kind]);
  } catch {
    const label = notificationKinds[kind];
    return { zh: { title: label.zh, body: '' }, en: { title: label.en, body: '' } };
  }
}

/** A stored notification worded in both languages (its text is made when read, from its kind and parameters). */
function view(n: NotificationRecord): Notification {
  const kind = NotificationKind.safeParse(n.kind);
  const text = kind.success
    ? wordsOf(kind.data, n.params)
    : { zh: { title: n.kind, body: '' }, en: { title: n.kind, body: '' } };
  return {
    id: n.id,
    kind: n.kind as NotificationKind,
    title: text.zh.title,
    titleEn: text.en.title,
    body: text.zh.body,
    bodyEn: text.en.body,
    link: n.link,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}

const mailView = ({ body: _body, notificationId: _n, ...mail }: MailRecord): OutboxMail => mail;

const inboxRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['notifications'],
  summary: '我的消息（最新在前，分页）/ my notifications, newest first, paged',
  request: { query: InboxQuery },
  responses: { 200: jsonContent(NotificationPage, 'a page of my notifications') },
});

const unreadCountRoute = createRoute({
  method: 'get',
  path: '/unread-count',
  tags: ['notifications'],
  summary: '未读消息数 / how many of my notifications are unread',
  responses: { 200: jsonContent(UnreadCount, 'unread count') },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/read-all',
  tags: ['notifications'],
  summary: '全部标为已读 / mark all my notifications read',
  responses: { 200: jsonContent(ReadAll, 'how many were unread') },
});

const readOneRoute = createRoute({
  method: 'post',
  path: '/{id}/read',
  tags: ['notifications'],
  summary: '标为已读 / mark one of my notifications read',
  request: { params: NotificationIdParam },
  responses: { 200: jsonContent(Notification, 'read') },
});

const outboxRoute = createRoute({
  method: 'get',
  path: '/outbox',
  tags: ['notifications'],
  summary: '邮件发送队列 / the mail outbox',
  middleware: [requireRole('office')] as const,
  request: { query: OutboxQuery },
  responses: { 200: jsonContent(Outbox, 'a page of the outbox, newest first') },
});

const retryMailRoute = createRoute({
  method: 'post',
  path: '/outbox/{id}/retry',
  tags: ['notifications'],
  summary: '立即重试发送 / send a queued or failed message now',
  middleware: [requireRole('office')] as const,
  request: { params: NotificationIdParam },
  responses: { 200: jsonContent(OutboxMail, 'queued for now'), ...refusals(409) },
});

const runJobsRoute = createRoute({
  method: 'post',
  path: '/run',
  tags: ['notifications'],
  summary: '立即检查截止日期并发送邮件 / run the deadline reminders and the mail sender now',
  middleware: [requireRole('office')] as const,
  responses: { 200: jsonContent(JobRound, 'what the round did') },
});

/** Each person's own inbox; the mail outbox and the jobs for the office. */
export function notificationRoutes(ctx: AppContext) {
  return router()
    .openapi(inboxRoute, async (c) => {
      const { limit, offset, unread } = c.req.valid('query');
      const page = await ctx.store.reads.read((conn) =>
        listNotifications(conn, c.get('user').id, { limit, offset, unreadOnly: unread === 'true' }),
      );
      return c.json({ total: page.total, unread: page.unread, offset, limit, items: page.items.map(view) }, 200);
    })
    .openapi(unreadCountRoute, async (c) =>
      c.json({ unread: await ctx.store.reads.read((conn) => countUnread(conn, c.get('user').id)) }, 200),
    )
    .openapi(readAllRoute, async (c) => {
      const userId = c.get('user').id;
      return c.json(
        { updated: await ctx.store.writes.write((conn) => markAllNotificationsRead(conn, userId, ctx.clock())) },
        200,
      );
    })
    .openapi(readOneRoute, async (c) => {
      const userId = c.get('user').id;
      const { id } = c.req.valid('param');
      // Someone else's notification answers as one that does not exist.
      const read = await ctx.store.writes.write((conn) => markNotificationRead(conn, userId, id, ctx.clock()));
      if (!read) throw notFound('消息', 'notification');
      return c.json(view(read), 200);
    })
    .openapi(outboxRoute, async (c) => {
      const { limit, offset, status } = c.req.valid('query');
      const page = await ctx.store.reads.read((conn) =>
        listOutbox(conn, { limit, offset, ...(status ? { status } : {}) }),
      );
      const config = ctx.notifications.mailConfig;
      return c.json(
        {
          configured: config !== null,
          from: config?.from ?? null,
          counts: page.counts,
          offset,
          limit,
          items: page.items.map(mailView),
        },
        200,
      );
    })
    .openapi(retryMailRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { after } = await audited(
        ctx,
        c,
        'mail.retry',
        'mail',
        async (conn) => {
          const before = await getMail(conn, id);
          if (!before) throw notFound('邮件', 'message');
          const queued = await retryMail(conn, id, ctx.clock());
          // Sent, or being sent right now: sending it again would deliver it twice.
          if (!queued)
            throw new Failure(
              409,
              'mail_not_retryable',
              `这封邮件${before.status === 'sent' ? '已发送' : '正在发送'}，不能重试`,
              `the message is ${before.status}; it cannot be retried`,
            );
          return { before, after: queued };
        },
        ({ before, after: queued }) => ({
          entityId: id,
          previous: { status: before.status, attempts: before.attempts, lastError: before.lastError },
          next: { status: queued.status, nextAttemptAt: queued.nextAttemptAt },
        }),
      );
      ctx.notifications.sendMailSoon();
      return c.json(mailView(after), 200);
    })
    .openapi(runJobsRoute, async (c) => {
      const round = await ctx.notifications.runRound();
      const result = { ran: round !== null, deadlines: round?.deadlines ?? null, mail: round?.mail ?? null };
      await ctx.store.writes.write((conn) =>
        recordAudit(conn, [
          {
            actor: c.get('user').username,
            action: 'notification.run',
            entity: 'notification',
            entityId: 'jobs',
            previous: null,
            next: result,
          },
        ]),
      );
      return c.json(result, 200);
    });
}
