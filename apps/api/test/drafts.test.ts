import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness.js';
import { buildFixture, ownReporter, type Fixture } from './fixture.js';

let h: Harness;
let f: Fixture;
let reporter: Client;

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  reporter = await ownReporter(h);
});
afterAll(() => h.close());

const submission = () => `/api/v1/assignments/${f.own}/submission`;
const save = (note: string, headers: Record<string, string> = {}) =>
  reporter.request('PUT', submission(), { values: { s1t1_note: note }, formVersion: 1 }, headers);
const history = async () =>
  (
    (await reporter.request('GET', `/api/v1/assignments/${f.own}/revisions`)).body as unknown as Array<{
      revision: number;
      action: string;
      values: Record<string, unknown>;
    }>
  ).map((r) => `${r.revision}:${r.action}:${String(r.values['s1t1_note'])}`);
const auditSteps = async () =>
  (
    (await f.office.request('GET', `/api/v1/audit?entity=submission&entityId=${f.own}&order=asc`)).body[
      'events'
    ] as Array<{ action: string }>
  ).map((e) => e.action);

describe('autosaves through the API', () => {
  it('of one editing session are one draft revision, recorded once in the audit', async () => {
    const answers = [];
    for (const note of ['第一稿', '第二稿', '第三稿', '第四稿']) answers.push(await save(note));
    expect(answers.map((a) => [a.status, a.body['revision'], a.body['status']])).toEqual(
      Array(4).fill([200, 1, 'draft']),
    );
    expect(await history()).toEqual(['1:save:第四稿']);
    expect(await auditSteps()).toEqual(['submission.save']);
  });

  it('replay a retried save as first answered, leaving the later draft as it is', async () => {
    const key = { 'idempotency-key': 'autosave-retry-1' };
    const first = await save('第五稿', key);
    await save('第六稿');
    const retried = await save('第五稿', key);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    expect(await history()).toEqual(['1:save:第六稿']);
  });

  it('end at the submit: a save after it is refused and changes nothing', async () => {
    const filled = (await reporter.request('GET', `/api/v1/assignments/${f.own}`)).body as {
      form: { sections: Array<{ fields: Array<{ id: string; type: string; required: boolean }> }> };
    };
    const values = Object.fromEntries(
      filled.form.sections
        .flatMap((s) => s.fields)
        .filter((x) => x.required)
        .map((x) => [x.id, x.type === 'long_text' ? '按计划推进' : 1]),
    );
    const submitted = await reporter.request('POST', `${submission()}/submit`, { values, formVersion: 1 });
    expect(submitted.body).toMatchObject({ status: 'submitted', revision: 2 });
    const late = await save('提交后的自动保存');
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('invalid_transition');
    expect((await history()).map((r) => r.split(':').slice(0, 2).join(':'))).toEqual(['1:save', '2:submit']);
    expect(await auditSteps()).toEqual(['submission.save', 'submission.submit']);
  });
});
