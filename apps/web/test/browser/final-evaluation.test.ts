import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, useBrowser } from '../support/browser';
import { visible } from '../support/element';
import { SCREENSHOTS } from '../support/paths';

// The office of 锦江区 files the 2021—2025 plan's final evaluation as Word, and opens it to look at every page.
const chromium = useBrowser();
let page: Page;
let errors: string[];
let dir: string;

beforeAll(async () => {
  ({ page, errors } = await chromium.open('admin', { name: 'final' }));
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-final-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/** `tool args…`, failing the test with what it said when it fails. */
function run(tool: string, args: string[]): string {
  // Installed by tooling/scripts/ensure-browser.mjs: this test cannot look at the pages without them.
  expect(existsSync(tool), `${tool} is missing: apt-get install -y libreoffice-writer poppler-utils`).toBe(true);
  const result = spawnSync(tool, args, { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, `${tool} ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('the final evaluation (终期评估)', () => {
  it('downloads as Word from the print page, and LibreOffice opens it: every page drawn', async () => {
    await page.goto('/print?region=510104&year=2025');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '终期评估（Word）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('510104-终期评估.docx');
    const docx = path.join(dir, 'final.docx');
    await download.saveAs(docx);
    await shot(page, '51-final-evaluation-button');
    run('/usr/bin/soffice', [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ]);
    const pdf = path.join(dir, 'final.pdf');
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('/usr/bin/pdfinfo', [pdf]))?.[1] ?? 0);
    expect(pages).toBeGreaterThan(3);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('52-final-evaluation-word-page')))
      rmSync(path.join(SCREENSHOTS, old));
    run('/usr/bin/pdftoppm', ['-r', '80', '-png', pdf, path.join(SCREENSHOTS, '52-final-evaluation-word-page')]);
    const pictures = readdirSync(SCREENSHOTS).filter((f) => f.startsWith('52-final-evaluation-word-page'));
    expect(pictures).toHaveLength(pages);
    for (const picture of pictures) expect(statSync(path.join(SCREENSHOTS, picture)).size).toBeGreaterThan(10_000);
    // In the order the text was written, cell by cell: read by position, a
    // target wrapped in its cell interleaves with the next cell's figures.
    const text = run('/usr/bin/pdftotext', ['-raw', pdf, '-']).replace(/\s+/g, '');
    for (const words of [
      '锦江区全民科学素质行动实施方案',
      '终期评估报告',
      '目标完成情况',
      '未完成目标及牵头单位',
      '各单位填报情况',
      '建立现代课程教学示范校5所',
    ])
      expect(text).toContain(words);
    expect(errors).toEqual([]);
  }, 180_000);

  it('for a region without a plan says so, and nothing is downloaded', async () => {
    await page.goto('/print?region=110101&year=2025');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: '终期评估（Word）' }).click();
    await visible(page.locator('.el-message--error', { hasText: '东城区尚无已导入的实施方案，无法生成终期评估' }));
    await shot(page, '53-final-evaluation-no-plan');
    expect(downloads).toBe(0);
  });
});
