import { existsSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's Chromium unless `KESU_CHROMIUM` names another. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['KESU_CHROMIUM'] ?? '/usr/bin/chromium';
}

// Headless, and reaching out to nothing on its own (no updates, no sync, no QUIC probes).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** No browser to print with. */
export class ChromiumMissing extends Error {
  constructor(readonly executable: string) {
    super(`Chromium not found at ${executable}`);
  }
}

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each. */
export function pdfPageCount(bytes: Uint8Array): number {
  return (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
  );
}

/**
 * Prints an HTML page to an A4 PDF with headless Chromium, as its print dialog would (page size
 * and margins from the page's own `@page` rule, backgrounds kept). The page may load nothing:
 * the report carries its charts as inline SVG.
 */
export async function renderPdf(html: string, executable = chromiumPath()): Promise<Uint8Array> {
  if (!existsSync(executable)) throw new ChromiumMissing(executable);
  const browser = await chromium.launch({ executablePath: executable, args: FLAGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** Prints an HTML page to a PDF file (see renderPdf). */
export async function printPdf(
  html: string,
  file: string,
  executable = chromiumPath(),
): Promise<{ pages: number; bytes: number }> {
  const pdf = await renderPdf(html, executable);
  writeFileSync(file, pdf);
  return { pages: pdfPageCount(pdf), bytes: pdf.length };
}
