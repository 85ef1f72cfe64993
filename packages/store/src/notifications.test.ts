import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@kesu/schema';
import { insertAssignments } from './repositories/assignments.js';
import { insertForm, publishForm } from './repositories/forms.js';
import { takeLease, releaseLease } from './repositories/job-leases.js';
import { claimMail, getMail, listOutbox, markMailFailed, markMailSent, retryMail } from './repositories/mail-outbox.js';
import {
  announcedAssignments,
  countUnread,
  insertNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationInput,
} from './repositories/notifications.js';
import { dueAssignments, reportersOf, reviewersOf } from './repositories/recipients.js';
import { submissionBatch } from './repositories/submissions.js';
import { insertUser, setUserDisabled } from './repositories/users.js';
import { BACKENDS, openTestStore, type TestStore } from './testing/index.js';

const at = (iso: string) => new Date(iso);
const T0 = at('2025-03-01T02:00:00Z');
const MINUTE = 60_000;

const note = (over: Partial<NotificationInput> = {}): NotificationInput => ({
  recipientId: 'u1',
  kind: 'deadline.overdue',
  params: { period: '2025Q1' },
  link: '/report/a1',
  dedupeKey: 'overdue:a1:2025-03-31:u1',
  ...over,
});

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(backend);
  });
  afterEach(() => t.dispose());

  describe('notifications', () => {
    it('are stored once per dedupe key, however often the same event is stored', async () => {
      const first = await insertNotifications(
        t.store.connection,
        [note(), note({ recipientId: 'u2', dedupeKey: 'overdue:a1:2025-03-31:u2' })],
        T0,
      );
      expect(first).toHaveLength(2);
      const again = await insertNotifications(
        t.store.connection,
        [note(), note({ dedupeKey: 'overdue:a1:2025-03-31:u1' })],
        at('2025-03-02T02:00:00Z'),
      );
      expect(again).toEqual([]);
      const mine = await listNotifications(t.store.connection, 'u1', { limit: 10, offset: 0 });
      expect(mine.total).toBe(1);
      expect(mine.items[0]).toMatchObject({
        kind: 'deadline.overdue',
        params: { period: '2025Q1' },
        link: '/report/a1',
        createdAt: '2025-03-01 02:00:00.000',
        readAt: null,
      });
    });

    it('queue their mail in the same statement batch, one message per notification', async () => {
      const mail = { recipient: 'a@example.org', subject: '填报任务已逾期', body: '正文' };
      await insertNotifications(t.store.connection, [note({ mail })], T0);
      await insertNotifications(t.store.connection, [note({ mail })], T0);
      const { items, counts } = await listOutbox(t.store.connection, { limit: 10, offset: 0 });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        recipient: 'a@example.org',
        subject: '填报任务已逾期',
        status: 'queued',
        attempts: 0,
      });
      expect(counts).toEqual({ queued: 1, sending: 0, sent: 0, failed: 0 });
    });

    it('remember which assignments a person has been told of', async () => {
      await insertNotifications(
        t.store.connection,
        [note({ kind: 'assignment.received', dedupeKey: 'assigned:u1:a1', assignmentIds: ['a1', 'a2'] })],
        T0,
      );
      const told = await announcedAssignments(
        t.store.connection,
        'assignment.received',
        ['u1', 'u2'],
        ['a1', 'a2', 'a3'],
      );
      expect([...told].sort()).toEqual(['u1|a1', 'u1|a2']);
    });

    it('are read one at a time or all together, only by their recipient', async () => {
      const [a, b] = await insertNotifications(
        t.store.connection,
        [note(), note({ dedupeKey: 'k2' }), note({ recipientId: 'u2', dedupeKey: 'k3' })],
        T0,
      );
      expect(await markNotificationRead(t.store.connection, 'u2', a!, T0)).toBeUndefined();
      expect(await countUnread(t.store.connection, 'u1')).toBe(2);
      const read = await markNotificationRead(t.store.connection, 'u1', a!, at('2025-03-01T03:00:00Z'));
      expect(read?.readAt).toBe('2025-03-01 03:00:00.000');
      // Read again later: the first reading stays.
      expect((await markNotificationRead(t.store.connection, 'u1', a!, at('2025-03-05T03:00:00Z')))?.readAt).toBe(
        '2025-03-01 03:00:00.000',
      );
      expect(await markAllNotificationsRead(t.store.connection, 'u1', T0)).toBe(1);
      expect(await countUnread(t.store.connection, 'u1')).toBe(0);
      expect(await countUnread(t.store.connection, 'u2')).toBe(1);
      expect(
        (await listNotifications(t.store.connection, 'u1', { limit: 10, offset: 0, unreadOnly: true })).items,
      ).toEqual([]);
      expect(b).toBeDefined();
    });
  });

  describe('job leases', () => {
    it('let one holder at a time run a job, until it releases or its lease runs out', async () => {
      const ttl = 5 * MINUTE;
      expect(await takeLease(t.store.connection, 'deadlines', 'node-a', T0, ttl)).toBe(true);
      expect(await takeLease(t.store.connection, 'deadlines', 'node-b', new Date(T0.getTime() + MINUTE), ttl)).toBe(
        false,
      );
      // Another job is free meanwhile.
      expect(await takeLease(t.store.connection, 'mail', 'node-b', T0, ttl)).toBe(true);
      // The holder renews its own lease.
      expect(await takeLease(t.store.connection, 'deadlines', 'node-a', new Date(T0.getTime() + 2 * MINUTE), ttl)).toBe(
        true,
      );
      // A release by someone else does nothing.
      await releaseLease(t.store.connection, 'deadlines', 'node-b', new Date(T0.getTime() + 3 * MINUTE));
      expect(await takeLease(t.store.connection, 'deadlines', 'node-b', new Date(T0.getTime() + 3 * MINUTE), ttl)).toBe(
        false,
      );
      await releaseLease(t.store.connection, 'deadlines', 'node-a', new Date(T0.getTime() + 3 * MINUTE));
      expect(await takeLease(t.store.connection, 'deadlines', 'node-b', new Date(T0.getTime() + 3 * MINUTE), ttl)).toBe(
        true,
      );
      // node-b dies holding it: after its lease node-a takes over.
      expect(await takeLease(t.store.connection, 'deadlines', 'node-a', new Date(T0.getTime() + 7 * MINUTE), ttl)).toBe(
        false,
      );
      expect(await takeLease(t.store.connection, 'deadlines', 'node-a', new Date(T0.getTime() + 8 * MINUTE), ttl)).toBe(
        true,
      );
    });

    it('are won by exactly one of two holders asking at the same moment', async () => {
      const other = await t.another();
      const results = await Promise.allSettled([
        takeLease(t.store.connection, 'race', 'node-a', T0, MINUTE),
        takeLease(other, 'race', 'node-b', T0, MINUTE),
      ]);
      // Two writers racing on one row: one wins, the other loses or is refused by the conflict check.
      const won = results.filter((r) => r.status === 'fulfilled' && r.value).length;
      expect(won).toBe(1);
    });
  });

  describe('mail outbox', () => {
    const mail = { recipient: 'a@example.org', subject: '主题', body: '正文' };

    it('hands a message to one sender at a time, and to another only after the first one’s lease', async () => {
      await insertNotifications(
        t.store.connection,
        [note({ mail }), note({ dedupeKey: 'k2', mail: { ...mail, recipient: 'b@example.org' } })],
        T0,
      );
      const claimed = await claimMail(t.store.connection, T0, 5 * MINUTE, 10);
      // Both were queued at the same moment, and neither engine orders them beyond their time
      // (DuckDB happens to answer in insertion order, PostgreSQL in its join's order): compare by recipient.
      const byRecipient = [...claimed].sort((x, y) => x.recipient.localeCompare(y.recipient));
      expect(byRecipient.map((m) => [m.recipient, m.status, m.attempts])).toEqual([
        ['a@example.org', 'sending', 1],
        ['b@example.org', 'sending', 1],
      ]);
      expect(await claimMail(t.store.connection, new Date(T0.getTime() + MINUTE), 5 * MINUTE, 10)).toEqual([]);
      await markMailSent(t.store.connection, byRecipient[0]!.id, new Date(T0.getTime() + MINUTE));
      // The sender died before finishing the second: after the lease it is claimed again; the sent one never.
      const again = await claimMail(t.store.connection, new Date(T0.getTime() + 6 * MINUTE), 5 * MINUTE, 10);
      expect(again.map((m) => [m.recipient, m.attempts])).toEqual([['b@example.org', 2]]);
    });

    it('queues a failed attempt for later, gives up when told to, and retries on request', async () => {
      await insertNotifications(t.store.connection, [note({ mail })], T0);
      const [m] = await claimMail(t.store.connection, T0, MINUTE, 10);
      await markMailFailed(
        t.store.connection,
        m!.id,
        'connect ECONNREFUSED 127.0.0.1:2525',
        new Date(T0.getTime() + 10 * MINUTE),
      );
      expect(await claimMail(t.store.connection, new Date(T0.getTime() + 5 * MINUTE), MINUTE, 10)).toEqual([]);
      expect(await getMail(t.store.connection, m!.id)).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
      });
      const [m2] = await claimMail(t.store.connection, new Date(T0.getTime() + 10 * MINUTE), MINUTE, 10);
      await markMailFailed(t.store.connection, m2!.id, 'still down', null);
      expect(await getMail(t.store.connection, m!.id)).toMatchObject({ status: 'failed', attempts: 2 });
      expect(await claimMail(t.store.connection, new Date(T0.getTime() + 60 * MINUTE), MINUTE, 10)).toEqual([]);
      expect(await retryMail(t.store.connection, m!.id, new Date(T0.getTime() + 60 * MINUTE))).toMatchObject({
        status: 'queued',
      });
      const [m3] = await claimMail(t.store.connection, new Date(T0.getTime() + 60 * MINUTE), MINUTE, 10);
      await markMailSent(t.store.connection, m3!.id, T0);
      // A sent message is not put back in the queue.
      expect(await retryMail(t.store.connection, m!.id, T0)).toBeUndefined();
      expect(await getMail(t.store.connection, m!.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    });
  });

  describe('recipients and deadlines', () => {
    const definition: FormDefinition = {
      title: '报表',
      periodKind: 'quarter',
      sections: [{ id: 's', title: 's', fields: [{ id: 'n', type: 'integer', label: '数量', required: false }] }],
      rules: [],
    };

    it('are the enabled reporters of a unit and the enabled reviewers of a region', async () => {
      const user = (
        username: string,
        role: 'reporter' | 'reviewer',
        regionCode: string,
        department: string | null,
        email: string | null = null,
      ) =>
        insertUser(t.store.connection, {
          username,
          displayName: username,
          passwordHash: 'x',
          role,
          regionCode,
          department,
          email,
        });
      await user('edu', 'reporter', '510104', '锦江区教育局', 'edu@example.org');
      const gone = await user('edu-old', 'reporter', '510104', '锦江区教育局');
      await user('kx', 'reporter', '510104', '锦江区科协');
      await user('rev', 'reviewer', '510104', null);
      await user('rev-cd', 'reviewer', '510100', null);
      await setUserDisabled(t.store.connection, gone.id, T0);
      expect(
        (await reportersOf(t.store.connection, [{ regionCode: '510104', department: '锦江区教育局' }])).map((r) => [
          r.username,
          r.email,
        ]),
      ).toEqual([['edu', 'edu@example.org']]);
      expect((await reviewersOf(t.store.connection, ['510100'])).map((r) => r.username)).toEqual(['rev-cd']);
    });

    it('are the open assignments due in a window whose report is not handed in', async () => {
      const form = await insertForm(
        t.store.connection,
        { planId: null, department: '区教育局', departmentFunction: null, definition },
        'admin',
      );
      await publishForm(t.store.connection, form.id, 'admin');
      const base = { formId: form.id, version: 1, regionCode: '510104', period: '2025Q1' };
      const created = await insertAssignments(t.store.connection, [
        { ...base, department: '未填报', dueDate: '2025-03-31' },
        { ...base, department: '已提交', dueDate: '2025-03-31' },
        { ...base, department: '已退回', dueDate: '2025-03-31' },
        { ...base, department: '太晚', dueDate: '2025-05-01' },
        { ...base, department: '无截止', dueDate: null },
      ]);
      const id = (d: string) => created.find((a) => a.department === d)!.id;
      const write = (assignmentId: string, action: 'submit' | 'return') =>
        t.store.writes.batch(submissionBatch, {
          assignmentId,
          action,
          actor: 'x',
          formVersion: 1,
          values: {},
          ...(action === 'return' ? { comment: '请补充' } : {}),
        });
      await write(id('已提交'), 'submit');
      await write(id('已退回'), 'submit');
      await write(id('已退回'), 'return');
      const due = await dueAssignments(t.store.connection, '2025-03-01', '2025-04-07');
      expect(due.map((a) => [a.department, a.dueDate])).toEqual([
        ['已退回', '2025-03-31'],
        ['未填报', '2025-03-31'],
      ]);
    });
  });
});
