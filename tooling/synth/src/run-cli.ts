import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
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

function summary(file: string, r: GenerateResult): string {
  const mb = (statSync(file).size / 1e6).toFixed(0);
  return `wrote ${file} (${mb} MB) in ${(r.ms / 1000).toFixed(1)} s: ${count(r.regions)} regions, ${count(r.assignments)} assignments, ${count(r.submissions)} submissions (${count(r.revisions)} revisions), ${count(r.values)} approved values\n`;
}

/** The file to write, cleared when --force allows it; a UsageError when it exists and may not be. */
function prepareOutput(options: CliOptions, cwd: string): string {
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
  let file: string;
  try {
    const parsed = parseArgs(argv);
    if (parsed.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    options = parsed;
    file = prepareOutput(options, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`synth: ${error.message} (see --help)\n`);
    return 2;
  }
  try {
    const result = await generateNational({ file, scale: options.scale, seed: options.seed, onProgress: progressPrinter(io) });
    io.stdout.write(summary(file, result));
    return 0;
  } catch (error) {
    io.stderr.write(`synth: ${(error as Error).message}\n`);
    return 1;
  }
}
