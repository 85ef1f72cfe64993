import { afterEach, beforeEach } from 'vitest';

// Console output in a test hides a missing assertion or a leaking log; either way it fails.
const methods = ['log', 'info', 'warn', 'error', 'debug'];
let calls = [];
const originals = Object.fromEntries(methods.map((m) => [m, console[m]]));

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    console[m] = (...args) => calls.push(`console.${m}: ${args.map(String).join(' ')}`);
  }
});

afterEach(() => {
  for (const m of methods) console[m] = originals[m];
  if (calls.length > 0) throw new Error(`A test wrote to the console:\n${calls.join('\n')}`);
});
