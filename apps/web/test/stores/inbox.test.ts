import { describe, expect, inject, it, onTestFinished, vi } from 'vitest';
import type { FormRecord } from '@kesu/schema';
import { createAssignments } from '../../src/api/assignments';
import { listForms } from '../../src/api/forms';
import { listNotifications, markAllRead } from '../../src/api/notifications';
import { createUser } from '../../src/api/users';
import { useInboxStore } from '../../src/stores/inbox';
import { useSessionStore } from '../../src/stores/session';
import { refusal, reload } from './page';

const logins = () => inject('logins');
/** Logs this browser in; the cookie and the CSRF token become that person's. */
const as = (username: string, password = logins()[username] as string) => useSessionStore().login(username, password);
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = 'Tea-Garden-7342';
/** Far from the demo users' regions: the units made here are this file's alone. */
const REGION = '654300';
/** Quarters no demo unit reports on, handed out in turn to one reporter's unit. */
const QUARTERS = ['2027', '2028', '2029', '2030'].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));

let form: FormRecord | null = null;
/** The demo's quarterly 科协 form, which the office may assign to any unit. */
async function quarterlyForm(): Promise<FormRecord> {
  form ??=
    (await listForms()).find(
      (f) => f.planId === null && f.department === '科协' && f.definition.periodKind === 'quarter',
    ) ?? null;
  if (!form) throw new Error('the demo has no quarterly 科协 form');
  return form;
}

/** A unit of its own with a reporter; every notice they get comes from this test. */
interface Reporter {
  username: string;
  unit: string;
  /** Notices sent to them so far. */
  notices: number;
  /** Quarters assigned so far. */
  assigned: number;
}

async function newReporter(): Promise<Reporter> {
  await as('admin');
  const { id: formId } = await quarterlyForm();
  const unit = `收件箱测试单位-${suffix()}`;
  // The unit exists once something is assigned to it; nobody is told yet: it has no reporter.
  await createAssignments({
    formId,
    version: 1,
    pairs: [{ regionCode: REGION, department: unit }],
    periods: ['2026Q4'],
    dueDate: null,
  });
  const username = `inbox-${suffix()}`;
  await createUser({
    username,
    displayName: '收件箱测试填报人',
    role: 'reporter',
    regionCode: REGION,
    department: unit,
    email: null,
    password: PASSWORD,
  });
  await as(username, PASSWORD);
  return { username, unit, notices: 0, assigned: 0 };
}

/**
 * The office assigns the next quarters to the reporter's unit (one notice), then the reporter is
 * logged in again once the notice is stored (it is stored just after the office's answer).
 */
async function assignNext(reporter: Reporter, quarters = 1): Promise<{ ids: string[]; periods: string[] }> {
  await as('admin');
  const { id: formId } = await quarterlyForm();
  const periods = QUARTERS.slice(reporter.assigned, reporter.assigned + quarters);
  reporter.assigned += quarters;
  const created = await createAssignments({
    formId,
    version: 1,
    pairs: [{ regionCode: REGION, department: reporter.unit }],
    periods,
    dueDate: null,
  });
  reporter.notices += 1;
  await as(reporter.username, PASSWORD);
  await vi.waitFor(async () => expect((await listNotifications({ limit: 1 })).total).toBe(reporter.notices), {
    timeout: 15_000,
    interval: 100,
  });
  return { ids: created.map((a) => a.id), periods };
}

/** How many requests the page has made to an API path since now (they still reach the server). */
function countRequests(path: string): () => number {
  const spy = vi.spyOn(globalThis, 'fetch');
  onTestFinished(() => spy.mockRestore());
  return () => spy.mock.calls.filter(([input]) => String(input).startsWith(`/api/v1${path}`)).length;
}

describe('the inbox store', () => {
  it('starts empty for a new account, then counts a new task and lists it in both languages', async () => {
    const reporter = await newReporter();
    const inbox = useInboxStore();
    await inbox.refreshCount();
    expect(inbox.unread).toBe(0);
    await inbox.loadLatest();
    expect(inbox.latest).toEqual([]);

    const { ids } = await assignNext(reporter);
    await inbox.refreshCount(true);
    expect(inbox.unread).toBe(1);
    await inbox.loadLatest();
    expect(inbox.latest).toHaveLength(1);
    const [notice] = inbox.latest;
    const { definition } = await quarterlyForm();
    expect(notice).toMatchObject({ kind: 'assignment.received', link: `/report/${ids[0]}`, readAt: null });
    expect(notice?.title).toContain('新的填报任务');
    expect(notice?.title).toContain(definition.title);
    expect(notice?.titleEn).toContain('New report to fill');
    expect(notice?.body).toContain(reporter.unit);
    expect(notice?.bodyEn).toContain(reporter.unit);
  });

  it('names every quarter of one handing-out in one notice that leads to the list of reports', async () => {
    const reporter = await newReporter();
    await assignNext(reporter, 2);
    const inbox = useInboxStore();
    await inbox.loadLatest();
    expect(inbox.unread).toBe(1);
    expect(inbox.latest).toHaveLength(1);
    expect(inbox.latest[0]).toMatchObject({ kind: 'assignment.received', link: '/report' });
    expect(inbox.latest[0]?.title).toMatch(/^新的填报任务 2 项/);
    expect(inbox.latest[0]?.titleEn).toMatch(/^2 new reports to fill/);
    expect(inbox.latest[0]?.body).toContain('2027年第一季度、2027年第二季度');
  });

  it('shows the latest eight, newest first, and counts every unread one', async () => {
    const reporter = await newReporter();
    const links: string[] = [];
    for (let i = 0; i < 9; i++) links.push(`/report/${(await assignNext(reporter)).ids[0]}`);

    const inbox = useInboxStore();
    await inbox.loadLatest();
    expect(inbox.unread).toBe(9);
    expect(inbox.latest.map((n) => n.link)).toEqual(links.slice(1).reverse());
    const times = inbox.latest.map((n) => n.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('reuses a count answered moments ago, shares one in flight, and asks again when forced', async () => {
    const reporter = await newReporter();
    await assignNext(reporter);
    const inbox = useInboxStore();
    const asked = countRequests('/notifications/unread-count');
    await inbox.refreshCount();
    expect(inbox.unread).toBe(1);
    expect(asked()).toBe(1);

    // Everything read in another tab; a route change right after the last answer keeps that answer.
    expect((await markAllRead()).updated).toBe(1);
    await inbox.refreshCount();
    expect(inbox.unread).toBe(1);
    expect(asked()).toBe(1);
    // After a change of one's own the count is asked for anyway; calls meanwhile share that question.
    await Promise.all([inbox.refreshCount(true), inbox.refreshCount(), inbox.refreshCount(true)]);
    expect(asked()).toBe(2);
    expect(inbox.unread).toBe(0);
  });

  it('reads a notice once: in the bell’s list, in the count, and on the server', async () => {
    const reporter = await newReporter();
    await assignNext(reporter);
    await assignNext(reporter);
    const inbox = useInboxStore();
    await inbox.loadLatest();
    expect(inbox.unread).toBe(2);
    const [newest, older] = inbox.latest;
    if (!newest || !older) throw new Error('two notices expected');

    const done = await inbox.read(older);
    expect(done).toMatchObject({ id: older.id, title: older.title });
    expect(done.readAt).not.toBeNull();
    expect(inbox.latest[1]).toEqual(done);
    expect(inbox.latest[0]?.readAt).toBeNull();
    expect(inbox.unread).toBe(1);
    // Already read: nothing is asked and nothing is counted twice.
    const asked = countRequests('/notifications');
    expect(await inbox.read(done)).toBe(done);
    expect(asked()).toBe(0);
    expect(inbox.unread).toBe(1);

    await reload();
    const next = useInboxStore();
    await next.refreshCount();
    expect(next.unread).toBe(1);
    await next.loadLatest();
    expect(next.latest.map((n) => [n.id, n.readAt === null])).toEqual([
      [newest.id, true],
      [older.id, false],
    ]);
    expect(next.latest[1]?.readAt).toBe(done.readAt);
  });

  it('refuses to read someone else’s notice, as one that does not exist, and keeps the count', async () => {
    const owner = await newReporter();
    await assignNext(owner);
    const mine = useInboxStore();
    await mine.loadLatest();
    const notice = mine.latest[0];
    if (!notice) throw new Error('no notice');

    await newReporter();
    await reload();
    const other = useInboxStore();
    await other.refreshCount();
    expect(other.unread).toBe(0);
    const refused = await refusal(other.read(notice));
    expect(refused.status).toBe(404);
    expect(refused.code).toBe('not_found');
    expect(refused.zh).toBe('消息不存在');
    expect(refused.en).toBe('notification not found');
    expect(other.unread).toBe(0);

    // The owner's notice is still unread.
    await as(owner.username, PASSWORD);
    expect((await listNotifications()).unread).toBe(1);
  });

  it('reads all: it says how many, and the count is zero here and after a reload', async () => {
    const reporter = await newReporter();
    await assignNext(reporter);
    await assignNext(reporter);
    await assignNext(reporter);
    const inbox = useInboxStore();
    await inbox.loadLatest();
    const first = inbox.latest[2];
    if (!first) throw new Error('three notices expected');
    await inbox.read(first);
    expect(inbox.unread).toBe(2);

    expect(await inbox.readAll()).toBe(2);
    expect(inbox.unread).toBe(0);
    expect(inbox.latest).toHaveLength(3);
    expect(inbox.latest.every((n) => n.readAt !== null)).toBe(true);
    // The one read before keeps the time it was first read.
    expect(inbox.latest[2]?.readAt).toBe((await listNotifications()).items[2]?.readAt);

    await reload();
    const next = useInboxStore();
    await next.refreshCount();
    expect(next.unread).toBe(0);
    await next.loadLatest();
    expect(next.latest.every((n) => n.readAt !== null)).toBe(true);
    expect(await next.readAll()).toBe(0);
  });

  it('forgets everything on log-out, and the next count asks the server again', async () => {
    const reporter = await newReporter();
    await assignNext(reporter);
    const inbox = useInboxStore();
    await inbox.loadLatest();
    await inbox.refreshCount();
    expect(inbox.unread).toBe(1);
    expect(inbox.latest).toHaveLength(1);

    inbox.reset();
    expect(inbox.unread).toBe(0);
    expect(inbox.latest).toEqual([]);
    // Within the gap that would reuse the last answer: after a reset it asks anyway.
    await inbox.refreshCount();
    expect(inbox.unread).toBe(1);
  });

  // A copy that is already read elsewhere (the inbox page's list after the bell opened it, or a
  // second click before the first answer) must not count down again: the count is the server's.
  it('counts a notice read once even when it is read again from a stale copy', async () => {
    const reporter = await newReporter();
    await assignNext(reporter);
    await assignNext(reporter);
    const inbox = useInboxStore();
    await inbox.loadLatest();
    const copy = inbox.latest[0];
    if (!copy) throw new Error('no notice');
    await inbox.read(copy);
    await inbox.read(copy);
    expect(inbox.unread).toBe((await listNotifications()).unread);
  });
});
