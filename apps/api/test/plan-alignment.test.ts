import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Target } from '@kesu/schema';
import { loadParentDocuments, loadSeedDocuments } from '@kesu/seeds';
import { insertPlan, savePlanDocument } from '@kesu/store';
import { addUser, Client, startHarness, type Body, type Harness } from './harness.js';

// A plan set against its parent: the nearest region above with a plan for the term, the one
// named, none, or two equally good; pairs with their relation in words and the children summed.
let h: Harness;
let office: Client;
let jinjiang = '';
let secondChengdu = '';

const bytesOf = (file: string) => new Uint8Array(readFileSync(file));
const JINJIANG = bytesOf(loadSeedDocuments().find((d) => d.stem.startsWith('004'))!.file);
const SICHUAN = bytesOf(loadParentDocuments().find((d) => d.stem === '510000')!.file);

interface Pair {
  relation: string;
  target: { index: number; text: string } | null;
  parentTarget: { index: number; text: string } | null;
  note: { zh: string; en: string };
  amount: number | null;
  parentAmount: number | null;
  rollUp: { verdict: string; children: number; sum: number | null; note: { zh: string } } | null;
}
const pairsOf = (body: Body) => body['pairs'] as Pair[];
const align = (query = '') => office.request('GET', `/api/v1/plans/${jinjiang}/alignment${query}`);

function target(
  text: string,
  value: number,
  unit: string,
  scope: 'annual' | 'cumulative' | 'point_in_time',
  indicator: string,
): Target {
  return {
    text,
    metric: text,
    value,
    valueMax: null,
    unit,
    comparator: '>=',
    scope,
    perUnit: null,
    deadline: scope === 'point_in_time' ? 2025 : null,
    section: null,
    task: null,
    leadUnits: ['市科协'],
    indicator,
    span: { start: 0, end: text.length },
  } as Target;
}

/** A 成都市 plan written for this test (no public copy of the real one exists), stored as an import would store it. */
async function storeChengduPlan(title: string, targets: Target[]): Promise<string> {
  const plan: Plan = {
    region: { name: '成都市', short: '成都', level: 'prefecture', province: '四川省', parent: null, code: '510100' },
    title,
    docNumber: null,
    issuedOn: null,
    period: { start: 2021, end: 2025 },
    draft: false,
    literacyTarget: null,
    sections: [],
    targets,
    departments: [],
    issues: [],
  };
  return h.ctx.store.writes.write(async (conn) => {
    const doc = await savePlanDocument(conn, `${title}.txt`, targets.map((t) => t.text).join('\n'));
    return (await insertPlan(conn, plan, doc.sha256, 'test')).id;
  });
}

beforeAll(async () => {
  h = await startHarness();
  await addUser(h, 'office', 'admin', null);
  office = new Client(h);
  await office.login('office');
  jinjiang = String((await office.request('POST', '/api/v1/plans/import?name=jinjiang.txt', JINJIANG)).body['id']);
}, 60_000);
afterAll(() => h.close());

describe('GET /plans/{id}/alignment', () => {
  it('answers 404 naming the regions above when none has a plan for the term', async () => {
    const res = await align();
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'no_parent_plan',
      message: '锦江区的上级地区（成都市、四川省）尚无与其规划期（2021—2025年）同期的已导入实施方案，无法对照',
    });
  });

  it('takes the province’s real plan when the city has none: the literacy target is stricter', async () => {
    const imported = await office.request('POST', '/api/v1/plans/import?name=sichuan.txt', SICHUAN);
    expect(imported.status).toBe(201);
    const res = await align();
    expect(res.status).toBe(200);
    expect(res.body['parent']).toMatchObject({
      regionCode: '510000',
      title: '四川省全民科学素质行动实施方案',
      period: { start: 2021, end: 2025 },
    });
    expect(res.body['chosenBy']).toBe('nearest');
    const literacy = pairsOf(res.body).find((p) => p.parentTarget?.text.includes('科学素质的比例'));
    expect(literacy).toMatchObject({
      relation: 'stricter',
      amount: 18,
      parentAmount: 13,
      note: { zh: '本级「> 18%」高于上级「> 13%」' },
    });
    // A rate is never summed over the regions under the province.
    expect(literacy?.rollUp).toMatchObject({ verdict: 'not_summed', sum: null });
    expect(pairsOf(res.body).filter((p) => p.relation === 'local_only')).toHaveLength(23);
  });

  it('prefers the nearer city’s plan, pairs counts as shares over the term and sums the districts', async () => {
    await storeChengduPlan('成都市实施方案（测试）', [
      target('全市公民具备科学素质的比例达到16%', 16, '%', 'point_in_time', 'science_literacy_rate'),
      target('五年培训专业技能工人10万名', 100000, '名', 'cumulative', 'persons_trained'),
      target('建设科普基地50个', 50, '个', 'point_in_time', 'science_bases'),
    ]);
    const res = await align();
    expect(res.status).toBe(200);
    expect(res.body['parent']).toMatchObject({ regionCode: '510100', title: '成都市实施方案（测试）' });
    const byParent = (i: number) => pairsOf(res.body).find((p) => p.parentTarget?.index === i);
    expect(byParent(0)).toMatchObject({ relation: 'stricter', target: { index: 0 } });
    expect(byParent(1)).toMatchObject({
      relation: 'share',
      amount: 10000,
      parentAmount: 100000,
      note: { zh: '本级规划期合计 每年 ≥ 2,000名 × 5 年 = 1万名，占上级 ≥ 10万名 的 10%' },
    });
    expect(byParent(1)?.rollUp).toMatchObject({ verdict: 'incomplete', sum: 10000 });
    expect(byParent(1)?.rollUp?.note.zh).toMatch(
      /^\d+ 个下级地区中 1 个有对应目标，合计 1万名，比上级 10万名 少 9万名；其余 \d+ 个未导入方案或没有这一目标$/,
    );
    // 新增区级以上科普基地3个 (added) against 建设…50个 (a level): different scopes, not compared.
    expect(byParent(2)).toMatchObject({ relation: 'different_scope', amount: null });
    // The literacy rate and its 力争 value, both above the city's.
    expect(res.body['counts']).toMatchObject({ stricter: 2, share: 1, different_scope: 1 });
  });

  it('uses the parent plan named, and refuses one that is not above the plan', async () => {
    const plans = (await office.request('GET', '/api/v1/plans')).body as unknown as Array<{
      id: string;
      regionCode: string;
    }>;
    const sichuan = plans.find((p) => p.regionCode === '510000')!.id;
    const candidates = await office.request('GET', `/api/v1/plans/${jinjiang}/parent-candidates`);
    expect(
      (candidates.body as unknown as Array<{ regionCode: string; title: string }>).map((c) => [c.regionCode, c.title]),
    ).toEqual([
      ['510100', '成都市实施方案（测试）'],
      ['510000', '四川省全民科学素质行动实施方案'],
    ]);
    const res = await align(`?parent=${sichuan}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ chosenBy: 'asked', parent: { id: sichuan } });
    const own = await align(`?parent=${jinjiang}`);
    expect(own.status).toBe(400);
    expect(own.body.error).toMatchObject({ code: 'not_an_ancestor', details: [{ path: 'parent' }] });
    expect((await align('?parent=not-an-id')).status).toBe(400);
  });

  it('does not guess between two equally good parent plans (409 listing both), and takes the one named', async () => {
    secondChengdu = await storeChengduPlan('成都市实施方案（测试，另一份）', [
      target('全市公民具备科学素质的比例达到15%', 15, '%', 'point_in_time', 'science_literacy_rate'),
    ]);
    const res = await align();
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'ambiguous_parent',
      message: '成都市有 2 个同样可作上级的同期方案，请用 parent 指定其一',
    });
    expect(res.body.error?.details.map((d) => d.path)).toEqual(['parent', 'parent']);
    const named = await align(`?parent=${secondChengdu}`);
    expect(named.status).toBe(200);
    expect(pairsOf(named.body)[0]).toMatchObject({ relation: 'stricter', amount: 18, parentAmount: 15 });
  });

  it('says so when the parent has no comparable target', async () => {
    const other = await storeChengduPlan('成都市科普场馆方案（测试）', [
      target('建成科普场馆面积2万平方米', 20000, '平方米', 'point_in_time', 'science_venue_floor_area'),
    ]);
    const res = await align(`?parent=${other}`);
    expect(res.status).toBe(200);
    expect(res.body['summary']).toMatchObject({
      zh: '上级方案「成都市科普场馆方案（测试）」没有可与本方案对照的目标（同一指标、同一单位）',
    });
    expect(pairsOf(res.body).map((p) => p.relation)).toEqual([...Array(25).fill('local_only'), 'parent_only']);
  });

  it('shows a county user their plan against the city’s; another county’s user is refused', async () => {
    await addUser(h, 'jj', 'reviewer', '510104');
    await addUser(h, 'qy', 'reviewer', '510105');
    const [own, other] = [new Client(h), new Client(h)];
    await own.login('jj');
    await other.login('qy');
    const query = `?parent=${secondChengdu}`;
    const res = await own.request('GET', `/api/v1/plans/${jinjiang}/alignment${query}`);
    expect(res.status).toBe(200);
    expect(res.body['parent']).toMatchObject({ regionName: '成都市' });
    expect((await other.request('GET', `/api/v1/plans/${jinjiang}/alignment${query}`)).status).toBe(403);
  });
});
