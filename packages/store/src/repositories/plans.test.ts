import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '@kesu/schema';
import { rows } from '../sql.js';
import { BACKENDS, openTestStore, type TestStore } from '../testing/index.js';
import { documentSha256, planDocumentText, savePlanDocument } from './plan-documents.js';
import { findSamePlans, getPlan, importPlanRevision, insertPlan, plansInRegions, savePlanRevision } from './plans.js';

function plan(title: string, code: string | null = '510104'): Plan {
  return {
    region: { name: '锦江区', short: '锦江', level: 'district', province: '四川省', parent: '成都市', code },
    title,
    docNumber: null,
    issuedOn: null,
    period: { start: 2021, end: 2025 },
    draft: false,
    literacyTarget: null,
    sections: [],
    targets: [],
    departments: [],
    issues: [],
  };
}

const TITLE = '锦江区全民科学素质行动规划纲要实施方案（2021—2025年）';

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(backend);
  });
  afterEach(() => t.dispose());

  describe('finding the plans a document would duplicate', () => {
    it('by the same text, and by the same region and title however its brackets and spaces are printed', async () => {
      const conn = t.store.connection;
      const doc = await savePlanDocument(conn, 'a.txt', '方案原文');
      const stored = await insertPlan(conn, plan(TITLE), doc.sha256, 'office');
      const other = await savePlanDocument(conn, 'b.txt', '另一份原文');

      expect((await findSamePlans(conn, doc.sha256, '999999', '别的标题')).map((p) => [p.id, p.reason])).toEqual([
        [stored.id, 'same_document'],
      ]);
      expect(
        (await findSamePlans(conn, other.sha256, '510104', '锦江区全民科学素质行动规划纲要实施方案 (2021-2025年)')).map(
          (p) => [p.id, p.reason],
        ),
      ).toEqual([[stored.id, 'same_region_title']]);
      expect(await findSamePlans(conn, other.sha256, '510105', TITLE)).toEqual([]);
      expect(await findSamePlans(conn, other.sha256, '510104', '锦江区科普工作方案')).toEqual([]);
    });

    it('a plan of no known region is the same as another of no known region with its title', async () => {
      const conn = t.store.connection;
      const doc = await savePlanDocument(conn, 'a.txt', '原文');
      const stored = await insertPlan(conn, plan('未识别的方案', null), doc.sha256, 'office');
      expect((await findSamePlans(conn, 'x'.repeat(64), null, '未识别的方案')).map((p) => p.id)).toEqual([stored.id]);
      expect(await findSamePlans(conn, 'x'.repeat(64), '510104', '未识别的方案')).toEqual([]);
    });
  });

  it('reads the plans of the regions named, and none for no region', async () => {
    const conn = t.store.connection;
    const doc = await savePlanDocument(conn, 'a.txt', '原文');
    const city = await insertPlan(conn, plan('成都市实施方案', '510100'), doc.sha256, 'office');
    await insertPlan(conn, plan(TITLE), doc.sha256, 'office');
    const province = await insertPlan(conn, plan('四川省实施方案', '510000'), doc.sha256, 'office');
    expect((await plansInRegions(conn, ['510100', '510000'])).map((p) => [p.id, p.plan.title])).toEqual([
      [city.id, '成都市实施方案'],
      [province.id, '四川省实施方案'],
    ]);
    expect(await plansInRegions(conn, [])).toEqual([]);
  });

  describe('plan document texts', () => {
    it('are read back by the key their text gives, and a key with no text reads empty', async () => {
      const doc = await savePlanDocument(t.store.connection, 'a.txt', '方案原文');
      expect(doc.sha256).toBe(documentSha256('方案原文'));
      expect(await planDocumentText(t.store.connection, doc.sha256)).toBe('方案原文');
      expect(await planDocumentText(t.store.connection, documentSha256('没有存过'))).toBe('');
    });
  });

  describe('importing a document as the next revision of a plan', () => {
    it('keeps the plan and its earlier revisions, points at the new text and waits for review again', async () => {
      const conn = t.store.connection;
      const first = await savePlanDocument(conn, 'a.txt', '第一版原文');
      const stored = await insertPlan(conn, plan(TITLE), first.sha256, 'office');
      await savePlanRevision(conn, stored.id, { ...plan(TITLE), draft: true }, 'reviewer');
      const second = await savePlanDocument(conn, 'b.txt', '第二版原文');
      const next = await importPlanRevision(conn, stored.id, plan(`${TITLE}（修订）`), second.sha256, 'office');

      expect(next).toMatchObject({
        id: stored.id,
        revision: 3,
        reviewed: false,
        documentSha256: second.sha256,
        title: `${TITLE}（修订）`,
        updatedBy: 'office',
      });
      expect((await getPlan(conn, stored.id))?.plan.title).toBe(`${TITLE}（修订）`);
      const kept = await rows(
        conn,
        'SELECT revision, reviewed, created_by FROM plan_revisions WHERE plan_id = $1 ORDER BY revision',
        [stored.id],
      );
      expect(kept.map((r) => [Number(r['revision']), r['reviewed'], r['created_by']])).toEqual([
        [1, false, 'office'],
        [2, true, 'reviewer'],
        [3, false, 'office'],
      ]);
      expect(Number((await rows(conn, 'SELECT count(*) AS n FROM plans'))[0]?.['n'])).toBe(1);
    });

    it('refuses a plan that does not exist', async () => {
      await expect(
        importPlanRevision(t.store.connection, 'no-such-plan', plan(TITLE), 'x'.repeat(64), 'office'),
      ).rejects.toThrow('no plan no-such-plan');
    });
  });
});
