import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, Plan, Target } from '@kesu/schema';
import { loadSeedDocuments } from '@kesu/seeds';
import { rows } from '@kesu/store';
import { addUser, Client, startHarness, type Body, type Harness } from './harness.js';

// Plan review that can fix everything the importer got wrong (targets deleted, split, added from
// the source; units set from the registry), and a document imported twice caught, not stored twice.
let h: Harness;
let office: Client;
let planId = '';

const seedFile = (prefix: string) => loadSeedDocuments().find((d) => d.stem.startsWith(prefix))!.file;
const JINJIANG = new Uint8Array(readFileSync(seedFile('004')));
const YOUYI = new Uint8Array(readFileSync(seedFile('001')));
// The same plan saved again with a closing line added: another text, the same region and title.
const JINJIANG_EDITED = new Uint8Array(
  Buffer.concat([Buffer.from(JINJIANG), Buffer.from('\n本方案由区科协负责解释。\n', 'utf8')]),
);

interface Record {
  id: string;
  revision: number;
  reviewed: boolean;
  documentSha256: string;
  title: string;
  plan: Plan;
}

const count = async (table: string) =>
  Number((await h.ctx.store.reads.read((conn) => rows(conn, `SELECT count(*) AS n FROM ${table}`)))[0]?.['n']);
const counts = async () => ({
  plans: await count('plans'),
  revisions: await count('plan_revisions'),
  documents: await count('plan_documents'),
  audit: await count('audit_events'),
});
const errorOf = (body: Body) => body.error!;
const read = async () => (await office.request('GET', `/api/v1/plans/${planId}`)).body as unknown as Record;
const source = async () => String((await office.request('GET', `/api/v1/plans/${planId}/source`)).body['text']);
const save = (plan: Plan) => office.request('PUT', `/api/v1/plans/${planId}`, { plan });

beforeAll(async () => {
  h = await startHarness();
  await addUser(h, 'office', 'admin', null);
  office = new Client(h);
  await office.login('office');
  const imported = await office.request('POST', '/api/v1/plans/import?name=jinjiang.txt', JINJIANG);
  expect(imported.status).toBe(201);
  planId = String(imported.body['id']);
}, 60_000);
afterAll(() => h.close());

describe('a document imported again', () => {
  it('is refused with 409 naming the plan it duplicates (same text), and nothing is stored', async () => {
    const before = await counts();
    const res = await office.request('POST', '/api/v1/plans/import?name=again.txt', JINJIANG);
    expect(res.status).toBe(409);
    expect(errorOf(res.body).code).toBe('plan_exists');
    expect(errorOf(res.body).message).toBe(
      `已导入过该方案（同一文件）：「成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）」，第 1 版（编号 ${planId}）。请打开已有方案，或把文件作为它的新版本导入`,
    );
    expect(errorOf(res.body).messageEn).toContain(`(id ${planId})`);
    expect(errorOf(res.body).details).toEqual([expect.objectContaining({ path: 'file', code: 'same_document' })]);
    expect(await counts()).toEqual(before);
  });

  it('is refused when another text carries the same region and title', async () => {
    const before = await counts();
    const res = await office.request('POST', '/api/v1/plans/import?name=edited.txt', JINJIANG_EDITED);
    expect(res.status).toBe(409);
    expect(errorOf(res.body).details).toEqual([expect.objectContaining({ path: 'file', code: 'same_region_title' })]);
    expect(await counts()).toEqual(before);
  });

  it('is previewed without storing anything: its title, region and the plans it duplicates', async () => {
    const before = await counts();
    const same = await office.request('POST', '/api/v1/plans/import?name=edited.txt&preview=true', JINJIANG_EDITED);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({
      regionCode: '510104',
      duplicates: [{ id: planId, reason: 'same_region_title', revision: 1 }],
    });
    const fresh = await office.request('POST', '/api/v1/plans/import?name=youyi.txt&preview=true', YOUYI);
    expect(fresh.body).toMatchObject({ regionCode: '230522', duplicates: [] });
    expect(await counts()).toEqual(before);
  });

  it('is stored as the next revision of the plan when asked, pointing at the new text, audited', async () => {
    const res = await office.request(
      'POST',
      `/api/v1/plans/import?name=edited.txt&as=revision&plan=${planId}`,
      JINJIANG_EDITED,
    );
    expect(res.status).toBe(201);
    const record = res.body as unknown as Record;
    expect(record).toMatchObject({ id: planId, revision: 2, reviewed: false });
    expect(await source()).toContain('本方案由区科协负责解释。');
    expect(await count('plans')).toBe(1);
    const audit = (
      await office.request('GET', `/api/v1/audit?entity=plan&entityId=${planId}&action=plan.import-revision`)
    ).body as unknown as { events: Array<{ previous: unknown; next: unknown }> };
    expect(audit.events).toHaveLength(1);
    expect(audit.events[0]).toMatchObject({
      previous: { revision: 1, reviewed: false },
      next: { revision: 2, document: 'edited.txt', sha256: record.documentSha256 },
    });
    // The original text is now a revision of this plan too: importing it again is still caught.
    expect((await office.request('POST', '/api/v1/plans/import?name=again.txt', JINJIANG)).status).toBe(409);
  });

  it.each([
    ['no plan named', 'as=revision', 400, 'plan_required'],
    ['a plan id that is no uuid', "as=revision&plan=1' OR '1'='1", 400, undefined],
    ['a plan that does not exist', 'as=revision&plan=00000000-0000-4000-8000-000000000000', 404, 'not_found'],
    ['an unknown way to import', 'as=copy', 400, undefined],
  ])('as a revision with %s is refused, nothing stored', async (_name, query, status, code) => {
    const before = await counts();
    const res = await office.request('POST', `/api/v1/plans/import?name=x.txt&${query}`, JINJIANG_EDITED);
    expect(res.status).toBe(status);
    if (code) expect(errorOf(res.body).code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('as a revision of another region’s plan is refused, naming both regions', async () => {
    const before = await counts();
    const res = await office.request('POST', `/api/v1/plans/import?name=youyi.txt&as=revision&plan=${planId}`, YOUYI);
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toMatchObject({
      code: 'other_region',
      message: '文件是友谊县的方案，不能作为锦江区方案的新版本',
      details: [{ path: 'plan', code: 'other_region' }],
    });
    expect(await counts()).toEqual(before);
  });
});

/** A target split in two at a joining character of its text (和, 、), each part keeping its place in the source. */
function split(target: Target, at: number): [Target, Target] {
  const first = {
    ...target,
    text: target.text.slice(0, at),
    span: { start: target.span.start, end: target.span.start + at },
  };
  const second = {
    ...target,
    text: target.text.slice(at + 1),
    metric: target.text.slice(at + 1),
    span: { start: target.span.start + at + 1, end: target.span.end },
  };
  return [first, second];
}

describe('saving a reviewed plan', () => {
  it(
    'keeps every edit: a target deleted, one split in two, ' + 'one added from the source, units set from the registry',
    async () => {
      const { plan, revision } = await read();
      const text = await source();
      const choices = (await office.request('GET', `/api/v1/plans/${planId}/unit-choices`)).body as unknown as Array<{
        raw: string;
        name: string;
        function: string | null;
        region: string | null;
        source: string;
      }>;
      const meteorology = choices.find((c) => c.function === 'meteorology')!;
      expect(meteorology).toMatchObject({ raw: '区气象局', name: '锦江区气象局', source: 'registry' });
      const edu = choices.find((c) => c.raw === '区教育局')!;
      expect(edu.source).toBe('plan');

      // The importer read two goals sharing one noun twice over: one copy goes, one is split in two.
      const deleted = plan.targets.findLastIndex((t) => t.text === '建成2个区级、1个以上市级科技辅导员名师工作室');
      const twoNumbers = plan.targets.findIndex(
        (t) => t.text === '推动中小学配备1名专兼职科技副校长和1名以上专职科技教师',
      );
      const [a, b] = split(plan.targets[twoNumbers]!, plan.targets[twoNumbers]!.text.indexOf('和'));
      const phrase = '每年组织举办“青少年科技创新大赛”';
      const at = text.indexOf(phrase);
      expect(at).toBeGreaterThan(0);
      const school = plan.targets.find((t) => t.text === '建立现代课程教学示范校5所')!;
      const added: Target = {
        ...school,
        text: phrase,
        metric: '青少年科技创新大赛',
        value: 1,
        unit: '次',
        scope: 'annual',
        comparator: '>=',
        perUnit: null,
        indicator: null,
        leadUnits: [meteorology.raw],
        responsibleUnits: ['区科协'],
        span: { start: at, end: at + phrase.length },
      };
      const edited: Plan = structuredClone(plan);
      edited.targets = edited.targets.flatMap((t, i) => (i === deleted ? [] : i === twoNumbers ? [a, b] : [t]));
      edited.targets.push(added);
      edited.sections[0]!.tasks[0]!.leadUnits = ['区教育局', meteorology.raw];
      // A target of a task it has no part in, shared with it all the same.
      edited.targets.find((t) => t.text === '居民健康素养水平达到31%')!.responsibleUnits = [meteorology.raw];
      edited.departments.push({
        raw: meteorology.raw,
        name: meteorology.name,
        function: meteorology.function,
        region: meteorology.region,
      });

      const res = await save(edited);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const saved = await read();
      expect(saved.revision).toBe(revision + 1);
      expect(saved.plan.targets).toHaveLength(plan.targets.length + 1);
      expect(saved.plan.targets.filter((t) => t.text === '建成2个区级、1个以上市级科技辅导员名师工作室')).toHaveLength(
        1,
      );
      expect(saved.plan.targets.map((t) => t.text)).toEqual(
        expect.arrayContaining(['推动中小学配备1名专兼职科技副校长', '1名以上专职科技教师', phrase]),
      );
      expect(saved.plan.targets.at(-1)).toMatchObject({
        leadUnits: ['区气象局'],
        responsibleUnits: ['区科协'],
        span: { start: at },
      });
      expect(saved.plan.sections[0]!.tasks[0]!.leadUnits).toEqual(['区教育局', '区气象局']);

      const audit = (await office.request('GET', `/api/v1/audit?entity=plan&entityId=${planId}&action=plan.review`))
        .body as unknown as { events: Array<{ previous: Plan; next: Plan }> };
      expect(audit.events[0]!.previous.targets).toHaveLength(plan.targets.length);
      expect(audit.events[0]!.next.targets.at(-1)!.text).toBe(phrase);
    },
  );

  it('sends a target given units of its own to the form of those units', async () => {
    const res = await office.request('POST', `/api/v1/plans/${planId}/forms/generate`, {
      department: '区气象局',
      periodKind: 'year',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const definition = res.body['definition'] as FormDefinition;
    const titles = definition.sections.map((s) => s.title);
    // The task it now leads with the target added there, and the target shared with it alone.
    expect(titles.slice(0, 2)).toEqual(['(一)1. 培养青少年科学精神', '本单位负责的方案目标']);
    expect(definition.sections[0]!.fields.map((f) => f.label)).toContain('青少年科技创新大赛');
    expect(definition.sections[1]!.fields.map((f) => f.help)).toEqual([
      expect.stringContaining('居民健康素养水平达到31%'),
    ]);
  });

  it.each([
    [
      'a task led by a unit not in the unit table',
      (p: Plan) => void (p.sections[0]!.tasks[1]!.leadUnits = ['区餐饮协会']),
      'plan.sections[0].tasks[1].leadUnits[0]',
      'unknown_unit',
      '单位「区餐饮协会」不在方案的单位表中，请从部门登记表中选择',
    ],
    [
      'a target shared with a unit not in the unit table',
      (p: Plan) => void (p.targets[2]!.responsibleUnits = ['不存在的单位']),
      'plan.targets[2].responsibleUnits[0]',
      'unknown_unit',
      '单位「不存在的单位」不在方案的单位表中，请从部门登记表中选择',
    ],
    [
      'a unit of a function the registry lacks',
      (p: Plan) => void (p.departments[0]!.function = 'ministry_of_magic'),
      'plan.departments[0].function',
      'unknown_function',
      undefined,
    ],
    [
      'a unit of a region that does not exist',
      (p: Plan) => void (p.departments[0]!.region = '999999'),
      'plan.departments[0].region',
      'unknown_region',
      undefined,
    ],
    [
      'a unit listed twice',
      (p: Plan) => void p.departments.push({ ...p.departments[0]! }),
      undefined,
      'duplicate_unit',
      undefined,
    ],
    [
      'a target in a task that is not there',
      (p: Plan) => void (p.targets[2]!.task = '99.'),
      'plan.targets[2].task',
      'unknown_task',
      undefined,
    ],
    [
      'a target whose text is not the source at its place',
      (p: Plan) => void (p.targets[2]!.text = '建立现代课程教学示范校6所'),
      'plan.targets[2].span',
      'span_mismatch',
      undefined,
    ],
    [
      'a target of negative value',
      (p: Plan) => void (p.targets[2]!.value = -1),
      'plan.targets[2].value',
      undefined,
      undefined,
    ],
  ])(
    'with %s is refused with 400 naming the field, and nothing is stored',
    async (_name, spoil, path, code, message) => {
      const { plan, revision } = await read();
      const before = await counts();
      const spoilt = structuredClone(plan);
      spoil(spoilt);
      const res = await save(spoilt);
      expect(res.status).toBe(400);
      const problem = errorOf(res.body).details[0]!;
      if (path) expect(problem.path).toBe(path);
      if (code) expect(problem.code).toBe(code);
      if (message) expect((problem as { message?: string }).message).toBe(message);
      expect(errorOf(res.body).message).toMatch(/[\u4e00-\u9fff]/);
      expect((await read()).revision).toBe(revision);
      expect(await counts()).toEqual(before);
    },
  );
});
