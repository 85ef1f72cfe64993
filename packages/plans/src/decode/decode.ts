import { reject, type Rejection } from '../issues.js';

/** Largest file the importer reads; real plans are well under 1 MB. */
export const MAX_BYTES = 8 * 1024 * 1024;

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; rejection: Rejection };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Control characters other than tab, line feed, carriage return and form feed. */
function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / Math.max(1, text.length);
}

/**
 * Bytes of a text file to a string: UTF-8 (BOM or not) first, then GB18030 (a superset of GBK).
 * PDFs, binary data and undecodable bytes are rejected with a reason.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_BYTES)
    return { ok: false, rejection: reject('too_large', { limit: `${MAX_BYTES / 1024 / 1024} MB` }) };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { ok: false, rejection: reject('pdf') };
  if (bytes.includes(0)) return { ok: false, rejection: reject('binary') };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: 'utf-8' | 'gb18030';
  try {
    text = utf8.decode(body);
    encoding = 'utf-8';
  } catch {
    try {
      text = gb18030.decode(body);
      encoding = 'gb18030';
    } catch {
      return { ok: false, rejection: reject('bad_encoding') };
    }
  }
  if (text.trim() === '') return { ok: false, rejection: reject('empty') };
  if (controlShare(text) > 0.01) return { ok: false, rejection: reject('binary') };
  return { ok: true, text, encoding };
}
