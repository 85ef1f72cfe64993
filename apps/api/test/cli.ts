import { runCli } from '../src/cli/run.js';

/** Runs a `kesu` command in-process and captures what it prints and its exit code. */
export async function kesu(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
