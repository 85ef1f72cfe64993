import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Field, FormDefinition } from '@kesu/schema';
import * as api from '../../src/api/assignments';
import { publishForm } from '../../src/api/forms';
import { generateForm, importPlan } from '../../src/api/plans';
import { createUser } from '../../src/api/users';
import { useSessionStore } from '../../src/stores/session';
import { useSubmissionStore } from '../../src/stores/submission';
import { SEED_DOCUMENTS } from '../support/paths';
import { typeIntoWorkbook } from '../support/xlsx';
import { logIn, refusal, reload } from './page';

const RUN = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'Store-Test-Pass-7391';
// This file's own people in 嘉兴市南湖区, where no demo user and no other test works: a reporter
// of 南湖区科协 and a reviewer at each level above it.
const REPORTER = `s${RUN}-kx`;
const COUNTY = `s${RUN}-nh`;
const CITY = `s${RUN}-jx`;
const PROVINCE = `s${RUN}-zj`;
const UNIT = '南湖区科协';
const TITLE = '南湖区科协季度科学素质工作报表';

const password = (username: string) => (inject('logins')[username] as string | undefined) ?? PASSWORD;

/** A new page: fresh stores, logged in. */
const logInAs = (username: string) => logIn(username, password(username));

const network = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = network;
});

/**
 * A slow connection for the next request `match` picks: the real server answers it at once, but
 * the page only gets the answer when `deliver` is called (answers to requests sent close together
 * may arrive in either order).
 */
function slowAnswer(match: (url: string, method: string) => boolean) {
  let answered!: () => void;
  let deliver!: () => void;
  const serverAnswered = new Promise<void>((resolve) => (answered = resolve));
  const delivered = new Promise<void>((resolve) => (deliver = resolve));
  globalThis.fetch = async (input, init) => {
    if (!match(String(input), init?.method ?? 'GET')) return network(input, init);
    globalThis.fetch = network;
    const res = await network(input, init);
    answered();
    await delivered;
    return res;
  };
  return { serverAnswered, deliver };
}

let form: { id: string; definition: FormDefinition };
let fields: Field[];
/** The form's first number field: its id, label and unit. */
let count: { id: string; label: string; unit: string };

// A plan of 南湖区 (the 锦江区 seed as 南湖区 would write it) and its published form of 南湖区科协.
beforeAll(async () => {
  setActivePinia(createPinia());
  await useSessionStore().login('admin', password('admin'));
  const text = readFileSync(path.join(SEED_DOCUMENTS, '004_f78b51a62ab1b450.txt'), 'utf8')
    .replaceAll('锦江', '南湖')
    .replaceAll('成都', '嘉兴')
    .replaceAll('四川', '浙江')
    .replace('实施方案（2021—2025年）', `实施方案（2021—2025年）（填报${RUN}）`);
  const plan = await importPlan('南湖区方案.txt', new TextEncoder().encode(text).buffer as ArrayBuffer);
  form = await generateForm(plan.id, '区科协', 'quarter');
  await publishForm(form.id);
  fields = form.definition.sections.flatMap((s) => s.fields);
  const first = fields.find((f) => f.type === 'integer');
  count = { id: first?.id ?? '', label: first?.label ?? '', unit: first?.unit ?? '' };
  const people = [
    { username: REPORTER, displayName: '南湖区科协填报人', role: 'reporter', regionCode: '330402', department: UNIT },
    { username: COUNTY, displayName: '南湖区审核人', role: 'reviewer', regionCode: '330402', department: null },
    { username: CITY, displayName: '嘉兴市审核人', role: 'reviewer', regionCode: '330400', department: null },
    { username: PROVINCE, displayName: '浙江省审核人', role: 'reviewer', regionCode: '330000', department: null },
  ] as const;
  for (const p of people) await createUser({ ...p, email: null, password: PASSWORD });
});

/** The office assigns the form to a unit of 南湖区 for each period; the ids, in the order given. */
async function assign(periods: string[], department = UNIT): Promise<string[]> {
  await logInAs('admin');
  const pairs = [{ regionCode: '330402', department }];
  const rows = await api.createAssignments({ formId: form.id, version: 1, pairs, periods, dueDate: null });
  return periods.map((p) => rows.find((a) => a.period === p)?.id ?? '');
}

let units = 0;
/**
 * A unit of 南湖区 of the test's own, assigned the form for these periods, and its reporter (made
 * once the unit has assignments): its earlier reports are the test's alone.
 */
async function newUnit(...periods: string[]) {
  const department = `南湖区科普站${++units}`;
  const reporter = `s${RUN}-u${units}`;
  const ids = await assign(periods, department);
  await createUser({
    username: reporter,
    displayName: department,
    role: 'reporter',
    regionCode: '330402',
    department,
    email: null,
    password: PASSWORD,
  });
  return { department, reporter, ids };
}

/** A complete report: `n` in each count, 50 in each percentage, a sentence in each note. */
function filled(n = 10, changes: Record<string, unknown> = {}): api.SubmissionBody {
  const values = Object.fromEntries(
    fields.flatMap((f): Array<[string, unknown]> => {
      if (f.type === 'integer') return [[f.id, n]];
      if (f.type === 'percent') return [[f.id, 50]];
      if (f.type === 'long_text') return [[f.id, '本季度按计划推进各项任务。']];
      return [];
    }),
  );
  return { values: { ...values, ...changes }, formVersion: 1 };
}

/** A draft with only the first count filled in. */
const partial = (n: number): api.SubmissionBody => ({ values: { [count.id]: n }, formVersion: 1 });

/** The reporter opens the assignment's page. */
async function openAsReporter(id: string, reporter = REPORTER) {
  await logInAs(reporter);
  const store = useSubmissionStore();
  await store.open(id);
  return store;
}

describe('opening an assignment', () => {
  it('shows its form, no report yet, the levels that will approve it and the plan’s targets', async () => {
    const unit = await newUnit('2021Q1');
    const [id] = unit.ids;
    const store = await openAsReporter(id ?? '', unit.reporter);
    expect(store.view?.assignment).toMatchObject({ id, period: '2021Q1', department: unit.department, status: null });
    expect(store.view?.form.title).toBe(TITLE);
    expect(store.view?.submission).toBeNull();
    expect(store.view?.approval).toEqual({
      steps: [
        { level: 'county', regionCode: '330402', done: false },
        { level: 'prefecture', regionCode: '330400', done: false },
        { level: 'province', regionCode: '330000', done: false },
      ],
      next: null,
      mine: false,
    });
    expect(store.context).toMatchObject({ previous: null, history: [] });
    // Each target shown beside a field is the one its help text quotes.
    const targets = Object.entries(store.context?.targets ?? {});
    expect(targets.length).toBeGreaterThan(0);
    for (const [fieldId, target] of targets)
      expect(fields.find((f) => f.id === fieldId)?.help).toContain(`“${target.text}”`);
    expect(store.revisions).toEqual([]);
  });

  it('shows the last period’s values beside the fields; only reports handed in count as history', async () => {
    const unit = await newUnit('2021Q2', '2021Q3', '2021Q4');
    const [q1, q2, q3] = unit.ids;
    await logInAs(unit.reporter);
    await api.saveDraft(q2 ?? '', partial(4));
    let store = await openAsReporter(q3 ?? '', unit.reporter);
    expect(store.context?.previous).toEqual({ period: '2021Q3', values: { [count.id]: 4 } });
    expect(store.context?.history).toEqual([]);

    await api.submitSubmission(q1 ?? '', filled(10), api.newIdempotencyKey());
    store = await openAsReporter(q3 ?? '', unit.reporter);
    expect(store.context?.history).toEqual([{ period: '2021Q2', values: filled(10).values }]);
  });

  it('refuses a reporter of another unit, with the reason, and shows nothing', async () => {
    const [id] = await assign(['2022Q1']);
    await logInAs('jj-edu');
    const store = useSubmissionStore();
    const failure = await refusal(store.open(id ?? ''));
    expect([failure.status, failure.zh, failure.en]).toEqual([403, '无权访问', 'not allowed for your role or scope']);
    expect([store.view, store.context, store.revisions]).toEqual([null, null, []]);
  });

  it('shows the assignment opened last, though the one opened before it is answered later', async () => {
    const unit = await newUnit('2022Q3', '2022Q4');
    const [first, second] = unit.ids;
    await logInAs(unit.reporter);
    const store = useSubmissionStore();
    const slow = slowAnswer((url, method) => method === 'GET' && url.endsWith(`/assignments/${first}`));
    const earlier = store.open(first ?? '');
    await slow.serverAnswered;
    await store.open(second ?? '');
    slow.deliver();
    await earlier;
    expect(store.view?.assignment).toMatchObject({ id: second, period: '2022Q4' });
  });

  it('opening one that does not exist fails with the reason, showing nothing of the one before', async () => {
    const [id] = await assign(['2022Q2']);
    const store = await openAsReporter(id ?? '');
    await store.saveDraft(id ?? '', partial(1));
    await store.open(id ?? '');
    expect(store.revisions).toHaveLength(1);

    const failure = await refusal(store.open('00000000-0000-4000-8000-000000000000'));
    expect([failure.status, failure.zh, failure.en]).toEqual([404, '任务不存在', 'assignment not found']);
    expect([store.view, store.context, store.revisions]).toEqual([null, null, []]);
  });
});

describe('filling in a report', () => {
  it('saves a draft the page shows at once; the same person’s next save continues it', async () => {
    const [id] = await assign(['2022Q3']);
    const store = await openAsReporter(id ?? '');
    const saved = await store.saveDraft(id ?? '', partial(3));
    expect(saved).toMatchObject({ status: 'draft', revision: 1, values: { [count.id]: 3 }, updatedBy: REPORTER });
    // A draft may be incomplete: what is missing comes back as warnings.
    expect(saved.warnings.length).toBeGreaterThan(0);
    expect(saved.warnings.every((w) => w.code === 'required')).toBe(true);
    expect(store.view?.submission).toEqual(saved);
    expect(store.view?.assignment.status).toBe('draft');

    const next = await store.saveDraft(id ?? '', partial(5));
    expect(next).toMatchObject({ revision: 1, values: { [count.id]: 5 } });
    expect(next.updatedAt >= saved.updatedAt).toBe(true);
    expect(store.view?.submission?.values).toEqual({ [count.id]: 5 });

    await reload();
    const again = useSubmissionStore();
    await again.open(id ?? '');
    expect(again.view?.submission).toMatchObject({ status: 'draft', revision: 1, values: { [count.id]: 5 } });
    expect(again.revisions.map((r) => [r.action, r.actor, r.actorName])).toEqual([
      ['save', REPORTER, '南湖区科协填报人'],
    ]);
  });

  it('refuses a value of the wrong type, naming the field in both languages; the page keeps the draft', async () => {
    const [id] = await assign(['2022Q4']);
    const store = await openAsReporter(id ?? '');
    await store.saveDraft(id ?? '', partial(3));

    const failure = await refusal(store.saveDraft(id ?? '', { values: { [count.id]: '五所' }, formVersion: 1 }));
    expect([failure.status, failure.code]).toEqual([400, 'validation_failed']);
    expect(failure.details).toHaveLength(1);
    expect(failure.details[0]).toMatchObject({ path: count.id, code: 'invalid_type' });
    expect(failure.details[0]?.message).toBe(`「${count.label}」必须是数字`);
    expect(failure.details[0]?.messageEn).toMatch(/must be a number$/);
    expect(store.view?.submission?.values).toEqual({ [count.id]: 3 });
  });

  it('refuses a save made against another version of the form: reload and fill it again', async () => {
    const [id] = await assign(['2023Q1']);
    const store = await openAsReporter(id ?? '');
    const failure = await refusal(store.saveDraft(id ?? '', { values: {}, formVersion: 2 }));
    expect([failure.status, failure.code]).toEqual([409, 'stale_version']);
    expect(failure.zh).toBe('表单已更新为第 1 版，请刷新后重新填报');
    expect(failure.en).toBe('the form is now version 1; reload and fill it again');
    expect(store.view?.submission).toBeNull();
  });

  it('refuses to submit an incomplete report, naming each field still missing', async () => {
    const [id] = await assign(['2023Q2']);
    const store = await openAsReporter(id ?? '');
    const failure = await refusal(store.submit(id ?? '', partial(3)));
    const required = fields.filter((f) => f.required).map((f) => f.id);
    expect([failure.status, failure.code]).toEqual([400, 'validation_failed']);
    expect(failure.zh).toBe(`提交的内容有 ${required.length} 处错误`);
    expect(failure.details.map((d) => [d.path, d.code])).toEqual(required.map((r) => [r, 'required']));
    expect(store.view?.submission).toBeNull();
    expect(store.revisions).toEqual([]);
  });

  it('submits: the page shows it handed in with its history, and the reporter can no longer change it', async () => {
    const [id] = await assign(['2023Q3']);
    const store = await openAsReporter(id ?? '');
    await store.saveDraft(id ?? '', partial(3));
    await store.submit(id ?? '', filled(12));
    expect(store.view?.submission).toMatchObject({ status: 'submitted', revision: 2, values: filled(12).values });
    expect(store.view?.assignment.status).toBe('submitted');
    expect(store.revisions.map((r) => [r.revision, r.action, r.status])).toEqual([
      [1, 'save', 'draft'],
      [2, 'submit', 'submitted'],
    ]);

    const failure = await refusal(store.saveDraft(id ?? '', partial(4)));
    expect([failure.status, failure.code]).toEqual([409, 'invalid_transition']);
    expect(failure.zh).toContain('不能保存草稿');
    expect(store.view?.submission?.status).toBe('submitted');
  });

  it('an autosave answered after the submit does not take the page back to a draft', async () => {
    const [id] = await assign(['2023Q4']);
    const store = await openAsReporter(id ?? '');
    await store.saveDraft(id ?? '', partial(1));

    const slow = slowAnswer((url, method) => method === 'PUT' && url.endsWith(`/assignments/${id}/submission`));
    const autosave = store.saveDraft(id ?? '', partial(2));
    await slow.serverAnswered;
    await store.submit(id ?? '', filled(12));
    expect(store.view?.submission).toMatchObject({ status: 'submitted', revision: 2 });

    slow.deliver();
    // The autosave was stored before the submit; its late answer is older than what the page shows.
    expect(await autosave).toMatchObject({ status: 'draft', revision: 1, values: { [count.id]: 2 } });
    expect(store.view?.submission).toMatchObject({ status: 'submitted', revision: 2, values: filled(12).values });
    expect(store.view?.assignment.status).toBe('submitted');
  });

  it('of two autosaves the later one stays on the page, though the earlier one’s answer came last', async () => {
    const [id] = await assign(['2024Q1']);
    const store = await openAsReporter(id ?? '');
    await store.saveDraft(id ?? '', partial(1));

    const slow = slowAnswer((url, method) => method === 'PUT' && url.endsWith(`/assignments/${id}/submission`));
    const earlier = store.saveDraft(id ?? '', partial(2));
    await slow.serverAnswered;
    const later = await store.saveDraft(id ?? '', partial(3));
    slow.deliver();
    const late = await earlier;
    // The same draft revision, saved in place: its time tells the later save.
    expect([late.revision, later.revision]).toEqual([1, 1]);
    expect(late.updatedAt < later.updatedAt).toBe(true);
    expect(store.view?.submission?.values).toEqual({ [count.id]: 3 });

    await reload();
    const again = useSubmissionStore();
    await again.open(id ?? '');
    expect(again.view?.submission?.values).toEqual({ [count.id]: 3 });
  });

  it('downloads the template and takes a filled-in workbook as the draft', async () => {
    const [id] = await assign(['2024Q2']);
    const store = await openAsReporter(id ?? '');
    const { blob, name } = await store.template(id ?? '');
    expect(name).toBe('南湖区科协-2024年第二季度.xlsx');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const template = Buffer.from(await blob.arrayBuffer());

    // A draft may leave the required notes blank, as in the browser; a malformed cell is refused.
    const bad = typeIntoWorkbook(template, { [count.id]: '五所' });
    const failure = await refusal(store.upload(id ?? '', new Uint8Array(bad.bytes).buffer));
    expect([failure.status, failure.code]).toEqual([400, 'workbook_invalid']);
    expect(failure.details.map((d) => d.path)).toEqual([bad.cells[count.id]]);
    expect(store.view?.submission).toBeNull();

    const good = typeIntoWorkbook(template, { [count.id]: '7' });
    await store.upload(id ?? '', new Uint8Array(good.bytes).buffer);
    expect(store.view?.submission).toMatchObject({ status: 'draft', values: { [count.id]: 7 } });
    expect(store.view?.assignment.status).toBe('draft');
    expect(store.revisions.map((r) => [r.action, r.values[count.id]])).toEqual([['save', 7]]);
  });
});

describe('reviewing a report', () => {
  /** A report handed in for a new period; the page of the reviewer who opens it. */
  async function handedIn(period: string) {
    const [id = ''] = await assign([period]);
    await logInAs(REPORTER);
    await api.submitSubmission(id, filled(10), api.newIdempotencyKey());
    return id;
  }
  async function openAs(username: string, id: string) {
    await logInAs(username);
    const store = useSubmissionStore();
    await store.open(id);
    return store;
  }

  it('goes up the levels: the county approves, the city and the province accept, the page follows', async () => {
    const id = await handedIn('2024Q3');
    const county = await openAs(COUNTY, id);
    expect(county.view?.approval).toMatchObject({ next: 0, mine: true });
    await county.approve(id);
    expect(county.view?.submission).toMatchObject({ status: 'approved', approvedLevel: 'county' });
    expect(county.view?.assignment).toMatchObject({ status: 'approved', approvedLevel: 'county' });
    expect(county.view?.approval.steps.map((s) => s.done)).toEqual([true, false, false]);
    expect(county.view?.approval).toMatchObject({ next: 1, mine: false });
    expect(county.revisions.at(-1)).toMatchObject({ action: 'approve', actor: COUNTY, approvedLevel: 'county' });

    const city = await openAs(CITY, id);
    expect(city.view?.approval.mine).toBe(true);
    await city.acceptFromBelow(id);
    expect(city.view?.submission?.approvedLevel).toBe('prefecture');
    expect(city.view?.approval).toMatchObject({ next: 2, mine: false });

    const province = await openAs(PROVINCE, id);
    await province.acceptFromBelow(id);
    expect(province.view?.submission).toMatchObject({ status: 'approved', approvedLevel: 'province' });
    expect(province.view?.approval.steps.map((s) => s.done)).toEqual([true, true, true]);
    expect(province.view?.approval.next).toBeNull();
    expect(province.revisions.map((r) => r.action)).toEqual(['submit', 'approve', 'accept', 'accept']);

    const reporter = await openAsReporter(id);
    expect(reporter.view?.assignment).toMatchObject({ status: 'approved', approvedLevel: 'province' });
  });

  it('refuses a step that is not the caller’s, with the reason, and the page stays as it was', async () => {
    const id = await handedIn('2024Q4');
    const city = await openAs(CITY, id);
    const early = await refusal(city.approve(id));
    expect([early.status, early.code]).toEqual([403, 'not_your_level']);
    expect(early.zh).toBe('当前状态为「待审核」，应由县级审核（330402）办理');
    expect(early.en).toBe('the submission is submitted; the county office (330402) acts on it now');
    expect(city.view?.submission?.status).toBe('submitted');
    expect(city.revisions).toHaveLength(1);

    const county = await openAs(COUNTY, id);
    const accepting = await refusal(county.acceptFromBelow(id));
    expect([accepting.status, accepting.code]).toEqual([409, 'invalid_transition']);
    expect(accepting.zh).toBe('当前状态为「待审核」，应先「审核通过」');
    expect(accepting.en).toBe('the submission is submitted; it must be approved first');

    await county.approve(id);
    const twice = await refusal(county.approve(id));
    expect([twice.status, twice.code]).toEqual([403, 'not_your_level']);
    expect(twice.zh).toContain('应由市级审核（330400）办理');
    expect(county.view?.submission?.approvedLevel).toBe('county');
  });

  it('sends a report back with a comment: from the first level to the reporter, from above a level down', async () => {
    const id = await handedIn('2025Q1');
    const county = await openAs(COUNTY, id);
    const blank = await refusal(county.sendBack(id, '   '));
    expect([blank.status, blank.details.map((d) => d.path)]).toEqual([400, ['comment']]);

    await county.sendBack(id, '请补充本季度活动的参与人数。');
    expect(county.view?.submission).toMatchObject({ status: 'returned', comment: '请补充本季度活动的参与人数。' });
    expect(county.view?.approval.next).toBeNull();

    const reporter = await openAsReporter(id);
    expect(reporter.view?.submission).toMatchObject({ status: 'returned', comment: '请补充本季度活动的参与人数。' });
    await reporter.submit(id, filled(11));
    expect(reporter.view?.submission?.status).toBe('submitted');

    const again = await openAs(COUNTY, id);
    await again.approve(id);
    const city = await openAs(CITY, id);
    await city.sendBack(id, '请县级复核第一项数据。');
    // One level down: the county's approval is undone and the report waits for the county again.
    expect(city.view?.submission).toMatchObject({ status: 'submitted', approvedLevel: null });
    expect(city.view?.approval).toMatchObject({ next: 0, mine: false });
    expect(city.revisions.map((r) => r.action)).toEqual(['submit', 'return', 'submit', 'approve', 'return']);
    expect(city.revisions.at(-1)?.comment).toBe('请县级复核第一项数据。');
  });

  it('asks the reviewer to confirm a value far from the unit’s history before approving it', async () => {
    const unit = await newUnit('2025Q2', '2025Q3');
    const [earlier = '', id = ''] = unit.ids;
    await logInAs(unit.reporter);
    await api.submitSubmission(earlier, filled(10), api.newIdempotencyKey());
    await api.submitSubmission(id, filled(10, { [count.id]: 1000 }), api.newIdempotencyKey());
    const county = await openAs(COUNTY, earlier);
    await county.approve(earlier);

    const page = await openAs(COUNTY, id);
    expect(page.context?.history).toEqual([{ period: '2025Q2', values: filled(10).values }]);
    const failure = await refusal(page.approve(id));
    expect([failure.status, failure.code]).toEqual([409, 'outliers_unconfirmed']);
    expect(failure.details.map((d) => [d.path, d.code])).toEqual([
      [`confirmOutliers.${count.id}`, 'outlier_unconfirmed'],
    ]);
    const { label, unit: u } = count;
    expect(failure.details[0]?.message).toBe(
      `「${label}」填报 1,000${u}，为本单位往期中位数（10${u}）的 100 倍，请核实后确认`,
    );
    expect(failure.details[0]?.messageEn).toMatch(/ is 1,000 .*check it, then confirm$/);
    expect(page.view?.submission?.status).toBe('submitted');

    await page.approve(id, [count.id]);
    expect(page.view?.submission?.status).toBe('approved');
    expect(page.revisions.at(-1)?.comment).toBe(`已核实偏离往期的数值：${count.label}`);
  });
});
