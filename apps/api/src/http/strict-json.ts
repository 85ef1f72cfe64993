import { Failure } from './failure.js';
import { jsonErrorOffset } from './json-syntax.js';

/** Deepest nesting a request body may have; real bodies stay under ten levels. */
export const MAX_DEPTH = 32;

function fail(zh: string, en: string, position?: number): never {
  const detail = {
    path: '',
    code: 'invalid_json',
    message: zh,
    messageEn: en,
    ...(position === undefined ? {} : { position }),
  };
  throw new Failure(400, 'invalid_json', zh, en, [detail]);
}

/** Refuses text that is not JSON, naming the body and the character it broke at. */
function checkSyntax(text: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // JSON.parse judges; the scan only says where, since V8 names no position for some mistakes.
    const offset = jsonErrorOffset(text);
    if (offset === null) fail('请求体不是有效的 JSON', 'the request body is not valid JSON');
    // People count characters from 1; the detail keeps the offset from 0, as SQL errors do.
    fail(
      `请求体不是有效的 JSON（第 ${offset + 1} 个字符附近）`,
      `the request body is not valid JSON (near character ${offset + 1})`,
      offset,
    );
  }
}

/**
 * Checks a JSON body: first for what `JSON.parse` lets through silently, duplicated keys (the last
 * one would win unseen) and nesting deep enough to exhaust the stack, then that it parses at all.
 * Strings are skipped whole.
 */
export function checkJsonText(text: string): void {
  const keys: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = keys.at(-1);
      if (expectKey && top) {
        const key = text.slice(i + 1, j);
        if (top.has(key)) fail(`JSON 中键「${key}」重复`, `duplicate key "${key}" in JSON`);
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      keys.push(c === '{' ? new Set() : null);
      expectKey = c === '{';
      if (keys.length > MAX_DEPTH) fail(`JSON 嵌套超过 ${MAX_DEPTH} 层`, `JSON nested deeper than ${MAX_DEPTH} levels`);
    } else if (c === '}' || c === ']') {
      keys.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = keys.at(-1) instanceof Set;
    }
  }
  checkSyntax(text);
}
