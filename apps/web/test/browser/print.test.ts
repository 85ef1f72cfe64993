import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { shot, useBrowser } from '../support/browser';
import { visible } from '../support/element';
import { ROOT, SCREENSHOTS } from '../support/paths';

// The office opens 锦江区's 2025 report from the dashboard, prints it, and files it as PDF.
const chromium = useBrowser();
let context: BrowserContext;
let page: Page;
let errors: string[];
const PDF = path.join(ROOT, 'test-results', 'report-510104-2025.pdf');

beforeAll(async () => {
  ({ context, page, errors } = await chromium.open('admin', { name: 'print' }));
});

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

describe('the printable report', () => {
  it('opens from the dashboard for the same region and year', async () => {
    await page.goto('/dashboard?region=510104&year=2025');
    await page.getByRole('button', { name: '打印报告' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/print');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ region: '510104', year: '2025' });
    const report = page.frameLocator('[data-test="print-frame"]');
    await visible(report.getByRole('heading', { name: '全民科学素质行动实施进展报告' }));
    await visible(report.getByText('锦江区 · 2025'));
    await shot(page, '40-print-preview');
  });

  it('hands the report to the browser’s print dialog', async () => {
    await page.evaluate(() => {
      const frame = document.querySelector('iframe');
      (window as unknown as { printed: number }).printed = 0;
      frame?.contentWindow?.addEventListener('beforeprint', () => (window as unknown as { printed: number }).printed++);
    });
    await page.getByTestId('print').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('prints to an A4 PDF of several pages', async () => {
    const report = await context.newPage();
    await report.goto('/api/v1/print?region=510104&year=2025');
    mkdirSync(path.dirname(PDF), { recursive: true });
    await report.pdf({ path: PDF, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pdf = readFileSync(PDF);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(2);
    // The pages as pictures, for people to look at: from the PDF itself where poppler is installed,
    // otherwise the page as Chromium lays it out for print.
    if (existsSync('/usr/bin/pdftoppm')) {
      const converted = spawnSync('/usr/bin/pdftoppm', [
        '-r',
        '80',
        '-png',
        PDF,
        path.join(SCREENSHOTS, '41-print-pdf-page'),
      ]);
      expect(converted.status).toBe(0);
    } else {
      await report.emulateMedia({ media: 'print' });
      await report.setViewportSize({ width: 794, height: 1123 });
      await report.screenshot({ path: path.join(SCREENSHOTS, '41-print-pdf-page.png'), fullPage: true });
    }
    await report.close();
  });
});
