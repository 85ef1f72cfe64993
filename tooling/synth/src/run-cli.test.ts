import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';
import { runCli, type CliIo } from './run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kesu-synth-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd: dir,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('synth command line', () => {
  const existing = path.join(dir, 'existing.duckdb');
  writeFileSync(existing, 'not a database');

  it.each([
    [[], '--out FILE is required'],
    [['--out'], '--out needs a value'],
    [['--out', 'a.duckdb', '--bogus'], 'unknown option --bogus'],
    [['--out', 'a.duckdb', 'extra'], 'unexpected argument extra'],
    [['--out', 'a.duckdb', '--scale', 'galactic'], '--scale must be national, province, tiny, demo, not "galactic"'],
    [['--out', 'a.duckdb', '--scale'], '--scale needs a value'],
    [['--out', 'a.duckdb', '--seed', '-1'], '--seed must be an integer from 0 to 4294967295, not "-1"'],
    [['--out', 'a.duckdb', '--seed', '1.5'], '--seed must be an integer from 0 to 4294967295, not "1.5"'],
    [['--out', 'a.duckdb', '--seed', '4294967296'], '--seed must be an integer from 0 to 4294967295, not "4294967296"'],
    [['--out', 'existing.duckdb', '--scale', 'tiny'], `${existing} exists; pass --force to replace it`],
    [
      ['--out', 'postgres://kesu@localhost/kesu', '--force'],
      '--force replaces a file only; a PostgreSQL database is emptied by its administrator',
    ],
  ])('refuses %j with one line and exit code 2', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`synth: ${message} (see --help)\n`);
  });

  it('prints its usage for --help', async () => {
    const { code, out } = await run(['--out', 'x', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('--scale S');
  });

  it('reads its defaults', () => {
    expect(parseArgs(['--out', 'x'])).toEqual({ help: false, out: 'x', scale: 'national', seed: 1, force: false });
  });

  it('replaces an existing file with --force, reporting progress and what it wrote', async () => {
    const { code, out, err } = await run(['--out', 'existing.duckdb', '--scale', 'tiny', '--seed', '9', '--force']);
    expect(code).toBe(0);
    expect(err.trim().split('\n').at(-1)).toBe('synth: 4/4 regions (100 %)');
    expect(out).toMatch(
      new RegExp(
        `^wrote ${existing} \\(\\d+ MB\\) in [\\d.]+ s: 4 regions, 2,400 assignments, ` +
          `[\\d,]+ submissions \\([\\d,]+ revisions\\), [\\d,]+ approved values\\n$`,
      ),
    );
  });
});
