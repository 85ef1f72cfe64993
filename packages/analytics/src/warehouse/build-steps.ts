import { performance } from 'node:perf_hooks';
import type { ApprovalLevel } from '@kesu/schema';
import { exec, first } from '@kesu/store';
import type { Partition } from '../lake/layout.js';
import { recreateTables } from './attach.js';
import { currentWatermark, recordBuild, recordCountFrom, type Watermark } from './bookkeeping.js';
import { WH } from './catalog.js';
import { collectChanged, collectProgressRegions, plansChangedSince, touchedPartitions } from './changes.js';
import { codeTypesCover } from './code-types.js';
import { buildDimensions, buildPeriodDimension, DIMENSION_TABLES, loadPlanParts } from './dimensions.js';
import {
  buildFacts,
  collectChangedSources,
  deleteChangedFacts,
  FACT_TABLES,
  loadFieldBindings,
  loadValueBindings,
} from './facts.js';
import { buildProgress } from './progress.js';
import type { Step } from './steps.js';
import { TABLE_NAMES } from './tables.js';

/** What a build judges by: the day it runs on and the approval level data counts from. */
export interface Rules {
  today: Date;
  countFrom: ApprovalLevel | null;
}

/** What the steps of one build share: its rules, and what earlier steps found for later ones. */
export interface BuildContext {
  rules: Rules;
  /** When the build began (`performance.now()`). */
  started: number;
  /** Where the build reads up to, recorded with it. */
  until: Watermark;
  /** When the last build ran (incremental: to tell whether a plan was edited since). */
  lastBuilt: string | null;
  /** Whether a plan was edited since the last build (a full build counts every plan as changed). */
  plansChanged: boolean;
  /** Assignments whose rows were rebuilt. */
  assignments: number;
  valueRows: number;
  progressRows: number;
  /** The lake partitions an incremental build changed. */
  touched: Partition[];
  /** How long the build took up to recording it. */
  ms: number;
}

export type BuildStep = Step<BuildContext>;

export function newContext(rules: Rules, started: number): BuildContext {
  return {
    rules,
    started,
    until: { revisions: null, assignments: null },
    lastBuilt: null,
    plansChanged: true,
    assignments: 0,
    valueRows: 0,
    progressRows: 0,
    touched: [],
    ms: 0,
  };
}

const fieldBindings: BuildStep = {
  name: 'field bindings',
  stage: 'field bindings',
  reads: [],
  creates: ['field_binding'],
  writes: [],
  run: async (connection) => {
    await loadFieldBindings(connection);
  },
};

const planParts: BuildStep = {
  name: 'plan parts',
  stage: 'field bindings',
  reads: [],
  creates: ['plan_parts'],
  writes: [],
  run: async (connection) => {
    await loadPlanParts(connection);
  },
};

const dimensions: BuildStep = {
  name: 'dimensions',
  stage: 'dimensions',
  reads: ['plan_parts'],
  creates: [],
  writes: DIMENSION_TABLES,
  transaction: true,
  run: async (connection) => {
    await buildDimensions(connection);
  },
};

const valueBindings: BuildStep = {
  name: 'value bindings',
  stage: 'facts',
  reads: ['field_binding'],
  creates: ['value_binding'],
  writes: [],
  transaction: true,
  run: async (connection) => {
    await loadValueBindings(connection);
  },
};

/** Everything from scratch, in one transaction: readers see the old warehouse until it commits. */
export const FULL_BUILD: readonly BuildStep[] = [
  fieldBindings,
  planParts,
  {
    name: 'watermark',
    stage: 'field bindings',
    reads: [],
    creates: [],
    writes: [],
    transaction: true,
    run: async (connection, context) => {
      context.until = await currentWatermark(connection);
    },
  },
  {
    // The code types are made from the sources, so the bindings and the plans come first.
    name: 'tables',
    stage: 'dimensions',
    reads: ['field_binding', 'plan_parts'],
    creates: [],
    writes: TABLE_NAMES,
    transaction: true,
    run: async (connection) => {
      await recreateTables(connection);
    },
  },
  dimensions,
  valueBindings,
  {
    name: 'facts',
    stage: 'facts',
    reads: ['field_binding', 'value_binding'],
    creates: [],
    writes: FACT_TABLES,
    transaction: true,
    run: async (connection, context) => {
      context.valueRows = await buildFacts(connection, false, context.rules.countFrom);
    },
  },
  {
    name: 'progress',
    stage: 'progress',
    reads: [],
    creates: [],
    writes: ['fact_progress'],
    transaction: true,
    run: async (connection, context) => {
      context.progressRows = await buildProgress(connection, false, context.rules.today);
    },
  },
  {
    name: 'record build',
    stage: 'done',
    reads: [],
    creates: [],
    writes: ['warehouse_builds', 'warehouse_settings'],
    transaction: true,
    run: async (connection, context) => {
      const found = await first(connection, `SELECT count(*) AS n FROM ${WH}.fact_submission`);
      context.assignments = Number(found?.['n'] ?? 0);
      context.ms = performance.now() - context.started;
      await recordBuild(connection, 'full', context.until, context.ms, context.valueRows);
      await recordCountFrom(connection, context.rules.countFrom);
    },
  },
  {
    // The small tables' rows went to the write-ahead log; moved into the file now, not by the
    // commit of the next refresh (an approval would wait half a second for it at national scale).
    // Only a head start: with another transaction open DuckDB declines, and a later commit does it.
    name: 'checkpoint',
    stage: 'done',
    reads: [],
    creates: [],
    writes: [],
    run: async (connection) => {
      await exec(connection, `CHECKPOINT ${WH}`).catch(() => undefined);
    },
  },
];

const plansChanged = (context: BuildContext) => context.plansChanged;

/**
 * Only the assignments changed since the last build, and the progress of the regions above them.
 * Nothing changed: finished after the changes. A value the code types do not hold yet (a new
 * period's assignments, say): abandoned, for a full build to make them anew.
 */
export const INCREMENTAL_BUILD: readonly BuildStep[] = [
  {
    name: 'changes',
    stage: 'changes',
    reads: [],
    creates: ['changed'],
    writes: [],
    run: async (connection, context) => {
      const changes = await collectChanged(connection);
      context.until = changes.until;
      context.assignments = changes.assignments;
      context.lastBuilt = changes.lastBuilt;
    },
  },
  {
    // Every fact query of a refresh reads them, and each would otherwise look for a few rows among millions.
    name: 'changed sources',
    stage: 'changes',
    reads: ['changed'],
    creates: ['changed_assignments', 'changed_revisions'],
    writes: [],
    run: async (connection) => {
      await collectChangedSources(connection);
    },
  },
  {
    name: 'progress regions',
    stage: 'changes',
    reads: ['changed_assignments'],
    creates: ['progress_regions'],
    writes: [],
    run: async (connection) => {
      await collectProgressRegions(connection);
    },
  },
  {
    name: 'plans changed',
    stage: 'changes',
    reads: [],
    creates: [],
    writes: [],
    run: async (connection, context) => {
      context.plansChanged = await plansChangedSince(connection, context.lastBuilt);
      return context.assignments === 0 && !context.plansChanged ? 'finish' : undefined;
    },
  },
  { ...fieldBindings, stage: 'changes' },
  { ...planParts, stage: 'changes', when: plansChanged },
  {
    name: 'code types cover',
    stage: 'changes',
    reads: ['changed_assignments', 'field_binding', 'plan_parts'],
    creates: [],
    writes: [],
    run: async (connection, context) =>
      (await codeTypesCover(connection, context.plansChanged)) ? undefined : 'abandon',
  },
  { ...dimensions, stage: 'facts', when: plansChanged },
  {
    name: 'period dimension',
    stage: 'facts',
    reads: [],
    creates: [],
    writes: ['dim_period'],
    transaction: true,
    when: (context) => !context.plansChanged,
    run: async (connection) => {
      await buildPeriodDimension(connection);
    },
  },
  {
    name: 'delete changed facts',
    stage: 'facts',
    reads: ['changed'],
    creates: [],
    writes: FACT_TABLES,
    transaction: true,
    run: async (connection) => {
      await deleteChangedFacts(connection);
    },
  },
  valueBindings,
  {
    name: 'facts',
    stage: 'facts',
    reads: ['field_binding', 'value_binding', 'changed_assignments', 'changed_revisions'],
    creates: [],
    writes: FACT_TABLES,
    transaction: true,
    run: async (connection, context) => {
      context.valueRows = await buildFacts(connection, true, context.rules.countFrom);
    },
  },
  {
    // A plan edited: every target's progress, as its targets may have changed.
    name: 'progress',
    stage: 'progress',
    reads: ['progress_regions'],
    creates: [],
    writes: ['fact_progress'],
    transaction: true,
    run: async (connection, context) => {
      context.progressRows = await buildProgress(connection, !context.plansChanged, context.rules.today);
    },
  },
  {
    name: 'touched partitions',
    stage: 'done',
    reads: ['changed_assignments'],
    creates: [],
    writes: [],
    transaction: true,
    run: async (connection, context) => {
      context.touched = await touchedPartitions(connection);
    },
  },
  {
    name: 'record build',
    stage: 'done',
    reads: [],
    creates: [],
    writes: ['warehouse_builds'],
    transaction: true,
    run: async (connection, context) => {
      context.ms = performance.now() - context.started;
      await recordBuild(connection, 'incremental', context.until, context.ms, context.valueRows);
    },
  },
];
