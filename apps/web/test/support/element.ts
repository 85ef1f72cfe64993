import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens an Element Plus select (found by its input's id) and picks the option with this text. */
export async function choose(page: Page, inputId: string, option: string | RegExp): Promise<void> {
  await page.locator(`#${inputId}`).click();
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: option }).first();
  await item.click();
}

/** Answers a confirmation box with the button of this name. */
export async function confirmBox(page: Page, button: string): Promise<void> {
  const box = page.locator('.el-message-box');
  await box.getByRole('button', { name: button }).click();
  await expect.poll(() => box.isVisible()).toBe(false);
}

/** Waits for a message toast containing the text. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.el-message', { hasText: text }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until a locator is visible. */
export async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/**
 * Drags with the mouse in small steps, as a person would: Sortable (vue-draggable-plus) starts a
 * drag only after the pointer has moved, and picks the drop place from where it passes.
 */
export async function drag(page: Page, handle: Locator, target: Locator): Promise<void> {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag: handle or target not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  // Slowly, so the list sees the pointer pass over each row on the way.
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 4, { steps: 30 });
  await page.waitForTimeout(150);
  await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 5 });
  await page.waitForTimeout(150);
  await page.mouse.up();
}

/** Types a date (`YYYY-MM-DD`) into an Element Plus date picker, found by its input's id, and confirms it. */
export async function typeDate(page: Page, inputId: string, date: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}
