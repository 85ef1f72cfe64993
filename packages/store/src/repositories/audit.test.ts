import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, openTestStore, type TestStore } from '../testing/index.js';
import { listAuditActors, recordAudit, searchAudit } from './audit.js';
import { insertUser } from './users.js';

const at = (iso: string) => new Date(iso);
const page = { limit: 50, offset: 0 };

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
    const conn = t.store.connection;
    await insertUser(conn, {
      username: 'office',
      displayName: '科协办公室',
      passwordHash: 'x',
      role: 'admin',
      regionCode: null,
      department: null,
    });
    await recordAudit(
      conn,
      [
        {
          actor: 'office',
          action: 'plan.import',
          entity: 'plan',
          entityId: 'p1',
          previous: null,
          next: { title: '方案' },
        },
      ],
      at('2024-03-01T01:00:00Z'),
    );
    // Two steps of one transaction share their time and must keep their order.
    await recordAudit(
      conn,
      [
        {
          actor: 'edu',
          action: 'submission.save',
          entity: 'submission',
          entityId: 'a1',
          previous: null,
          next: { status: 'draft', revision: 1 },
        },
        {
          actor: 'edu',
          action: 'submission.submit',
          entity: 'submission',
          entityId: 'a1',
          previous: { status: 'draft', revision: 1 },
          next: { status: 'submitted', revision: 2 },
        },
      ],
      at('2024-03-04T15:59:59Z'),
    );
    await recordAudit(
      conn,
      [
        {
          actor: 'office',
          action: 'submission.approve',
          entity: 'submission',
          entityId: 'a1',
          previous: { status: 'submitted', revision: 2 },
          next: { status: 'approved', revision: 3 },
        },
      ],
      at('2024-03-04T16:00:00Z'),
    );
  });
  afterAll(() => t.dispose());

  describe('searching the audit trail', () => {
    it(
      'lists newest first by default, with the total, ' + 'and the actor’s display name where the user exists',
      async () => {
        const { total, events } = await searchAudit(t.store.connection, page);
        expect(total).toBe(4);
        expect(events.map((e) => e.action)).toEqual([
          'submission.approve',
          'submission.submit',
          'submission.save',
          'plan.import',
        ]);
        expect(events[0]).toMatchObject({
          actor: 'office',
          actorName: '科协办公室',
          previous: { status: 'submitted' },
          next: { status: 'approved' },
        });
        expect(events[1]).toMatchObject({ actor: 'edu', actorName: null });
      },
    );

    it('keeps the steps of one transaction in order either way', async () => {
      const { events } = await searchAudit(t.store.connection, { ...page, entityId: 'a1', order: 'asc' });
      expect(events.map((e) => e.action)).toEqual(['submission.save', 'submission.submit', 'submission.approve']);
    });

    it('filters by actor, action, entity and time range, the total counting every match beyond the page', async () => {
      expect((await searchAudit(t.store.connection, { ...page, actor: 'office' })).events.map((e) => e.action)).toEqual(
        ['submission.approve', 'plan.import'],
      );
      expect((await searchAudit(t.store.connection, { ...page, action: 'submission.submit' })).total).toBe(1);
      expect(
        (await searchAudit(t.store.connection, { ...page, entity: 'plan' })).events.map((e) => e.entityId),
      ).toEqual(['p1']);
      const day = await searchAudit(t.store.connection, {
        ...page,
        from: at('2024-03-04T16:00:00Z'),
        until: at('2024-03-05T16:00:00Z'),
      });
      expect(day.events.map((e) => e.action)).toEqual(['submission.approve']);
      const paged = await searchAudit(t.store.connection, { limit: 2, offset: 2 });
      expect(paged).toMatchObject({ total: 4 });
      expect(paged.events.map((e) => e.action)).toEqual(['submission.save', 'plan.import']);
    });

    it('takes filter text as a value, never as SQL', async () => {
      const { total } = await searchAudit(t.store.connection, { ...page, actor: "office' OR '1'='1" });
      expect(total).toBe(0);
    });

    it('names everyone in the trail with their number of events', async () => {
      expect(await listAuditActors(t.store.connection)).toEqual([
        { username: 'edu', displayName: null, events: 2 },
        { username: 'office', displayName: '科协办公室', events: 2 },
      ]);
    });
  });
});
