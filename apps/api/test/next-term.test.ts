import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '@kesu/schema';
import { seedDemo } from '../src/demo/seed-demo.js';
import { addUser, Client, startHarnessIn, type Harness } from './harness.js';

// The 2026—2030 draft made from 锦江区's ended plan on the demo data: every target carried over
// with its final actual as baseline; a 十五五 parent plan imported beside it; saved, reviewed,
// and forms generated from it like any other plan.
let dir: string;
let h: Harness;
let office: Client;
let jinjiang = '';

// Written for this test in the form of a 十五五 plan; no public copy of 成都市's exists.
const CHENGDU_2026 = new Uint8Array(
  readFileSync(fileURLToPath(new URL('./documents/chengdu-2026-2030.txt', import.meta.url))),
);

interface Draft {
  plan: Plan;
  text: string;
  parent: {
    parent: { title: string };
    pairs: Array<{ relation: string; target: { index: number } | null; parentTarget: { text: string } | null }>;
  } | null;
}

const nextTerm = (id: string, preview: boolean) =>
  office.request('POST', `/api/v1/plans/${id}/next-term${preview ? '?preview=true' : ''}`, undefined, {
    'Idempotency-Key': `next-term-${id}-${preview}-${Math.random()}`,
  });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-next-term-'));
  h = await startHarnessIn(dir);
  await seedDemo(h.ctx, dir);
  await h.ctx.analytics.build();
  await addUser(h, 'office', 'admin', null);
  office = new Client(h);
  await office.login('office');
  const plans = (await office.request('GET', '/api/v1/plans')).body as unknown as Array<{
    id: string;
    regionCode: string;
  }>;
  jinjiang = plans.find((p) => p.regionCode === '510104')!.id;
}, 180_000);
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /plans/{id}/next-term', () => {
  it('drafts 2026—2030 from 锦江区’s plan: every old target with its final actual as baseline and verdict', async () => {
    const res = await nextTerm(jinjiang, true);
    expect(res.status).toBe(200);
    const draft = res.body as unknown as Draft;
    expect(draft.plan).toMatchObject({
      title: '成都市锦江区全民科学素质行动规划纲要实施方案（2026—2030年）',
      period: { start: 2026, end: 2030 },
      draft: true,
    });
    // 锦江区's 24 targets and its 力争 literacy value, a target of its own.
    expect(draft.plan.targets).toHaveLength(25);
    const finals = await h.ctx.analytics.query(
      `SELECT CAST(split_part(target_id, '#', 2) AS INTEGER) AS n, actual, status FROM fact_progress
       WHERE target_id LIKE $1 AND year = 2025 ORDER BY n`,
      [`${jinjiang}#%`],
    );
    expect(finals.length).toBe(25);
    for (const f of finals) {
      const carried = draft.plan.targets[Number(f['n']) - 1]?.previous;
      expect(carried).toMatchObject({
        year: 2025,
        status: f['status'],
        actual: f['actual'] === null ? null : Number(f['actual']),
      });
    }
    // The demo's reports reach these targets: baselines are there, not only verdicts.
    expect(draft.plan.targets.filter((t) => t.previous?.actual !== null).length).toBeGreaterThan(10);
    expect(draft.parent).toBeNull();
  });

  it('sets the draft against the parent region’s 十五五 plan once it is imported', async () => {
    const imported = await office.request('POST', '/api/v1/plans/import?name=chengdu-2026-2030.txt', CHENGDU_2026);
    expect(imported.status).toBe(201);
    expect((imported.body['plan'] as Plan).period).toEqual({ start: 2026, end: 2030 });
    const draft = (await nextTerm(jinjiang, true)).body as unknown as Draft;
    expect(draft.parent?.parent.title).toBe('成都市全民科学素质行动规划纲要实施方案（2026—2030年）');
    const literacy = draft.parent?.pairs.find((p) => p.target?.index === 0);
    // The old 18 % carried over is below the city's new 22 %.
    expect(literacy).toMatchObject({ relation: 'looser', parentTarget: { text: '全市公民具备科学素质的比例达到22%' } });
  });

  it('stores the draft as a plan of its own, which saves as reviewed and makes forms like any other', async () => {
    const before = ((await office.request('GET', '/api/v1/plans')).body as unknown as unknown[]).length;
    const key = { 'Idempotency-Key': 'next-term-jinjiang-once' };
    const created = await office.request('POST', `/api/v1/plans/${jinjiang}/next-term`, undefined, key);
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    // The same request again (a double click, a retry) answers the plan it made; the key on another request is refused.
    expect((await office.request('POST', `/api/v1/plans/${jinjiang}/next-term`, undefined, key)).body['id']).toBe(id);
    expect((await office.request('POST', `/api/v1/plans/${id}/next-term`, undefined, key)).status).toBe(422);
    expect(id).not.toBe(jinjiang);
    expect(((await office.request('GET', '/api/v1/plans')).body as unknown as unknown[]).length).toBe(before + 1);
    const plan = created.body['plan'] as Plan;
    expect(plan.targets[0]?.previous).toMatchObject({ value: 18, comparator: '>' });
    // The office revises a target against its baseline and saves.
    const revised = { ...plan, targets: plan.targets.map((t, i) => (i === 0 ? { ...t, value: 22 } : t)) };
    const saved = await office.request('PUT', `/api/v1/plans/${id}`, { plan: revised });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, reviewed: true });
    const source = String((await office.request('GET', `/api/v1/plans/${id}/source`)).body['text']);
    expect(source).toContain('到2030年新培育具有较强产业支持力的工匠人才超过200名');
    const form = await office.request('POST', `/api/v1/plans/${id}/forms/generate`, {
      department: '区教育局',
      periodKind: 'year',
    });
    expect(form.status).toBe(201);
    // The ended plan keeps its final evaluation beside the new term's draft.
    expect((await office.request('GET', '/api/v1/print?region=510104&kind=final&format=html')).status).toBe(200);
    // The old plan is untouched.
    expect(((await office.request('GET', `/api/v1/plans/${jinjiang}`)).body['plan'] as Plan).period).toEqual({
      start: 2021,
      end: 2025,
    });
  });

  it('refuses a second draft for the same term, and a plan still running', async () => {
    const again = await nextTerm(jinjiang, false);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'next_term_exists',
      message: expect.stringContaining('本地区已有 2026—2030 年的方案'),
    });
    const plans = (await office.request('GET', '/api/v1/plans')).body as unknown as Array<{
      id: string;
      title: string;
    }>;
    const chengdu = plans.find((p) => p.title === '成都市全民科学素质行动规划纲要实施方案（2026—2030年）')!.id;
    const running = await nextTerm(chengdu, true);
    expect(running.status).toBe(409);
    expect(running.body.error).toMatchObject({
      code: 'plan_not_ended',
      message: '方案规划期（2026—2030年）至 2030 年底，尚未结束，不能起草下一期方案',
    });
  });

  it('is the office’s: a reviewer is refused', async () => {
    await addUser(h, 'jj', 'reviewer', '510104');
    const reviewer = new Client(h);
    await reviewer.login('jj');
    expect((await reviewer.request('POST', `/api/v1/plans/${jinjiang}/next-term?preview=true`)).status).toBe(403);
  });
});
