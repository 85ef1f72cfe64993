import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPostgresUrl, redactedUrl } from '@kesu/store';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args.js';
import { generateNational, type GenerateResult } from './generate.js';

/** Where the command writes: the process's streams, or a test's. */
export interface CliIo {
  stdout: { write: (text: string) => unknown };
  stderr: { write: (text: string) => unknown; isTTY?: boolean };
  /** The folder a relative --out is taken from. */
  cwd: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Progress on one line: rewritten in place on a terminal, one line per tenth otherwise (so a
 * log stays short).
 */
function progressPrinter(io: CliIo): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const percent = Math.floor((done / total) * 100);
    const step = io.stderr.isTTY ? percent : Math.floor(percent / 10) * 10;
    if (step === shown) return;
    shown = step;
    const line = `synth: ${count(done)}/${count(total)} regions (${percent} %)`;
    io.stderr.write(io.stderr.isTTY ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

/** What was written, for the summary: the file and its size, or the server without its password. */
function written(location: string): string {
  return isPostgresUrl(location)
    ? redactedUrl(location)
    : `${location} (${(statSync(location).size / 1e6).toFixed(0)} MB)`;
}

function summary(location: string, r: GenerateResult): string {
  return (
    `wrote ${written(location)} in ${(r.ms / 1000).toFixed(1)} s: ${count(r.regions)} regions, ` +
    `${count(r.assignments)} assignments, ${count(r.submissions)} submissions (${count(r.revisions)} revisions), ` +
    `${count(r.values)} approved values\n`
  );
}

/**
 * The file to write, cleared when --force allows it; a UsageError when it exists and may not be.
 * A PostgreSQL URL is taken as it is: its database is never emptied by this command.
 */
function prepareOutput(options: CliOptions, cwd: string): string {
  if (isPostgresUrl(options.out)) {
    if (options.force)
      throw new UsageError('--force replaces a file only; a PostgreSQL database is emptied by its administrator');
    return options.out;
  }
  const file = path.resolve(cwd, options.out);
  if (!existsSync(file)) return file;
  if (!options.force) throw new UsageError(`${file} exists; pass --force to replace it`);
  rmSync(file);
  rmSync(`${file}.wal`, { force: true });
  return file;
}

/** The synth command: returns its exit code (0 done, 1 failed, 2 bad command line). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  let location: string;
  try {
    const parsed = parseArgs(argv);
    if (parsed.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    options = parsed;
    location = prepareOutput(options, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`synth: ${error.message} (see --help)\n`);
    return 2;
  }
  try {
    const result = await generateNational({
      location,
      scale: options.scale,
      seed: options.seed,
      onProgress: progressPrinter(io),
    });
    io.stdout.write(summary(location, result));
    return 0;
  } catch (error) {
    io.stderr.write(`synth: ${(error as Error).message}\n`);
    return 1;
  }
}
