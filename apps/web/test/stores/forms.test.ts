import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toRaw } from 'vue';
import type { Field, FormRecord } from '@kesu/schema';
import { getFormVersion, publishForm } from '../../src/api/forms';
import { generateForm, importPlan } from '../../src/api/plans';
import { useFormsStore } from '../../src/stores/forms';
import { useSessionStore } from '../../src/stores/session';
import { SEED_DOCUMENTS } from '../support/paths';
import { logIn, refusal, reload } from './page';

const RUN = Math.random().toString(36).slice(2, 8);
const TITLE = '海曙区科协季度科学素质工作报表';
const JINJIANG_FORM = '锦江区科协季度科学素质工作报表';
let planId = '';

// A plan of 宁波市海曙区 of this file's own (the 锦江区 seed as 海曙区 would write it): no demo user
// and no other test works there. Each test makes its own form from it.
beforeAll(async () => {
  await logIn('admin');
  const text = readFileSync(path.join(SEED_DOCUMENTS, '004_f78b51a62ab1b450.txt'), 'utf8')
    .replaceAll('锦江', '海曙')
    .replaceAll('成都', '宁波')
    .replaceAll('四川', '浙江')
    .replace('实施方案（2021—2025年）', `实施方案（2021—2025年）（表单${RUN}）`);
  planId = (await importPlan('海曙区方案.txt', new TextEncoder().encode(text).buffer as ArrayBuffer)).id;
});

/** The office generates a new draft form of 海曙区科协 and opens it in the builder. */
async function openNewForm(): Promise<{ forms: ReturnType<typeof useFormsStore>; form: FormRecord }> {
  await logIn('admin');
  const form = await generateForm(planId, '区科协', 'quarter');
  const forms = useFormsStore();
  await forms.open(form.id);
  return { forms, form };
}

describe('the form list', () => {
  it('lists the forms for the office and for reviewers, each with its published version', async () => {
    const { form } = await openNewForm();
    const all = await useFormsStore().loadList();
    expect(useFormsStore().list).toBe(all);
    expect(all.find((f) => f.id === form.id)).toMatchObject({ planId, department: '海曙区科协', latestVersion: 0 });
    expect(all.find((f) => f.definition.title === JINJIANG_FORM)).toMatchObject({
      department: '锦江区科协',
      latestVersion: 1,
    });
    // Forms made without a plan, as the demo has them, are listed too.
    expect(all.some((f) => f.planId === null && f.latestVersion === 1)).toBe(true);

    await logIn('jj-reviewer');
    const reviewer = await useFormsStore().loadList();
    expect(reviewer.find((f) => f.definition.title === JINJIANG_FORM)?.latestVersion).toBe(1);
  });

  it.each(['jj-edu', 'leader'])('refuses the list to %s with the reason, and shows none', async (username) => {
    await logIn(username);
    const forms = useFormsStore();
    const failure = await refusal(forms.loadList());
    expect([failure.status, failure.zh, failure.en]).toEqual([403, '无权访问', 'not allowed for your role or scope']);
    expect(forms.list).toEqual([]);
  });
});

describe('the form builder', () => {
  it('opens a draft as an unchanged copy; an edit makes it dirty and undoing the edit clean again', async () => {
    const { forms, form } = await openNewForm();
    expect(forms.record).toEqual(form);
    expect(forms.draft).toEqual(form.definition);
    expect(forms.draft).not.toBe(forms.record?.definition);
    expect(forms.draft?.title).toBe(TITLE);
    expect(forms.dirty).toBe(false);

    if (forms.draft) forms.draft.title = '海曙区科协季度报表';
    expect(forms.dirty).toBe(true);
    expect(forms.record?.definition.title).toBe(TITLE);
    if (forms.draft) forms.draft.title = TITLE;
    expect(forms.dirty).toBe(false);
  });

  it('reads the draft as the schema does: defaults filled in, or the problems that stop it', async () => {
    const { forms } = await openNewForm();
    const section = forms.draft?.sections[0];
    const added = { id: 'extra_count', label: '补充数量', type: 'integer' } as Field;
    section?.fields.push(added);
    expect(added).not.toHaveProperty('required');
    expect(forms.checked?.ok).toBe(true);
    const read = forms.checked?.ok ? forms.checked.definition.sections[0]?.fields.at(-1) : undefined;
    expect(read).toEqual({ id: 'extra_count', label: '补充数量', type: 'integer', required: false });

    if (forms.draft) forms.draft.title = '';
    expect(forms.checked?.ok).toBe(false);
    const untitled = forms.checked?.ok === false ? forms.checked.problems : [];
    expect(untitled.map((p) => p.path)).toEqual(['title']);
    expect(untitled[0]?.message).toMatch(/[\u4e00-\u9fff]/);

    if (forms.draft) forms.draft.title = TITLE;
    section?.fields.push({ ...added, id: section.fields[0]?.id ?? '' });
    const twice = forms.checked?.ok === false ? forms.checked.problems : [];
    expect(twice.map((p) => p.path)).toEqual([`sections[0].fields[${(section?.fields.length ?? 0) - 1}].id`]);
  });

  it('saves the draft as the schema reads it; the next page shows it, still unpublished', async () => {
    const { forms, form } = await openNewForm();
    const title = `海曙区科协季度报表（${RUN}）`;
    if (forms.draft) forms.draft.title = title;
    forms.draft?.sections[0]?.fields.push({ id: 'extra_count', label: '补充数量', type: 'integer' } as Field);

    expect(await forms.save()).toBe(true);
    expect(forms.record?.definition.title).toBe(title);
    expect(forms.record?.definition.sections[0]?.fields.at(-1)).toMatchObject({ id: 'extra_count', required: false });
    expect(forms.dirty).toBe(false);

    await reload();
    const again = useFormsStore();
    await again.open(form.id);
    expect(again.record?.definition.title).toBe(title);
    expect(again.record?.latestVersion).toBe(0);
    expect(again.dirty).toBe(false);
  });

  it('does not save a draft the schema refuses; the server keeps the one saved before', async () => {
    const { forms, form } = await openNewForm();
    if (forms.draft) forms.draft.title = '';
    expect(await forms.save()).toBe(false);
    expect(forms.dirty).toBe(true);
    expect(forms.record?.definition.title).toBe(TITLE);

    await reload();
    const again = useFormsStore();
    await again.open(form.id);
    expect(again.record?.definition.title).toBe(TITLE);
  });

  it('publishing saves the edits first and makes them version 1; the next publish is version 2', async () => {
    const { forms, form } = await openNewForm();
    const first = `海曙区科协报表 v1（${RUN}）`;
    if (forms.draft) forms.draft.title = first;

    expect(await forms.publish()).toBe(1);
    expect(forms.record?.latestVersion).toBe(1);
    expect(forms.dirty).toBe(false);

    await reload();
    const again = useFormsStore();
    await again.open(form.id);
    expect(again.record?.latestVersion).toBe(1);
    expect(again.record?.definition.title).toBe(first);
    expect((await again.version(form.id, 1)).title).toBe(first);

    // Published versions stay as they were: a later one is the draft of its day.
    const second = `海曙区科协报表 v2（${RUN}）`;
    if (again.draft) again.draft.title = second;
    expect(await again.publish()).toBe(2);
    expect((await again.version(form.id, 2)).title).toBe(second);
    expect((await again.version(form.id, 1)).title).toBe(first);
    // Nothing edited: the draft as saved is published again.
    expect(await again.publish()).toBe(3);
    expect(again.record?.latestVersion).toBe(3);
  });

  it('does not publish a draft that cannot be saved', async () => {
    const { forms, form } = await openNewForm();
    if (forms.draft) forms.draft.title = '';
    expect(await forms.publish()).toBeNull();
    expect(forms.record?.latestVersion).toBe(0);

    await reload();
    const again = useFormsStore();
    await again.open(form.id);
    expect(again.record?.latestVersion).toBe(0);
    expect(again.record?.definition.title).toBe(TITLE);
  });

  it('with no form open, neither saves nor publishes', async () => {
    await logIn('admin');
    const forms = useFormsStore();
    expect(forms.checked).toBeNull();
    expect(forms.dirty).toBe(false);
    expect(await forms.save()).toBe(false);
    expect(await forms.publish()).toBeNull();
  });

  it('lets a reviewer open a form but refuses the save with the reason; the edit stays', async () => {
    await logIn('admin');
    const jinjiang = (await useFormsStore().loadList()).find((f) => f.definition.title === JINJIANG_FORM);
    await logIn('jj-reviewer');
    const forms = useFormsStore();
    await forms.open(jinjiang?.id ?? '');
    if (forms.draft) forms.draft.title = '锦江区科协季度报表';

    const failure = await refusal(forms.save());
    expect([failure.status, failure.code]).toEqual([403, 'forbidden']);
    expect(forms.record?.definition.title).toBe(JINJIANG_FORM);
    expect(forms.dirty).toBe(true);
  });

  it('opening a form that does not exist fails with the reason, showing nothing of the form before', async () => {
    const { forms } = await openNewForm();
    const failure = await refusal(forms.open('00000000-0000-4000-8000-000000000000'));
    expect([failure.status, failure.zh, failure.en]).toEqual([404, '表单不存在', 'form not found']);
    expect(forms.record).toBeNull();
    expect(forms.draft).toBeNull();
    expect(forms.checked).toBeNull();
  });
});

describe('published versions', () => {
  it('are read once: the same version comes back without asking, even after the session ended', async () => {
    const { forms, form } = await openNewForm();
    await publishForm(form.id);
    const first = await forms.version(form.id, 1);
    expect(first.title).toBe(TITLE);
    // The very object read first (the cache holds it behind Vue's reactive proxy).
    expect(toRaw(await forms.version(form.id, 1))).toBe(first);

    await useSessionStore().logout();
    // The server now refuses; the version already read is still there.
    expect((await refusal(getFormVersion(form.id, 1))).status).toBe(401);
    expect(toRaw(await forms.version(form.id, 1))).toBe(first);
    expect((await refusal(forms.version(form.id, 2))).status).toBe(401);
  });

  it('a version that could not be read is asked for again, not remembered as missing', async () => {
    const { forms, form } = await openNewForm();
    const missing = await refusal(forms.version(form.id, 1));
    expect([missing.status, missing.zh, missing.en]).toEqual([404, '表单版本不存在', 'form version not found']);

    await publishForm(form.id);
    expect((await forms.version(form.id, 1)).title).toBe(TITLE);
  });

  it('refuses a version to a reporter outside the plan’s region, with the reason', async () => {
    const { form } = await openNewForm();
    await publishForm(form.id);
    await logIn('jj-edu');
    const failure = await refusal(useFormsStore().version(form.id, 1));
    expect([failure.status, failure.zh, failure.en]).toEqual([403, '无权访问', 'not allowed for your role or scope']);
  });
});
