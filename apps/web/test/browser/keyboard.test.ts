import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, assignmentOf, type AssignmentRow } from '../support/api';
import { shot, useBrowser } from '../support/browser';
import { visible } from '../support/element';

const chromium = useBrowser();
let page: Page;
let assignment: AssignmentRow;
let reporter: ApiClient;

beforeAll(async () => {
  reporter = await ApiClient.as('jj-edu');
  assignment = await assignmentOf(reporter, '锦江区教育局', '2025Q4');
  ({ page } = await chromium.open('jj-edu', { name: 'keyboard' }));
  await visible(page.locator(`tr[data-assignment="${assignment.id}"]`));
  await shot(page, '14-my-assignments');
  await page.goto(`/report/${assignment.id}`);
  await visible(page.locator('.survey'));
});

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('filling a form with the keyboard', () => {
  it('moves through the fields in form order with Tab', async () => {
    const view = await reporter.get<{ form: { sections: Array<{ fields: Array<{ id: string }> }> } }>(
      `/assignments/${assignment.id}`,
    );
    const order = view.form.sections.flatMap((s) => s.fields.map((f) => `f-${f.id}`)).slice(0, 6);
    await page.locator(`#${order[0]}`).focus();
    const visited = [await focusedId()];
    for (let i = 1; i < order.length; i++) {
      await page.keyboard.press('Tab');
      visited.push(await focusedId());
    }
    expect(visited).toEqual(order);
  });

  it('does not submit when Enter is pressed in a field', async () => {
    await page.locator('#f-s1t1_g1').fill('3');
    await page.locator('#f-s1t1_g1').press('Enter');
    await page.locator('#f-s1t1_note').press('Enter');
    await page.waitForTimeout(500);
    expect(await page.locator('.el-message-box').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/report/${assignment.id}`);
    const view = await reporter.get<{ assignment: { status: string | null } }>(`/assignments/${assignment.id}`);
    expect(view.assignment.status).not.toBe('submitted');
  });

  it('gives every control a name a screen reader can read', async () => {
    const unnamed = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'input:not([type=hidden]):not([tabindex="-1"]), textarea, button, [role=radiogroup], [role=group]',
        ),
      ]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => {
          const labelled =
            (el as HTMLInputElement).labels?.length ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby');
          return !labelled && !(el.textContent ?? '').trim() && !el.getAttribute('title');
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
  });

  it('reaches the submit button by keyboard and asks before submitting', async () => {
    await page.getByTestId('submit').focus();
    await page.keyboard.press('Enter');
    // The form is incomplete: the reporter is told what is missing instead of a submission.
    await visible(page.locator('.el-message', { hasText: '处需要修改' }));
    expect(await page.locator('.survey-field-error').count()).toBeGreaterThan(0);
  });
});
