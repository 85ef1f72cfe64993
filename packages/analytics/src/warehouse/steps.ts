import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '@kesu/store';

/** Told as each stage of long work begins, for progress bars: `done` of `total` stages. */
export type StepListener = (stage: string, done: number, total: number) => void;

/**
 * What a step may tell the runner after it ran: `finish`, nothing is left to do (the rest is
 * skipped and the list's last stage reported); `abandon`, the list cannot do its work this time
 * (the rest is skipped and nothing more reported: the caller goes another way).
 */
export type StepEnd = 'finish' | 'abandon';

/**
 * One step of a build, with the temporary tables it passes on: a step may only read a temporary
 * table an earlier step of its list creates, which the runner checks before running any.
 */
export interface Step<C> {
  name: string;
  /** The progress stage it belongs to; the steps of one stage follow each other. */
  stage: string;
  /** Temporary tables of this connection it reads (by their name in the `temp` catalog). */
  reads: readonly string[];
  /** Temporary tables it creates or replaces. */
  creates: readonly string[];
  /** Warehouse tables it writes. */
  writes: readonly string[];
  /** Runs inside the build's transaction; consecutive such steps share one. */
  transaction?: boolean;
  /** When given, the step runs only if it holds (its reads are declared as if it always ran). */
  when?: (context: C) => boolean;
  run(connection: DuckDBConnection, context: C): Promise<StepEnd | void>;
}

/** How a list ended: every step run (or skipped), finished early, or abandoned. */
export type StepsOutcome = 'complete' | 'finished' | 'abandoned';

/** Throws, naming the step and the table, when a step reads a temporary table no earlier step creates. */
export function checkSteps<C>(steps: readonly Step<C>[]): void {
  const created = new Set<string>();
  for (const step of steps) {
    const missing = step.reads.find((table) => !created.has(table));
    if (missing !== undefined) {
      throw new Error(`build step "${step.name}" reads temp.${missing}, which no earlier step creates`);
    }
    for (const table of step.creates) created.add(table);
  }
}

/** The stages of a list in order: the last one is reported as `total` of `total` (the work is done). */
function stagesOf<C>(steps: readonly Step<C>[]): string[] {
  return [...new Set(steps.map((s) => s.stage))];
}

/** Consecutive steps that run together: inside one transaction, or each on its own. */
function segments<C>(steps: readonly Step<C>[]): Step<C>[][] {
  const out: Step<C>[][] = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (last && step.transaction === true && last[0]?.transaction === true) last.push(step);
    else out.push([step]);
  }
  return out;
}

/**
 * Runs a list of steps in order after checking it (`checkSteps`), reporting each stage to
 * `listener` as its first step to run begins.
 */
export async function runSteps<C>(
  connection: DuckDBConnection,
  steps: readonly Step<C>[],
  context: C,
  listener: StepListener,
): Promise<StepsOutcome> {
  checkSteps(steps);
  const stages = stagesOf(steps);
  const total = stages.length - 1;
  let reported: string | null = null;
  const report = (stage: string) => {
    if (stage === reported) return;
    reported = stage;
    listener(stage, stages.indexOf(stage), total);
  };
  const runSegment = async (segment: Step<C>[]): Promise<StepEnd | void> => {
    for (const step of segment) {
      if (step.when && !step.when(context)) continue;
      report(step.stage);
      const end = await step.run(connection, context);
      if (end) return end;
    }
    return undefined;
  };
  for (const segment of segments(steps)) {
    const end =
      segment[0]?.transaction === true
        ? await inTransaction(connection, () => runSegment(segment))
        : await runSegment(segment);
    if (end === 'abandon') return 'abandoned';
    if (end === 'finish') {
      report(stages.at(-1) as string);
      return 'finished';
    }
  }
  return 'complete';
}
