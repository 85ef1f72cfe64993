import { decodeText, MAX_BYTES } from './decode/decode.js';
import { docxToText } from './decode/docx.js';
import { htmlToText, looksLikeHtml } from './decode/html-page.js';
import { reject } from './issues.js';
import { parsePlan, type ParseResult } from './plan/parse-plan.js';
import type { PreparedRegistry } from './registry.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Imports a plan document from its bytes: `.docx` (by its zip signature), a saved web page, or
 * text in UTF-8, GB18030 or GBK. Never throws for bad input: a rejection says why it is not a plan.
 * @example const result = await importPlan(bytes, prepareRegistry(registry))
 */
export async function importPlan(bytes: Uint8Array, registry: PreparedRegistry): Promise<ParseResult> {
  if (bytes.length === 0) return { success: false, rejection: reject('empty') };
  if (bytes.length > MAX_BYTES)
    return { success: false, rejection: reject('too_large', { limit: `${MAX_BYTES / 1024 / 1024} MB` }) };
  if (ZIP.every((b, i) => bytes[i] === b)) {
    let text: string;
    try {
      text = await docxToText(bytes);
    } catch (error) {
      const detail = (error as Error).message.slice(0, 120);
      return { success: false, rejection: reject('bad_docx', { detail }) };
    }
    return parsePlan(text, registry);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { success: false, rejection: decoded.rejection };
  return parsePlan(looksLikeHtml(decoded.text) ? htmlToText(decoded.text) : decoded.text, registry);
}
