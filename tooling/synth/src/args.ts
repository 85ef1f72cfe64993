import { SCALES, type Scale } from './scale.js';

export interface CliOptions {
  out: string;
  scale: Scale;
  seed: number;
  force: boolean;
}

export type ParsedArgs = { help: true } | ({ help: false } & CliOptions);

/** A bad command line: its message is printed as one line, and the command exits with 2. */
export class UsageError extends Error {}

const USAGE_LINE =
  'Usage: pnpm --filter @kesu/synth synth --out FILE|URL [--scale national|province|tiny|demo] [--seed N] [--force]';

export const USAGE = `${USAGE_LINE}

Writes a Kesu store database filled with deterministic synthetic data: every region's plan,
a quarterly form per department function, and 2021Q1–2025Q4 assignments with submissions.

  --out FILE     the DuckDB database file to create
  --out URL      or a postgres://user:password@host/db URL of an existing PostgreSQL database
                 holding no regions yet
  --scale S      national (every region, default), province (四川), tiny (4 regions),
                 demo (the seed regions, their provinces and every region directly under them)
  --seed N       an integer 0–4294967295 (default 1); the same seed gives the same data
  --force        replace FILE if it exists (never a PostgreSQL database)
  -h, --help     show this help
`;

function valueOf(argv: readonly string[], i: number, flag: string): string {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

function seedOf(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed > 0xffffffff)
    throw new UsageError(`--seed must be an integer from 0 to 4294967295, not "${text}"`);
  return seed;
}

function scaleOf(text: string): Scale {
  const scale = SCALES.find((s) => s === text);
  if (!scale) throw new UsageError(`--scale must be ${SCALES.join(', ')}, not "${text}"`);
  return scale;
}

/** Reads the command line; throws a UsageError on anything it does not understand. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let out: string | undefined;
  let scale: Scale = 'national';
  let seed = 1;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--force') force = true;
    else if (arg === '--out') out = valueOf(argv, i++, arg);
    else if (arg === '--scale') scale = scaleOf(valueOf(argv, i++, arg));
    else if (arg === '--seed') seed = seedOf(valueOf(argv, i++, arg));
    else throw new UsageError(arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument ${arg}`);
  }
  if (out === undefined) throw new UsageError('--out FILE is required');
  return { help: false, out, scale, seed, force };
}
