import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Assignment, FormDefinition } from '@kesu/schema';
import * as api from '../../src/api/assignments';
import { publishForm } from '../../src/api/forms';
import { generateForm, importPlan } from '../../src/api/plans';
import { createUser } from '../../src/api/users';
import { useAssignmentsStore } from '../../src/stores/assignments';
import { useSessionStore } from '../../src/stores/session';
import { SEED_DOCUMENTS } from '../support/paths';
import { logIn, refusal } from './page';

const RUN = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'Store-Test-Pass-7391';
// This file's own people in 温州市鹿城区, where no demo user and no other test works.
const REPORTER = `a${RUN}-kx`;
const COUNTY = `a${RUN}-lc`;
const CITY = `a${RUN}-wz`;
const UNIT = '鹿城区科协';
const KX_TITLE = '鹿城区科协季度科学素质工作报表';
const EDU_TITLE = '鹿城区教育局季度科学素质工作报表';

const password = (username: string) => (inject('logins')[username] as string | undefined) ?? PASSWORD;

/** A new page: fresh stores, logged in. */
const logInAs = (username: string) => logIn(username, password(username));

let kx: { id: string; definition: FormDefinition };
let edu: { id: string; definition: FormDefinition };

// A plan of 鹿城区 (the 锦江区 seed as 鹿城区 would write it), two published forms made from it,
// a reporter of 鹿城区科协 and reviewers of 鹿城区 and 温州市.
beforeAll(async () => {
  setActivePinia(createPinia());
  await useSessionStore().login('admin', password('admin'));
  const text = readFileSync(path.join(SEED_DOCUMENTS, '004_f78b51a62ab1b450.txt'), 'utf8')
    .replaceAll('锦江', '鹿城')
    .replaceAll('成都', '温州')
    .replaceAll('四川', '浙江')
    .replace('实施方案（2021—2025年）', `实施方案（2021—2025年）（任务${RUN}）`);
  const plan = await importPlan('鹿城区方案.txt', new TextEncoder().encode(text).buffer as ArrayBuffer);
  kx = await generateForm(plan.id, '区科协', 'quarter');
  edu = await generateForm(plan.id, '区教育局', 'quarter');
  await Promise.all([publishForm(kx.id), publishForm(edu.id)]);
  const people = [
    { username: REPORTER, role: 'reporter', regionCode: '330302', department: UNIT },
    { username: COUNTY, role: 'reviewer', regionCode: '330302', department: null },
    { username: CITY, role: 'reviewer', regionCode: '330300', department: null },
  ] as const;
  for (const p of people) await createUser({ ...p, displayName: p.username, email: null, password: PASSWORD });
});

/** The office assigns the 科协 form to 鹿城区科协 for these periods. */
async function assign(periods: string[], formId = kx.id): Promise<Assignment[]> {
  await logInAs('admin');
  const pairs = [{ regionCode: '330302', department: UNIT }];
  return useAssignmentsStore().create({ formId, version: 1, pairs, periods, dueDate: null });
}

/** Values for every field of a generated form: a number in each number, a sentence in each note. */
function filled(definition: FormDefinition, n = 10): Record<string, unknown> {
  const fields = definition.sections.flatMap((s) => s.fields);
  return Object.fromEntries(
    fields.flatMap((f): Array<[string, unknown]> => {
      if (f.type === 'integer' || f.type === 'decimal') return [[f.id, n]];
      if (f.type === 'percent') return [[f.id, 50]];
      if (f.type === 'text' || f.type === 'long_text') return [[f.id, '本季度按计划推进各项任务。']];
      return [];
    }),
  );
}

/** The reporter hands in the report of an assignment. */
async function submit(id: string) {
  await logInAs(REPORTER);
  await api.submitSubmission(id, { values: filled(kx.definition), formVersion: 1 }, api.newIdempotencyKey());
}

const ids = (rows: Assignment[]) => rows.map((a) => a.id).sort();

describe('assigning a form', () => {
  it('creates one assignment per unit and period, not started; asking again keeps the ones there', async () => {
    await logInAs('admin');
    const store = useAssignmentsStore();
    const pairs = [
      { regionCode: '330302', department: UNIT },
      { regionCode: '330302', department: '鹿城区科技局' },
    ];
    const created = await store.create({
      formId: kx.id,
      version: 1,
      pairs,
      periods: ['2021Q1', '2021Q2'],
      dueDate: '2021-07-31',
    });
    expect(created.map((a) => `${a.department} ${a.period}`).sort()).toEqual([
      '鹿城区科协 2021Q1',
      '鹿城区科协 2021Q2',
      '鹿城区科技局 2021Q1',
      '鹿城区科技局 2021Q2',
    ]);
    for (const a of created)
      expect(a).toMatchObject({
        formId: kx.id,
        version: 1,
        regionCode: '330302',
        dueDate: '2021-07-31',
        open: true,
        status: null,
        approvedLevel: null,
      });

    const again = await store.create({
      formId: kx.id,
      version: 1,
      pairs,
      periods: ['2021Q2', '2021Q3'],
      dueDate: null,
    });
    const kept = created.filter((a) => a.period === '2021Q2');
    expect(ids(again.filter((a) => a.period === '2021Q2'))).toEqual(ids(kept));
    expect(again.filter((a) => a.period === '2021Q3')).toHaveLength(2);
  });

  it('refuses an unpublished version, a period of another kind and anyone but the office', async () => {
    await logInAs('admin');
    const store = useAssignmentsStore();
    const pairs = [{ regionCode: '330302', department: UNIT }];
    const unpublished = await refusal(
      store.create({ formId: kx.id, version: 2, pairs, periods: ['2021Q4'], dueDate: null }),
    );
    expect([unpublished.status, unpublished.code]).toEqual([400, 'unpublished_version']);
    expect(unpublished.zh).toBe('表单只发布到第 1 版');
    expect(unpublished.en).toBe('the form has only 1 published version(s)');

    const wrong = await refusal(store.create({ formId: kx.id, version: 1, pairs, periods: ['2021'], dueDate: null }));
    expect([wrong.status, wrong.code]).toEqual([400, 'wrong_period']);
    expect(wrong.zh).toContain('期间「2021」不符');
    expect(wrong.en).toContain('2021 does not fit');

    await logInAs(COUNTY);
    const reviewer = await refusal(
      useAssignmentsStore().create({ formId: kx.id, version: 1, pairs, periods: ['2021Q4'], dueDate: null }),
    );
    expect([reviewer.status, reviewer.code]).toEqual([403, 'forbidden']);

    await logInAs('admin');
    expect(await useAssignmentsStore().list({ within: '330302', period: '2021Q4' })).toEqual([]);
  });
});

describe('the assignment lists', () => {
  it('shows a reporter its own unit’s assignments only, whatever it asks for', async () => {
    const created = await assign(['2022Q1', '2022Q2']);
    await logInAs('admin');
    const other = await useAssignmentsStore().create({
      formId: edu.id,
      version: 1,
      pairs: [{ regionCode: '330302', department: '鹿城区教育局' }],
      periods: ['2022Q1'],
      dueDate: null,
    });

    await logInAs(REPORTER);
    const store = useAssignmentsStore();
    const own = await store.list({});
    expect(own.every((a) => a.regionCode === '330302' && a.department === UNIT)).toBe(true);
    expect(ids(own)).toEqual(expect.arrayContaining(ids(created)));
    expect(own.map((a) => a.id)).not.toContain(other[0]?.id);
    const asked = await store.list({ department: '鹿城区教育局', period: '2022Q1' });
    expect(ids(asked)).toEqual(ids(created.filter((a) => a.period === '2022Q1')));

    // A demo reporter likewise: 锦江区教育局, one assignment a quarter.
    await logInAs('jj-edu');
    const demo = await useAssignmentsStore().list({ period: '2024Q1' });
    expect(demo.map((a) => [a.regionCode, a.department, a.period])).toEqual([['510104', '锦江区教育局', '2024Q1']]);
  });

  it('filters by period and by where the report stands', async () => {
    const created = await assign(['2022Q3', '2022Q4', '2023Q1']);
    const [draft, submitted, untouched] = created.sort((a, b) => a.period.localeCompare(b.period)) as [
      Assignment,
      Assignment,
      Assignment,
    ];
    await logInAs(REPORTER);
    await api.saveDraft(draft.id, { values: {}, formVersion: 1 });
    await submit(submitted.id);

    await logInAs(COUNTY);
    const store = useAssignmentsStore();
    const [q4] = await store.list({ within: '330302', period: '2022Q4' });
    expect(q4).toMatchObject({ id: submitted.id, status: 'submitted', approvedLevel: null });
    const ofStatus = async (status: api.AssignmentQuery['status']) =>
      (await store.list({ within: '330302', status })).map((a) => a.id);
    expect(await ofStatus('draft')).toContain(draft.id);
    expect(await ofStatus('submitted')).toContain(submitted.id);
    const none = await ofStatus('none');
    expect(none).toContain(untouched.id);
    expect(none).not.toContain(draft.id);
    expect(none).not.toContain(submitted.id);
  });

  it('shows a reviewer its region tree, and refuses a tree outside it with the reason', async () => {
    const created = await assign(['2023Q2']);
    await logInAs(COUNTY);
    const county = await useAssignmentsStore().list({ within: '330302', period: '2023Q2' });
    expect(ids(county)).toEqual(ids(created));
    const outside = await refusal(useAssignmentsStore().list({ within: '510104' }));
    expect([outside.status, outside.zh, outside.en]).toEqual([403, '无权访问', 'not allowed for your role or scope']);

    await logInAs(CITY);
    expect(ids(await useAssignmentsStore().list({ within: '330300', period: '2023Q2' }))).toEqual(ids(created));

    await logInAs('jj-reviewer');
    expect((await refusal(useAssignmentsStore().list({ within: '330302' }))).status).toBe(403);
    expect(await useAssignmentsStore().list({ period: '2023Q2', department: UNIT })).toEqual([]);
  });

  it('shows each reviewer what waits for its own step: the county first, then the city', async () => {
    const [a] = (await assign(['2023Q3'])) as [Assignment];
    const waiting = async (username: string) => {
      await logInAs(username);
      return (await useAssignmentsStore().list({ awaitingMe: 'true', within: '330302' })).map((x) => x.id);
    };
    expect(await waiting(COUNTY)).not.toContain(a.id);

    await submit(a.id);
    expect(await waiting(COUNTY)).toContain(a.id);
    expect(await waiting(CITY)).not.toContain(a.id);

    await logInAs(COUNTY);
    await api.approveSubmission(a.id);
    expect(await waiting(COUNTY)).not.toContain(a.id);
    expect(await waiting(CITY)).toContain(a.id);
    const [row] = await useAssignmentsStore().list({ awaitingMe: 'true', within: '330302', period: '2023Q3' });
    expect(row).toMatchObject({ id: a.id, status: 'approved', approvedLevel: 'county' });
  });
});

describe('the form titles of a list', () => {
  it('reads each form version a list uses once and names every row’s form', async () => {
    await assign(['2023Q4']);
    await assign(['2023Q4'], edu.id);
    await logInAs('admin');
    const store = useAssignmentsStore();
    const rows = await store.list({ within: '330302', period: '2023Q4' });
    const [ofKx, ofEdu] = [rows.find((a) => a.formId === kx.id), rows.find((a) => a.formId === edu.id)];
    expect(ofKx && ofEdu && store.formTitle(ofKx)).toBe('');

    await store.loadVersions(rows);
    expect([...store.versions.keys()].sort()).toEqual([`${edu.id}@1`, `${kx.id}@1`].sort());
    expect(ofKx && store.formTitle(ofKx)).toBe(KX_TITLE);
    expect(ofEdu && store.formTitle(ofEdu)).toBe(EDU_TITLE);

    // Known versions are not asked for again: after the session ends the list still loads.
    await useSessionStore().logout();
    await store.loadVersions([...rows, ...rows]);
    expect(ofEdu && store.formTitle(ofEdu)).toBe(EDU_TITLE);
    const unknown = { ...(ofKx as Assignment), version: 2 };
    expect((await refusal(store.loadVersions([unknown]))).status).toBe(401);
    expect(store.formTitle(unknown)).toBe('');
    expect(store.versions.has(`${kx.id}@2`)).toBe(false);
  });

  it('names a demo reporter’s forms', async () => {
    await logInAs('jj-edu');
    const store = useAssignmentsStore();
    const rows = await store.list({ period: '2025Q1' });
    await store.loadVersions(rows);
    expect(rows.map((a) => store.formTitle(a))).toEqual(['锦江区教育局季度科学素质工作报表']);
  });
});
