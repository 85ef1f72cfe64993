import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiClient, assignmentOf } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { toast, visible } from '../support/element';
import { typeIntoWorkbook } from '../support/xlsx';

const chromium = useBrowser();

describe('the Excel round trip', () => {
  it('downloads the template, refuses a workbook naming its bad cell, and takes a good one as the draft', async () => {
    const reporter = await ApiClient.as('jj-edu');
    const assignment = await assignmentOf(reporter, '锦江区教育局', '2025Q4');
    const { context, page, errors } = await chromium.open('jj-edu', { name: 'excel' });
    await page.goto(`/report/${assignment.id}`);
    await visible(page.getByRole('button', { name: '下载 Excel 模板' }));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Excel 模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('锦江区教育局-2025年第四季度.xlsx');
    const template = readFileSync(await download.path());

    // Everything required is filled in, and one number is written in words.
    const view = await reporter.get<{
      form: { sections: Array<{ fields: Array<{ id: string; type: string; required: boolean }> }> };
    }>(`/assignments/${assignment.id}`);
    const notes = Object.fromEntries(
      view.form.sections.flatMap((s) =>
        s.fields.filter((f) => f.required && f.type === 'long_text').map((f) => [f.id, '按计划推进']),
      ),
    );
    const bad = typeIntoWorkbook(template, { ...notes, s1t1_g1: '五所' });
    await page.getByTestId('excel-file').setInputFiles({
      name: 'filled.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad.bytes,
    });
    const problems = page.getByTestId('upload-errors');
    await visible(problems);
    expect(await problems.locator('li').allTextContents()).toEqual([
      expect.stringContaining(bad.cells['s1t1_g1'] as string),
    ]);
    await shot(page, '20-excel-upload-error');
    const before = await reporter.get<{ submission: { values: Record<string, unknown> } | null }>(
      `/assignments/${assignment.id}`,
    );
    expect(before.submission?.values['s1t1_g1']).not.toBe('五所');

    const good = typeIntoWorkbook(template, { ...notes, s1t1_g1: '7' });
    await page.getByTestId('excel-file').setInputFiles({
      name: 'filled.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good.bytes,
    });
    await toast(page, 'Excel 已导入为草稿');
    await expect.poll(() => page.locator('#f-s1t1_g1').inputValue()).toBe('7');
    const after = await reporter.get<{ submission: { status: string; values: Record<string, unknown> } }>(
      `/assignments/${assignment.id}`,
    );
    expect(after.submission).toMatchObject({ status: 'draft', values: expect.objectContaining({ s1t1_g1: 7 }) });
    expect(errors).toEqual([]);
    await context.close();
  });
});
