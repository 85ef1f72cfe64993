import { performance } from 'node:perf_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ApprovalLevel } from '@kesu/schema';
import type { Partition } from '../lake/layout.js';
import { runSteps, type StepListener } from './steps.js';
import { hasBuild } from './attach.js';
import { builtCountFrom } from './bookkeeping.js';
import { FULL_BUILD, INCREMENTAL_BUILD, newContext, type BuildStep, type Rules } from './build-steps.js';

export interface BuildOptions {
  full?: boolean;
  onStep?: StepListener;
  /** The day the build runs on: which plan years have ended (default: now). */
  today?: Date;
  /** Count only data approved at this level or above (default: approved at the first level). */
  countApprovedFrom?: ApprovalLevel | null;
}

export interface BuildResult {
  kind: 'full' | 'incremental';
  /** False when nothing had changed since the last build, which then wrote nothing. */
  changed: boolean;
  ms: number;
  /** Assignments whose rows were rebuilt (all of them for a full build). */
  assignments: number;
  valueRows: number;
  progressRows: number;
  /** The lake partitions an incremental build changed (null after a full build: all of them). */
  touched: Partition[] | null;
}

/** The step lists a build runs (tests run them with each step watched). */
export interface BuildSteps {
  full: readonly BuildStep[];
  incremental: readonly BuildStep[];
}

export const BUILD_STEPS: BuildSteps = { full: FULL_BUILD, incremental: INCREMENTAL_BUILD };

async function fullBuild(
  connection: DuckDBConnection,
  started: number,
  listener: StepListener,
  rules: Rules,
  steps: BuildSteps,
): Promise<BuildResult> {
  const context = newContext(rules, started);
  await runSteps(connection, steps.full, context, listener);
  const { assignments, valueRows, progressRows } = context;
  return {
    kind: 'full',
    changed: true,
    ms: performance.now() - started,
    assignments,
    valueRows,
    progressRows,
    touched: null,
  };
}

async function incrementalBuild(
  connection: DuckDBConnection,
  started: number,
  listener: StepListener,
  rules: Rules,
  steps: BuildSteps,
): Promise<BuildResult> {
  const context = newContext(rules, started);
  const outcome = await runSteps(connection, steps.incremental, context, listener);
  if (outcome === 'abandoned') return fullBuild(connection, started, listener, rules, steps);
  if (outcome === 'finished') {
    const ms = performance.now() - started;
    return { kind: 'incremental', changed: false, ms, assignments: 0, valueRows: 0, progressRows: 0, touched: [] };
  }
  const { ms, assignments, valueRows, progressRows, touched } = context;
  return { kind: 'incremental', changed: true, ms, assignments, valueRows, progressRows, touched };
}

/**
 * Builds the attached warehouse from the operational tables: in full when asked or when it was
 * never built, otherwise only what changed since the last build.
 */
export function buildWarehouse(connection: DuckDBConnection, options: BuildOptions = {}): Promise<BuildResult> {
  return buildWith(connection, options, BUILD_STEPS);
}

/** buildWarehouse with the step lists given. */
export async function buildWith(
  connection: DuckDBConnection,
  options: BuildOptions,
  steps: BuildSteps,
): Promise<BuildResult> {
  const started = performance.now();
  const listener = options.onStep ?? (() => undefined);
  const rules: Rules = { today: options.today ?? new Date(), countFrom: options.countApprovedFrom ?? null };
  // Data counted from another level changes every figure: the warehouse is built anew.
  const recounted = (await builtCountFrom(connection)) !== rules.countFrom;
  if (options.full || recounted || !(await hasBuild(connection)))
    return fullBuild(connection, started, listener, rules, steps);
  return incrementalBuild(connection, started, listener, rules, steps);
}
