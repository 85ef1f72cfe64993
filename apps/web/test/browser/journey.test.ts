import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingToday, type FormRecord, type Plan } from '@kesu/schema';
import { latestOpenPeriod, periodsOfYears } from '../../src/features/assignments/assign-periods';
import { ApiClient, type AssignmentRow } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { choose, confirmBox, drag, toast, typeDate, visible } from '../support/element';
import { SEED_DOCUMENTS } from '../support/paths';

// One plan from document to approved report, through every screen, as the office, a reporter of
// 锦江区教育局 and the district's reviewer would do it.
const chromium = useBrowser();
const as = (username: string) => chromium.as(username);
let office: ApiClient;

beforeAll(async () => {
  office = await ApiClient.as('admin');
});

// The 锦江区 plan runs 2021—2025: the quarter offered first is its latest one begun.
const period = latestOpenPeriod(periodsOfYears('quarter', { start: 2021, end: 2025 }), beijingToday()) as string;
const periodLabel = `${period.slice(0, 4)}年第${'一二三四'[Number(period.slice(5)) - 1]}季度`;
const due = new Date(Date.parse(beijingToday()) + 30 * 86_400_000).toISOString().slice(0, 10);
let planId = '';
let formId = '';
let assignment: AssignmentRow;
const COMMENT = '科普讲座场次与往期差异大，请核实后重报';

describe('from a plan document to an approved report', () => {
  it('imports a seed plan and opens it for review', async () => {
    const page = await as('admin');
    await page.goto('/plans');
    await visible(page.getByRole('heading', { name: '实施方案' }));
    await shot(page, '01-plans');
    await page.getByTestId('plan-file').setInputFiles(path.join(SEED_DOCUMENTS, '004_f78b51a62ab1b450.txt'));
    // The demo holds this seed already: the second import is caught, and the office opens that plan.
    await page.getByRole('dialog', { name: '该方案已经导入过' }).getByTestId('open-existing').click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toMatch(/^\/plans\/[0-9a-f-]{36}$/);
    planId = new URL(page.url()).pathname.split('/')[2] as string;
    await visible(page.locator('.plan-source-text .mark-target'));
    await shot(page, '02-plan-review');
  });

  it('jumps between the text and the structure, edits a target and saves a reviewed revision', async () => {
    const page = await as('admin');
    const imported = await office.get<{ plan: Plan }>(`/plans/${planId}`);
    const k = imported.plan.targets.findIndex((t) => t.text === '建立现代课程教学示范校5所');
    // A click on a target in the text opens it in the structured view.
    await page.locator('.plan-source-text .mark-target', { hasText: '建立现代课程教学示范校5所' }).click();
    const card = page.locator(`[data-ref="target:${k}"]`);
    await visible(card.getByLabel('目标值'));
    await card.getByLabel('目标值').fill('6');
    await card.getByLabel('完成年份').fill('2025');
    await card.getByLabel('完成年份').press('Tab');
    // A click on a task in the structure highlights its text.
    await page.getByRole('tab', { name: '章节与任务' }).click();
    await page.locator('[data-ref="task:0.1"]').click();
    await visible(page.locator('.plan-source-text .mark-selected'));
    await shot(page, '03-plan-review-selected');
    await page.getByTestId('save-plan').click();
    await toast(page, '已保存为第 2 版');
    const saved = await office.get<{ revision: number; reviewed: boolean; plan: Plan }>(`/plans/${planId}`);
    expect(saved).toMatchObject({ revision: 2, reviewed: true });
    expect(saved.plan.targets[k]).toMatchObject({ text: '建立现代课程教学示范校5所', value: 6, deadline: 2025 });
  });

  it('accepts the importer’s issues one by one on another plan', async () => {
    const page = await as('admin');
    const plans = await office.get<Array<{ id: string; regionCode: string }>>('/plans');
    const dongsheng = plans.find((p) => p.regionCode === '150602');
    await page.goto(`/plans/${dongsheng?.id}`);
    await page.getByRole('tab', { name: /待核问题（1）/ }).click();
    await visible(page.getByRole('button', { name: '确认无误' }));
    await page.getByRole('button', { name: '确认无误' }).click();
    await visible(page.getByRole('tab', { name: /待核问题（0）/ }));
    await page.getByTestId('save-plan').click();
    await toast(page, '已保存为第 2 版');
    expect((await office.get<{ plan: Plan }>(`/plans/${dongsheng?.id}`)).plan.issues).toEqual([]);
  });

  it('generates a draft form for a unit and opens it in the builder', async () => {
    const page = await as('admin');
    await page.goto(`/plans/${planId}`);
    await page.getByRole('button', { name: '生成报表' }).click();
    await choose(page, 'generate-department', '锦江区教育局');
    await page.locator('.el-dialog').getByText('季度', { exact: true }).click();
    await page.getByTestId('confirm-generate').click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toMatch(/^\/forms\/[0-9a-f-]{36}$/);
    formId = new URL(page.url()).pathname.split('/')[2] as string;
    await visible(page.locator('[data-section]'));
  });

  it('adds a field, drags it to the top, adds a warning rule checked as it is typed, and publishes', async () => {
    const page = await as('admin');
    const firstSection = (await page.locator('[data-section]').first().getAttribute('data-section')) as string;
    // New fields go to the section selected.
    await page.locator(`[data-section="${firstSection}"] .section-title`).click();
    await page.locator('.palette-item[data-type="integer"]').click();
    await page.locator('#field-label').fill('科普讲座场次');
    // Typed key by key: the editor must keep the cursor while the field's own id changes.
    await page.locator('#field-id').fill('');
    await page.locator('#field-id').pressSequentially('lectures');
    await visible(page.locator('[data-field="lectures"]'));

    const rows = page.locator(`[data-fields="${firstSection}"] .field-row`);
    expect(await rows.last().getAttribute('data-field')).toBe('lectures');
    await drag(page, page.locator('[data-field="lectures"] .field-handle'), rows.first());
    await expect.poll(() => rows.first().getAttribute('data-field')).toBe('lectures');

    await page.getByRole('tab', { name: '校验规则' }).click();
    await page.getByTestId('add-rule').click();
    const expression = page.locator('#rule-0-expression');
    await expression.fill('lectures <');
    await visible(page.locator('#rule-0-expression-check', { hasText: '此处不应出现结尾' }));
    await expression.fill('lectures < 100');
    await visible(page.locator('#rule-0-expression-check', { hasText: '表达式正确' }));
    await page.locator('#rule-0-message').fill('讲座场次明显偏多，请说明原因');
    await choose(page, 'rule-0-field', '（lectures）');
    await page.getByRole('tab', { name: '预览' }).click();
    await visible(page.locator('.preview #f-lectures'));
    await page.locator('.preview #f-lectures').fill('120');
    await visible(page.locator('.preview .survey-warning', { hasText: '讲座场次明显偏多' }));
    await shot(page, '04-form-builder-preview');

    await page.getByTestId('save-form').click();
    await toast(page, '草稿已保存');
    await page.getByTestId('publish').click();
    await confirmBox(page, '发布新版本');
    await toast(page, '已发布第 1 版');
  });

  it('shows what a new draft changes against the published version, and publishes it as version 2', async () => {
    const page = await as('admin');
    await page.locator('[data-field="lectures"] .field-label').click();
    await page.locator('#field-label').fill('科普讲座举办场次');
    await page.getByRole('tab', { name: '版本对比' }).click();
    const diff = page.getByTestId('diff');
    await visible(diff.getByText('与已发布的第 1 版相比'));
    await visible(diff.locator('li', { hasText: '科普讲座举办场次' }));
    expect(await diff.locator('li', { hasText: '科普讲座举办场次' }).textContent()).toContain('修改');
    await shot(page, '05-form-builder-diff');
    await page.getByTestId('publish').click();
    await confirmBox(page, '发布新版本');
    await toast(page, '已发布第 2 版');
    const form = await office.get<FormRecord>(`/forms/${formId}`);
    expect(form.latestVersion).toBe(2);
    const fields = form.definition.sections.flatMap((s) => s.fields.map((f) => [s.id, f.id]));
    expect(fields[0]?.[1]).toBe('lectures');
    expect(form.definition.rules).toEqual([
      expect.objectContaining({ expression: 'lectures < 100', severity: 'warning', field: 'lectures' }),
    ]);
  });

  it('assigns the version to the unit for a quarter in a few clicks', async () => {
    const page = await as('admin');
    await page.goto('/assignments/new');
    await choose(page, 'assign-form', '（v2）');
    // The form's own unit in the plan's region, and the plan's latest open quarter, are chosen already.
    await visible(page.locator('[data-pair="510104|锦江区教育局"]'));
    await expect.poll(() => page.locator('[data-pair="510104|锦江区教育局"] input').isChecked()).toBe(true);
    await visible(
      page
        .locator('#assign-periods')
        .locator('xpath=ancestor::div[contains(@class,"el-select")]')
        .getByText(periodLabel),
    );
    await visible(page.getByText('将下发 1 项任务'));
    await typeDate(page, 'assign-due', due);
    await shot(page, '06-assign');
    await page.getByTestId('assign').click();
    await toast(page, '已下发 1 项任务');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/assignments');
    await shot(page, '07-progress');
    const rows = await office.get<AssignmentRow[]>(
      `/assignments?period=${period}&department=${encodeURIComponent('锦江区教育局')}`,
    );
    assignment = rows.find((a) => a.formId === formId) as AssignmentRow;
    expect(assignment).toMatchObject({ regionCode: '510104', status: null });
  });

  it('lets the reporter fill it in: a mistake shown inline, fixed, a warning explained, then submitted', async () => {
    const page = await as('jj-edu');
    await page.goto('/report');
    await page.locator(`tr[data-assignment="${assignment.id}"]`).getByRole('button', { name: '填报' }).click();
    await visible(page.locator('#f-lectures'));
    await shot(page, '08-my-form');

    await page.locator('#f-lectures').fill('十二');
    await page.locator('#f-lectures').press('Tab');
    const row = page.locator('[data-field="lectures"]');
    await visible(row.locator('.survey-error', { hasText: '「科普讲座举办场次」必须是数字' }));
    await shot(page, '09-report-error');
    await page.locator('#f-lectures').fill('150');
    await expect.poll(() => row.locator('.survey-error').count()).toBe(0);
    await visible(row.locator('.survey-warning', { hasText: '讲座场次明显偏多' }));
    await row.getByLabel('「科普讲座举办场次」的情况说明').fill('本季度举办科技节，讲座集中');
    for (const note of await page.locator('textarea[id^="f-"]').all())
      await note.fill('（测试）本季度按计划推进各项任务。');
    await visible(page.getByTestId('save-state').getByText('草稿已保存'), 20_000);

    await page.getByTestId('submit').click();
    await confirmBox(page, '提交审核');
    await toast(page, '已提交，等待审核');
    const view = await office.get<{
      submission: {
        status: string;
        values: Record<string, unknown>;
        warnings: Array<{ code: string; message: string }>;
      };
    }>(`/assignments/${assignment.id}`);
    expect(view.submission.status).toBe('submitted');
    expect(view.submission.values['lectures']).toBe(150);
    expect(view.submission.warnings).toContainEqual(
      expect.objectContaining({ code: 'explanation', message: '本季度举办科技节，讲座集中' }),
    );
  });

  it('lets the reviewer return it with a comment', async () => {
    const page = await as('jj-reviewer');
    await page.goto('/review');
    await page.locator(`tr[data-assignment="${assignment.id}"]`).getByRole('button', { name: '审核' }).click();
    await visible(page.getByTestId('return'));
    await visible(page.getByText('本季度举办科技节，讲座集中'));
    await shot(page, '10-review');
    await page.getByTestId('return').click();
    await page.getByTestId('confirm-return').click();
    await visible(page.getByText('请填写退回意见'));
    await page.getByLabel('退回意见（填报单位可见）').fill(COMMENT);
    await page.getByTestId('confirm-return').click();
    await toast(page, '已退回填报单位');
  });

  it('shows the reporter the comment, and takes the corrected report again', async () => {
    const page = await as('jj-edu');
    await page.goto(`/report/${assignment.id}`);
    const returned = page.getByTestId('returned-comment');
    await visible(returned);
    expect(await returned.textContent()).toContain(COMMENT);
    await shot(page, '11-report-returned');
    await page.locator('#f-lectures').fill('90');
    await expect.poll(() => page.locator('[data-field="lectures"] .survey-warning').count()).toBe(0);
    await page.getByTestId('submit').click();
    await confirmBox(page, '提交审核');
    await toast(page, '已提交，等待审核');
  });

  it('lets the reviewer approve it, and then nobody can change it', async () => {
    const page = await as('jj-reviewer');
    await page.goto('/review');
    await page.locator(`tr[data-assignment="${assignment.id}"]`).getByRole('button', { name: '审核' }).click();
    await visible(page.getByTestId('approve'));
    await page.getByTestId('approve').click();
    await confirmBox(page, '审核通过');
    await toast(page, '已审核通过');
    await visible(page.getByText('已审核通过，数据已锁定'));
    expect(await page.getByTestId('return').count()).toBe(0);

    const reporter = await as('jj-edu');
    await reporter.goto(`/report/${assignment.id}`);
    await visible(reporter.getByText('已审核通过，数据已锁定'));
    expect(await reporter.locator('#f-lectures').count()).toBe(0);
    expect(await reporter.getByTestId('submit').count()).toBe(0);
    const view = await office.get<{
      submission: { status: string; values: Record<string, unknown>; revision: number };
    }>(`/assignments/${assignment.id}`);
    expect(view.submission).toMatchObject({ status: 'approved', values: expect.objectContaining({ lectures: 90 }) });
  });

  it('threw no uncaught error on any page', () => {
    for (const { who: user, errors } of chromium.errors()) expect({ user, errors }).toEqual({ user, errors: [] });
  });
});
