import { describe, expect, inject, it } from 'vitest';
import { beijingToday } from '@kesu/schema';
import { createUser, disableUser, enableUser, updateUser } from '../../src/api/users';
import type { AuditView } from '../../src/features/audit/audit-query';
import { useRecordsStore } from '../../src/stores/records';
import { useSessionStore } from '../../src/stores/session';
import { refusal, reload, unique } from './page';

const logins = () => inject('logins');
/** Logs this browser in; the cookie and the CSRF token become that person's. */
const as = (username: string, password = logins()[username] as string) => useSessionStore().login(username, password);
const PASSWORD = 'Tea-Garden-7342';
const OFFICE_NAME = '科协办公室（演示）';

/** The audit page's filter: nothing set, the first page, with these changes. */
const view = (part: Partial<AuditView> = {}): AuditView => ({
  actor: null,
  action: null,
  entity: null,
  entityId: null,
  from: null,
  to: null,
  page: 1,
  ...part,
});
const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A reviewer account made by the office (an entry in the trail), as the office. */
async function newAccount(prefix = 'rec') {
  const username = unique(prefix);
  const { loginCode: _code, ...user } = await createUser({
    username,
    displayName: '审计测试',
    role: 'reviewer',
    regionCode: '510104',
    department: null,
    email: null,
    password: PASSWORD,
  });
  return user;
}

describe('the records store: the audit trail', () => {
  it('shows the office the newest page of the trail and who appears in it', async () => {
    await as('admin');
    const records = useRecordsStore();
    expect(records.page).toBeNull();
    await records.loadAudit(view());
    const page = records.page;
    if (!page) throw new Error('no page');
    expect(page.offset).toBe(0);
    expect(page.limit).toBe(50);
    expect(page.events).toHaveLength(Math.min(50, page.total));
    // The demo seed imported the plans and the demo reviewers approved reports.
    expect(page.total).toBeGreaterThanOrEqual(50);
    const times = page.events.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());

    const byName = new Map(records.actors.map((a) => [a.username, a]));
    expect(byName.get('demo-seed')?.displayName).toBeNull();
    expect(byName.get('demo-seed')?.events).toBeGreaterThan(0);
    expect(byName.get('jj-reviewer')).toMatchObject({ displayName: '锦江区审核人（演示）' });
    expect(byName.get('jj-reviewer')?.events).toBeGreaterThan(0);
    const names = records.actors.map((a) => a.username);
    expect(names).toEqual([...names].sort());
  });

  it('refuses the trail to anyone but the office, with the reason in both languages', async () => {
    await as('jj-reviewer');
    const records = useRecordsStore();
    const failure = await refusal(records.loadAudit(view()));
    expect(failure.status).toBe(403);
    expect(failure.code).toBe('forbidden');
    expect(failure.zh).toBe('无权访问');
    expect(failure.en).toBe('not allowed for your role or scope');
    expect(records.page).toBeNull();
    expect(records.actors).toEqual([]);
  });

  it('filters by what was changed, newest first, naming who did it and what it was before', async () => {
    await as('admin');
    const made = await newAccount();
    await updateUser(made.id, { displayName: '审计测试（改名）' });
    await disableUser(made.id);
    await enableUser(made.id);

    const records = useRecordsStore();
    await records.loadAudit(view({ entity: 'user', entityId: made.id }));
    const page = records.page;
    expect(page?.total).toBe(4);
    expect(page?.events.map((e) => e.action)).toEqual(['user.enable', 'user.disable', 'user.update', 'user.create']);
    for (const event of page?.events ?? []) {
      expect(event).toMatchObject({ actor: 'admin', actorName: OFFICE_NAME, entity: 'user', entityId: made.id });
    }
    const update = page?.events[2];
    expect(update?.previous).toMatchObject({ displayName: '审计测试' });
    expect(update?.next).toMatchObject({ displayName: '审计测试（改名）' });
    expect(page?.events[3]?.previous).toBeNull();

    await records.loadAudit(view({ action: 'user.update', entityId: made.id }));
    expect(records.page?.total).toBe(1);
    expect(records.page?.events[0]?.action).toBe('user.update');
  });

  it('filters by Beijing day, and refuses a range that ends before it starts, keeping the page shown', async () => {
    await as('admin');
    const made = await newAccount();
    const today = beijingToday();
    const records = useRecordsStore();

    await records.loadAudit(view({ entityId: made.id, from: today, to: today }));
    expect(records.page?.total).toBe(1);
    expect(records.page?.events[0]?.action).toBe('user.create');
    const shown = records.page;

    const refused = await refusal(records.loadAudit(view({ entityId: made.id, from: today, to: shiftDay(today, -1) })));
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('bad_range');
    expect(refused.zh).toBe(`开始日期 ${today} 晚于结束日期 ${shiftDay(today, -1)}`);
    expect(refused.en).toBe(`the start date ${today} is after the end date ${shiftDay(today, -1)}`);
    expect(records.page).toBe(shown);

    await records.loadAudit(view({ entityId: made.id, from: shiftDay(today, 1) }));
    expect(records.page?.total).toBe(0);
    expect(records.page?.events).toEqual([]);
    await records.loadAudit(view({ entityId: made.id, to: shiftDay(today, -1) }));
    expect(records.page?.total).toBe(0);
  });

  it('pages through the trail fifty at a time, each page older than the last', async () => {
    await as('admin');
    const records = useRecordsStore();
    await records.loadAudit(view());
    const first = records.page;
    if (!first) throw new Error('no first page');
    await records.loadAudit(view({ page: 2 }));
    const second = records.page;
    if (!second) throw new Error('no second page');
    expect(second.offset).toBe(50);
    expect(second.limit).toBe(50);
    expect(first.events).toHaveLength(50);
    expect(second.events.length).toBeGreaterThan(0);
    const seen = new Set(first.events.map((e) => e.id));
    expect(second.events.some((e) => seen.has(e.id))).toBe(false);
    const lastOfFirst = first.events.at(-1)?.occurredAt ?? '';
    expect(second.events.every((e) => e.occurredAt <= lastOfFirst)).toBe(true);
  });

  it('keeps only the latest filter’s answer: an earlier one never replaces it, whichever is first', async () => {
    await as('admin');
    const older = await newAccount();
    const newer = await newAccount();
    const records = useRecordsStore();

    const first = records.loadAudit(view({ entityId: older.id }));
    const second = records.loadAudit(view({ entityId: newer.id }));
    await first;
    // The earlier filter's answer is dropped: nothing yet, or the later one's.
    expect(records.page === null || records.page.events[0]?.entityId === newer.id).toBe(true);
    await second;
    expect(records.page?.total).toBe(1);
    expect(records.page?.events[0]).toMatchObject({ entityId: newer.id, action: 'user.create' });
    await first;
    expect(records.page?.events[0]?.entityId).toBe(newer.id);
  });

  it('asks who appears in the trail once per page: someone new shows after a reload', async () => {
    await as('admin');
    const records = useRecordsStore();
    await records.loadAudit(view());
    const cached = records.actors;
    const username = unique('newbie');
    const { loginCode } = await createUser({
      username,
      displayName: '新来的人',
      role: 'reviewer',
      regionCode: '510104',
      department: null,
      email: null,
    });
    if (!loginCode) throw new Error('no code');
    // Setting one's own password is the newcomer's first entry in the trail.
    await useSessionStore().redeem(username, loginCode.code, 'Bright-Kite-4417');
    await as('admin');

    await records.loadAudit(view({ actor: username }));
    expect(records.page?.total).toBe(1);
    expect(records.page?.events[0]).toMatchObject({
      actor: username,
      actorName: '新来的人',
      action: 'user.set-password',
    });
    expect(records.actors).toBe(cached);
    expect(records.actors.map((a) => a.username)).not.toContain(username);

    await reload();
    const next = useRecordsStore();
    await next.loadAudit(view());
    expect(next.actors.find((a) => a.username === username)).toEqual({
      username,
      displayName: '新来的人',
      events: 1,
    });
  });
});

describe('the records store: backups', () => {
  it('makes a backup that leads the list, downloads from its link, and both are in the trail', async () => {
    await as('admin');
    const records = useRecordsStore();
    await records.loadBackups();
    const before = records.backups.length;

    const made = await records.makeBackup();
    expect(made.name).toMatch(/^kesu-\d{4}-\d{2}-\d{2}T[\d-]+\+0800\.duckdb$/);
    expect(made.file).toBe(`backups/${made.name}`);
    expect(made.bytes).toBeGreaterThan(0);
    expect(records.backups).toHaveLength(before + 1);
    expect(records.backups[0]).toEqual(made);

    const url = records.backupUrl(made.name);
    expect(url).toBe(`/api/v1/backups/${made.name.replace('+', '%2B')}`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(made.bytes));
    expect(res.headers.get('content-disposition')).toContain(made.name);
    await res.body?.cancel();

    await records.loadAudit(view({ action: 'backup.create' }));
    expect(records.page?.events[0]).toMatchObject({ actor: 'admin', next: { file: made.name } });
    await records.loadAudit(view({ action: 'backup.download' }));
    expect(records.page?.events[0]).toMatchObject({ actor: 'admin', next: { file: made.name } });

    await reload();
    const next = useRecordsStore();
    await next.loadBackups();
    expect(next.backups.find((b) => b.name === made.name)).toEqual(made);
  });

  it('refuses a link that reaches outside the backups folder, with the reason in both languages', async () => {
    await as('admin');
    const res = await fetch(useRecordsStore().backupUrl('../kesu.duckdb'));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; messageEn: string } };
    expect(body.error.code).toBe('bad_backup_name');
    expect(body.error.message).toContain('不是备份文件名');
    expect(body.error.messageEn).toContain('is not a backup file name');
  });

  it('keeps backups from anyone but the office', async () => {
    await as('sc-stat');
    const records = useRecordsStore();
    const list = await refusal(records.loadBackups());
    expect(list.status).toBe(403);
    expect(list.zh).toBe('无权访问');
    const make = await refusal(records.makeBackup());
    expect(make.status).toBe(403);
    expect(records.backups).toEqual([]);
  });
});
