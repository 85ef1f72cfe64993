import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { usePlansStore } from '../../src/stores/plans';
import { SEED_DOCUMENTS } from '../support/paths';
import { logIn, refusal, reload } from './page';

// The 锦江区 seed plan as 杭州市西湖区 would write it: a region no demo user or other test works in.
const SEED = readFileSync(path.join(SEED_DOCUMENTS, '004_f78b51a62ab1b450.txt'), 'utf8');
const JINJIANG = '成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）';
const XIHU = '杭州市西湖区全民科学素质行动规划纲要实施方案（2021—2025年）';
const RUN = Math.random().toString(36).slice(2, 8);
let documents = 0;

/** A plan document of 西湖区 no other import has: its title carries a mark of its own. */
function planFile(change: (text: string) => string = (t) => t) {
  const mark = `${RUN}${++documents}`;
  const text = SEED.replaceAll('锦江', '西湖')
    .replaceAll('成都', '杭州')
    .replaceAll('四川', '浙江')
    .replace('实施方案（2021—2025年）', `实施方案（2021—2025年）（试行${mark}）`);
  return { file: new File([change(text)], `西湖区方案-${mark}.txt`), title: `${XIHU}（试行${mark}）` };
}

/** The office imports a new plan of its own and opens it for review. */
async function openNewPlan() {
  await logIn('admin');
  const plans = usePlansStore();
  const { file, title } = planFile();
  const created = await plans.importFile(file);
  await plans.open(created.id);
  return { plans, id: created.id, title };
}

describe('the plan list', () => {
  it('lists the plans of the caller’s region tree: the office all, a district its own, a city its city', async () => {
    await logIn('admin');
    const all = await usePlansStore().loadList();
    expect(usePlansStore().list).toBe(all);
    expect(all.find((p) => p.regionCode === '510104')?.title).toBe(JINJIANG);
    expect(all.some((p) => p.regionCode === '510000')).toBe(true);
    expect(all.some((p) => p.regionCode?.startsWith('15'))).toBe(true);

    await logIn('jj-reviewer');
    const district = await usePlansStore().loadList();
    expect(district.map((p) => p.title)).toContain(JINJIANG);
    expect(district.every((p) => p.regionCode === '510104')).toBe(true);

    await logIn('cd-reviewer');
    const city = await usePlansStore().loadList();
    expect(city.some((p) => p.regionCode === '510100')).toBe(true);
    expect(city.some((p) => p.regionCode === '510104')).toBe(true);
    expect(city.every((p) => p.regionCode?.startsWith('5101'))).toBe(true);
    expect(city.length).toBeLessThan(all.length);
  });

  it('previews a document without storing it, then imports it as revision 1, unreviewed, at the top', async () => {
    await logIn('admin');
    const plans = usePlansStore();
    const before = await plans.loadList();
    const { file, title } = planFile();

    const preview = await plans.previewFile(file);
    expect(preview).toMatchObject({ title, regionCode: '330106', duplicates: [] });
    expect((await plans.loadList()).map((p) => p.title)).not.toContain(title);

    const created = await plans.importFile(file);
    expect(created).toMatchObject({ title, regionCode: '330106', revision: 1, reviewed: false, updatedBy: 'admin' });
    expect(plans.list[0]?.id).toBe(created.id);
    expect(plans.list).toHaveLength(before.length + 1);

    // The same document again is now a duplicate of the stored plan.
    const again = await plans.previewFile(file);
    expect(again.duplicates.map((d) => [d.id, d.reason])).toEqual([[created.id, 'same_document']]);

    await reload();
    const listed = (await usePlansStore().loadList()).find((p) => p.id === created.id);
    expect(listed).toMatchObject({ title, revision: 1, reviewed: false });
  });

  it('refuses the same document twice, naming the plan that holds it, and leaves the list as it was', async () => {
    await logIn('admin');
    const plans = usePlansStore();
    const { file, title } = planFile();
    const created = await plans.importFile(file);
    const shown = [...plans.list];

    const failure = await refusal(plans.importFile(file));
    expect(failure.status).toBe(409);
    expect(failure.code).toBe('plan_exists');
    expect(failure.zh).toContain(`已导入过该方案（同一文件）：「${title}」`);
    expect(failure.en).toContain('already imported (the same document)');
    expect(failure.details.map((d) => d.code)).toEqual(['same_document']);
    expect(failure.details[0]?.message).toContain(created.id);
    expect(plans.list).toEqual(shown);
  });

  it('imports a changed document as the next revision of its plan, listed once, at the top', async () => {
    await logIn('admin');
    const plans = usePlansStore();
    await plans.loadList();
    const first = planFile();
    const created = await plans.importFile(first.file);
    const other = await plans.importFile(planFile().file);
    expect(plans.list[0]?.id).toBe(other.id);

    const changed = new File(
      [(await first.file.text()).replace('制定本实施方案。', '制定本实施方案（修订稿）。')],
      'b.txt',
    );
    const revised = await plans.importFile(changed, created.id);
    expect(revised).toMatchObject({ id: created.id, title: first.title, revision: 2, reviewed: false });
    expect(plans.list[0]?.id).toBe(created.id);
    expect(plans.list.filter((p) => p.id === created.id)).toHaveLength(1);

    await reload();
    const again = usePlansStore();
    await again.open(created.id);
    expect(again.record?.revision).toBe(2);
    expect(again.source).toContain('制定本实施方案（修订稿）。');
  });

  it('refuses a document of another region as a revision, and the plan keeps its revision', async () => {
    await logIn('admin');
    const plans = usePlansStore();
    const created = await plans.importFile(planFile().file);
    const haishu = SEED.replaceAll('锦江', '海曙').replaceAll('成都', '宁波').replaceAll('四川', '浙江');

    const failure = await refusal(plans.importFile(new File([haishu], 'haishu.txt'), created.id));
    expect(failure.status).toBe(400);
    expect(failure.code).toBe('other_region');
    expect(failure.zh).toBe('文件是海曙区的方案，不能作为西湖区方案的新版本');
    expect(failure.en).toBe('the document is a plan of 海曙区, not a revision of a plan of 西湖区');

    await plans.open(created.id);
    expect(plans.record?.revision).toBe(1);
  });

  it('lets only the office import plans: a reviewer is refused and nothing is stored', async () => {
    await logIn('jj-reviewer');
    const plans = usePlansStore();
    const { file, title } = planFile();
    const failure = await refusal(plans.importFile(file));
    expect([failure.status, failure.code]).toEqual([403, 'forbidden']);

    await logIn('admin');
    expect((await usePlansStore().loadList()).map((p) => p.title)).not.toContain(title);
  });
});

describe('reviewing a plan', () => {
  it('opens a plan with its source text, the units it may name and an unchanged copy to edit', async () => {
    const { plans, id, title } = await openNewPlan();
    const { record, draft, source, choices } = plans;
    expect(record).toMatchObject({ id, title, revision: 1, reviewed: false });
    expect(record?.plan.region.code).toBe('330106');
    expect(record?.plan.targets).toHaveLength(25);
    // Every target is exactly the source text at its span: the reviewer sees where it came from.
    for (const t of record?.plan.targets ?? []) expect(source.slice(t.span.start, t.span.end)).toBe(t.text);
    expect(source.startsWith('附件\n杭州市西湖区全民科学素质行动规划纲要')).toBe(true);

    expect(choices.filter((c) => c.source === 'plan').map((c) => c.raw)).toEqual(
      record?.plan.departments.map((d) => d.raw),
    );
    expect(choices.find((c) => c.raw === '区科技局')).toMatchObject({
      name: '西湖区科技局',
      region: '330106',
      source: 'registry',
    });

    expect(draft).toEqual(record?.plan);
    expect(draft).not.toBe(record?.plan);
    expect(plans.dirty).toBe(false);
  });

  it('removing a target makes the plan dirty; saving stores a reviewed revision the next page shows', async () => {
    const { plans, id } = await openNewPlan();
    expect(plans.draft?.targets[0]?.text).toBe('全区公民具备科学素质的比例超过18%');

    plans.removeTarget(0);
    expect(plans.dirty).toBe(true);
    expect(plans.draft?.targets).toHaveLength(24);
    expect(plans.draft?.targets[0]?.text).toBe('力争达到20%');
    expect(plans.record?.plan.targets).toHaveLength(25);

    expect(await plans.save()).toEqual({ ok: true, revision: 2 });
    expect(plans.record).toMatchObject({ revision: 2, reviewed: true, updatedBy: 'admin' });
    expect(plans.dirty).toBe(false);

    await reload();
    const again = usePlansStore();
    await again.open(id);
    expect(again.record).toMatchObject({ revision: 2, reviewed: true });
    expect(again.record?.plan.targets).toHaveLength(24);
    expect(again.draft?.targets[0]?.text).toBe('力争达到20%');
  });

  it('splits a target at a joining character into two, each exactly its part of the source', async () => {
    const { plans, id } = await openNewPlan();
    const text = '建成2个区级、1个以上市级科技辅导员名师工作室';
    const index = plans.draft?.targets.findIndex((t) => t.text === text) ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);

    // Only at a joining character: anywhere else nothing changes.
    plans.splitTarget(index, 3);
    expect(plans.dirty).toBe(false);

    plans.splitTarget(index, text.indexOf('、'));
    const [first, second] = plans.draft?.targets.slice(index, index + 2) ?? [];
    expect(plans.draft?.targets).toHaveLength(26);
    expect([first?.text, first?.value, first?.unit]).toEqual(['建成2个区级', 2, '个']);
    expect([second?.text, second?.value, second?.unit]).toEqual(['1个以上市级科技辅导员名师工作室', 1, '个']);
    for (const part of [first, second]) expect(plans.source.slice(part?.span.start, part?.span.end)).toBe(part?.text);

    expect(await plans.save()).toEqual({ ok: true, revision: 2 });
    await reload();
    const again = usePlansStore();
    await again.open(id);
    expect(again.draft?.targets.map((t) => t.text)).toContain('建成2个区级');
    expect(again.draft?.targets).toHaveLength(26);
  });

  it('adds a target from text selected in the source, in its task, with what the words say', async () => {
    const { plans, id } = await openNewPlan();
    const words = '到2025年实现中小学科技教师培训全覆盖';
    const start = plans.source.indexOf(words);
    expect(start).toBeGreaterThan(0);

    const index = plans.addTargetAt({ start, end: start + words.length });
    // Among the others in the order of the text: after the last target before it.
    expect(index).toBe(13);
    expect(plans.draft?.targets[index]).toMatchObject({
      text: words,
      section: 0,
      task: '4.',
      leadUnits: ['区教育局', '区科协'],
      deadline: 2025,
      value: 1,
      span: { start, end: start + words.length },
    });
    expect(plans.draft?.targets[index - 1]?.span.start).toBeLessThan(start);
    expect(plans.draft?.targets[index + 1]?.span.start).toBeGreaterThan(start);
    expect(plans.dirty).toBe(true);

    expect((await plans.save()).ok).toBe(true);
    await reload();
    const again = usePlansStore();
    await again.open(id);
    expect(again.draft?.targets[13]?.text).toBe(words);
  });

  it('gives a task a unit from the registry: it joins the unit table and the task’s targets follow it', async () => {
    const { plans, id } = await openNewPlan();
    const s = plans.draft?.sections.findIndex((x) => x.ordinal === '(三)') ?? -1;
    const t = plans.draft?.sections[s]?.tasks.findIndex((x) => x.ordinal === '9.') ?? -1;
    const ofTask = (ordinal: string) =>
      (plans.draft?.targets ?? []).filter((x) => x.section === s && x.task === ordinal);
    expect(ofTask('9.').map((x) => x.leadUnits)).toEqual([['区总工会'], ['区总工会']]);
    const taskEight = ofTask('8.').map((x) => x.leadUnits);
    expect(plans.draft?.departments.some((d) => d.raw === '区科技局')).toBe(false);

    plans.setTaskUnits(s, t, ['区科技局'], ['区总工会']);
    expect(plans.draft?.sections[s]?.tasks[t]).toMatchObject({
      leadUnits: ['区科技局'],
      responsibleUnits: ['区总工会'],
    });
    expect(ofTask('9.').map((x) => x.leadUnits)).toEqual([['区科技局'], ['区科技局']]);
    expect(ofTask('8.').map((x) => x.leadUnits)).toEqual(taskEight);
    expect(plans.draft?.departments.at(-1)).toEqual({
      raw: '区科技局',
      name: '西湖区科技局',
      function: 'science_technology',
      region: '330106',
    });

    expect(await plans.save()).toEqual({ ok: true, revision: 2 });
    await reload();
    const again = usePlansStore();
    await again.open(id);
    expect(again.draft?.sections[s]?.tasks[t]?.leadUnits).toEqual(['区科技局']);
    expect(again.choices.find((c) => c.raw === '区科技局')?.source).toBe('plan');
  });

  it('gives a target units of its own, kept by the server', async () => {
    const { plans, id } = await openNewPlan();
    const index = plans.draft?.targets.findIndex((x) => x.text === '每年培训干部不少于500人次') ?? -1;
    expect(plans.draft?.targets[index]?.leadUnits).toEqual(['区委组织部']);
    const units = plans.draft?.departments.length;

    plans.setTargetUnits(index, ['区委组织部'], ['区科协', '区教育局']);
    expect(plans.draft?.targets[index]).toMatchObject({
      leadUnits: ['区委组织部'],
      responsibleUnits: ['区科协', '区教育局'],
    });
    expect(plans.draft?.departments).toHaveLength(units ?? 0);
    expect(plans.dirty).toBe(true);

    expect((await plans.save()).ok).toBe(true);
    await reload();
    const again = usePlansStore();
    await again.open(id);
    expect(again.record?.plan.targets[index]?.responsibleUnits).toEqual(['区科协', '区教育局']);
  });

  it('does not send a plan the schema refuses, and names what is wrong in both languages', async () => {
    const { plans, id, title } = await openNewPlan();
    if (plans.draft) plans.draft.title = '';
    expect(plans.dirty).toBe(true);

    const result = await plans.save();
    expect(result.ok).toBe(false);
    const problem = result.ok ? undefined : result.problems.find((p) => p.path === 'title');
    expect(problem?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problem?.messageEn).toMatch(/[a-z]/);
    expect(plans.record?.revision).toBe(1);

    await reload();
    const again = usePlansStore();
    await again.open(id);
    expect(again.record).toMatchObject({ title, revision: 1, reviewed: false });
  });

  it('hands back the server’s refusal as problems: a target off its source text, a unit not in the table', async () => {
    const { plans, id } = await openNewPlan();
    const index = plans.draft?.targets.findIndex((x) => x.text === '每年培训干部不少于500人次') ?? -1;
    const target = plans.draft?.targets[0];
    if (target) target.text = '全区公民具备科学素质的比例超过19%';
    plans.setTargetUnits(index, ['不存在的单位'], []);

    const result = await plans.save();
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      [`plan.targets[${index}].leadUnits[0]`, 'unknown_unit'],
      ['plan.targets[0].span', 'span_mismatch'],
    ]);
    expect(problems[1]?.message).toBe('目标「全区公民具备科学素质的比例超过19%」与原文中标注的位置不符');
    expect(problems[1]?.messageEn).toBe(
      'target "全区公民具备科学素质的比例超过19%" does not match the source text at its position',
    );
    // The edits stay for the reviewer to correct; nothing was stored.
    expect(plans.dirty).toBe(true);
    expect(plans.record?.revision).toBe(1);
    await reload();
    const again = usePlansStore();
    await again.open(id);
    expect(again.record?.plan.targets[0]?.text).toBe('全区公民具备科学素质的比例超过18%');
  });

  it('generates a draft form for a unit of the open plan, and refuses a unit the plan does not name', async () => {
    const { plans, id } = await openNewPlan();
    const form = await plans.generate('区科协', 'quarter');
    expect(form).toMatchObject({ planId: id, department: '西湖区科协', latestVersion: 0 });
    expect(form.definition).toMatchObject({ title: '西湖区科协季度科学素质工作报表', periodKind: 'quarter' });

    const failure = await refusal(plans.generate('区气象局', 'year'));
    expect([failure.status, failure.code]).toEqual([400, 'unknown_department']);
    expect(failure.zh).toBe('方案中没有单位「区气象局」');
    expect(failure.en).toBe('the plan names no unit "区气象局"');
  });

  it('with no plan open: edits change nothing, saving reports nothing, generating is an error', async () => {
    await logIn('admin');
    const plans = usePlansStore();
    plans.removeTarget(0);
    plans.setTargetUnits(0, ['区科协'], []);
    expect(plans.addTargetAt({ start: 0, end: 4 })).toBe(-1);
    expect(plans.draft).toBeNull();
    expect(plans.dirty).toBe(false);
    expect(await plans.save()).toEqual({ ok: false, problems: [] });
    expect(() => plans.generate('区科协', 'year')).toThrow('no plan open');
  });

  it('opening a plan that does not exist fails with the reason, showing nothing of the plan before', async () => {
    const { plans } = await openNewPlan();
    const failure = await refusal(plans.open('00000000-0000-4000-8000-000000000000'));
    expect([failure.status, failure.zh, failure.en]).toEqual([404, '方案不存在', 'plan not found']);
    expect(plans.record).toBeNull();
    expect(plans.draft).toBeNull();
    expect(plans.choices).toEqual([]);
  });
});
