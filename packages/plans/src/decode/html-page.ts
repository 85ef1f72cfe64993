import { compile } from 'html-to-text';

// A saved web page starts with its doctype or a root tag, perhaps after a BOM or blank lines.
const HTML_START = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<meta\s|<!--)/i;
const TAG = /<\/?(p|div|span|td|tr|li|a|br|table|h[1-6])\b[^>]*>/gi;

/** Whether decoded text is a web page's markup rather than the page as a browser shows it. */
export function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text)) return true;
  // A fragment without a root tag: markup on most lines.
  const tags = text.slice(0, 20_000).match(TAG)?.length ?? 0;
  return tags >= 20 && tags > text.slice(0, 20_000).split('\n').length;
}

// Compiled once: the options never change.
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '' } },
    { selector: 'ol', options: { itemPrefix: '' } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/**
 * The text of a saved web page as a browser would show it: block elements on lines of their
 * own, table cells apart, scripts, styles, images and link targets left out. Lines are never
 * wrapped, so a sentence stays whole for the importer.
 */
export function htmlToText(html: string): string {
  return toText(html);
}
