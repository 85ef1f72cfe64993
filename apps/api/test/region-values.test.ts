import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition, type Plan } from '@kesu/schema';
import { getFormVersion, getPlan, submissionBatch, type SubmissionWrite } from '@kesu/store';
import { demoValues } from '../src/demo/demo-values.js';
import { loadSeeds } from '../src/seed.js';
import { buildFixture, type Fixture } from './fixture.js';
import { addUser, Client, startHarness, type Harness } from './harness.js';

/**
 * Three units of 锦江区 report the same stock, the district's science volunteers (队伍人数不少于8000人),
 * every quarter: the district's value and status come from all three, and one typo'd entry (3
 * instead of ~2,300) cannot be approved unconfirmed nor move the status unflagged.
 */
const UNITS = ['锦江区教育局', '锦江区科协', '锦江区卫健委'];
const HISTORY = ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2'];
const USUAL: Record<string, number> = { 锦江区教育局: 2300, 锦江区科协: 2200, 锦江区卫健委: 400 };

let h: Harness;
let f: Fixture;
let reviewer: Client;
let definition: FormDefinition;
let fieldId: string;
let targetId: string;
const ids = new Map<string, string>();

async function progress(year: number) {
  const rows = await h.ctx.analytics.query(
    'SELECT status, actual, rule_zh, rule_en, flagged FROM fact_progress WHERE target_id = $1 AND year = $2',
    [targetId, year],
  );
  return rows[0] as { status: string; actual: number; rule_zh: string; rule_en: string; flagged: boolean };
}

function writes(unit: string, period: string, index: number, value: number, approve: boolean): SubmissionWrite[] {
  const values = { ...demoValues(definition, `${unit}:${period}`, index), [fieldId]: value };
  const checked = compileForm(definition).validate(values);
  if (!checked.ok) throw new Error(`${checked.errors[0]?.path}: ${checked.errors[0]?.messageEn}`);
  const assignmentId = ids.get(`${unit}|${period}`) as string;
  const submit: SubmissionWrite = {
    assignmentId,
    actor: 'reporter',
    formVersion: 1,
    values: checked.values,
    warnings: checked.warnings,
    action: 'submit',
  };
  return approve ? [submit, { assignmentId, actor: 'jj-rev', formVersion: 1, action: 'approve' }] : [submit];
}

beforeAll(async () => {
  h = await startHarness();
  await loadSeeds(h.ctx.store);
  f = await buildFixture(h);
  await addUser(h, 'jj-rev', 'reviewer', '510104');
  reviewer = new Client(h);
  await reviewer.login('jj-rev');
  definition = (await h.ctx.store.reads.read((conn) => getFormVersion(conn, f.formId, 1))) as FormDefinition;
  const plan = (await h.ctx.store.reads.read((conn) => getPlan(conn, f.planId)))?.plan as Plan;
  const fields = definition.sections.flatMap((s) => s.fields);
  const stock = fields.find(
    (field) =>
      'target' in field &&
      plan.targets[(field.target as number) - 1]?.scope === 'point_in_time' &&
      plan.targets[(field.target as number) - 1]?.unit === '人',
  );
  if (!stock || !('target' in stock)) throw new Error('the generated form reports no stock target in 人');
  fieldId = stock.id;
  targetId = `${f.planId}#${stock.target}`;
  const assigned = await f.office.request('POST', '/api/v1/assignments', {
    formId: f.formId,
    version: 1,
    regionCodes: ['510104'],
    departments: UNITS,
    periods: [...HISTORY, '2025Q3'],
    dueDate: null,
  });
  for (const a of assigned.body as unknown as Array<{ id: string; department: string; period: string }>)
    ids.set(`${a.department}|${a.period}`, a.id);
  for (const unit of UNITS) {
    for (const [i, period] of HISTORY.entries()) {
      for (const w of writes(unit, period, i, (USUAL[unit] as number) + 10 * i, true))
        await h.ctx.store.writes.batch(submissionBatch, w);
    }
  }
  await h.ctx.analytics.build({ full: true });
}, 180_000);
afterAll(() => h?.close());

describe('a county’s stock reported by three units', () => {
  it('sums all three units for the county’s value and status', async () => {
    const p = await progress(2025);
    // 2025Q2: 2,350 + 2,250 + 450.
    expect(p.actual).toBe(5050);
    expect(p.flagged).toBe(false);
    expect(p.rule_zh).toContain('最新值 5,050人（2025年第二季度）');
    const behind = await reviewer.request(
      'GET',
      `/api/v1/progress/contributions?target=${encodeURIComponent(targetId)}&year=2025`,
    );
    expect(behind.status).toBe(200);
    expect(behind.body).toMatchObject({ source: 'field', combine: 'stock', actual: 5050 });
    expect(
      (behind.body['rows'] as Array<{ unit: string; value: number }>).map((r) => [r.unit, r.value]).sort(),
    ).toEqual(
      [
        ['锦江区卫健委', 450],
        ['锦江区教育局', 2350],
        ['锦江区科协', 2250],
      ].sort(),
    );
  });

  it('refuses an unconfirmed typo and keeps the status, then flags it once confirmed', async () => {
    const before = await progress(2025);
    for (const unit of UNITS) {
      const value = unit === '锦江区教育局' ? 3 : (USUAL[unit] as number) + 60;
      for (const w of writes(unit, '2025Q3', 6, value, unit !== '锦江区教育局'))
        await h.ctx.store.writes.batch(submissionBatch, w);
    }
    const typo = ids.get('锦江区教育局|2025Q3') as string;
    const refused = await reviewer.request('POST', `/api/v1/assignments/${typo}/submission/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'outliers_unconfirmed' });
    expect(refused.body.error?.details.map((d) => d.path)).toContain(`confirmOutliers.${fieldId}`);
    expect(refused.body.error?.message).toContain('远离本单位往期');
    await h.ctx.analytics.build();
    // The two other units' 2025Q3 values count; the typo's unit still counts at its last approved level.
    const held = await progress(2025);
    expect(held.actual).toBe(2350 + 2260 + 460);
    expect(held.flagged).toBe(false);
    expect(held.status).toBe(before.status);

    const confirmed = await reviewer.request('POST', `/api/v1/assignments/${typo}/submission/approve`, {
      confirmOutliers: [fieldId],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body['comment']).toContain('已核实偏离往期的数值');
    await h.ctx.analytics.build();
    const after = await progress(2025);
    expect(after.actual).toBe(3 + 2260 + 460);
    expect(after.flagged).toBe(true);
    expect(after.rule_zh).toContain(
      '⚠ 含偏离本单位往期的数值，请核实：锦江区教育局2025年第三季度填报 3人，为其往期中位数（2,325人）的 0.13%',
    );
    expect(after.rule_en).toContain('锦江区教育局 reported 3 people for Q3 2025');
    const behind = await reviewer.request(
      'GET',
      `/api/v1/progress/contributions?target=${encodeURIComponent(targetId)}&year=2025`,
    );
    const typoRow = (behind.body['rows'] as Array<{ unit: string; outlier: { direction: string } | null }>).find(
      (r) => r.unit === '锦江区教育局',
    );
    expect(typoRow?.outlier).toMatchObject({ direction: 'low' });
  });

  it('answers a target that does not exist with 404 and one outside the caller’s region with 403', async () => {
    expect((await reviewer.request('GET', '/api/v1/progress/contributions?target=nope%231&year=2025')).status).toBe(
      404,
    );
    await addUser(h, 'sz-leader', 'leader', '440300');
    const outside = new Client(h);
    await outside.login('sz-leader');
    expect(
      (await outside.request('GET', `/api/v1/progress/contributions?target=${encodeURIComponent(targetId)}&year=2025`))
        .status,
    ).toBe(403);
  });
});
