import { Failure } from './failure.js';

/** Deepest nesting a request body may have; real bodies stay under ten levels. */
export const MAX_DEPTH = 32;

function fail(zh: string, en: string): never {
  throw new Failure(400, 'invalid_json', zh, en);
}

/**
 * Checks JSON text for what `JSON.parse` lets through silently: duplicated keys (the last one
 * would win unseen) and nesting deep enough to exhaust the stack. Strings are skipped whole.
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
}
