import * as z from 'zod';
import type { Region, RegionCode, RegionLevel } from './region.js';
import { statusInSentence, type SubmissionStatus } from './submission-status.js';

/**
 * The levels at which an office approves data, lowest first. A district counts as a county: both
 * are the level below a prefecture (or, in a municipality, below the province).
 */
export const APPROVAL_LEVELS = ['county', 'prefecture', 'province'] as const;
export const ApprovalLevel = z.enum(APPROVAL_LEVELS).meta({ label: '审核层级', labelEn: 'Approval level' });
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;

export const approvalLevels: Record<ApprovalLevel, { zh: string; en: string }> = {
  county: { zh: '县级', en: 'county' },
  prefecture: { zh: '市级', en: 'prefecture' },
  province: { zh: '省级', en: 'province' },
};

const LEVEL_OF_REGION: Record<RegionLevel, ApprovalLevel | null> = {
  province: 'province',
  prefecture: 'prefecture',
  county: 'county',
  district: 'county',
  township: null,
};

/** The approval level a region's office works at (a township's data is approved by its county). */
export function approvalLevelOf(level: RegionLevel): ApprovalLevel | null {
  return LEVEL_OF_REGION[level];
}

/** One step of a submission's approval: the region whose office approves at that level. */
export interface ApprovalStep {
  level: ApprovalLevel;
  regionCode: RegionCode;
}

/**
 * The steps a report of a region goes through, lowest first: the region itself and each region
 * above it whose level is configured. A province department's report has one step; a county's
 * report with all three levels configured has three.
 * @example approvalChain('510104', ['county', 'prefecture', 'province'], regions) // 510104, 510100, 510000
 */
export function approvalChain(
  regionCode: RegionCode,
  levels: readonly ApprovalLevel[],
  regions: ReadonlyMap<string, Pick<Region, 'level' | 'parent'>>,
): ApprovalStep[] {
  const steps: ApprovalStep[] = [];
  for (let code: string | null = regionCode; code !== null; code = regions.get(code)?.parent ?? null) {
    const region = regions.get(code);
    if (!region) break;
    const level = approvalLevelOf(region.level);
    if (level !== null && levels.includes(level) && !steps.some((s) => s.level === level))
      steps.push({ level, regionCode: code });
  }
  return steps;
}

/** Where a submission stands in the review: its status and the highest level that approved it. */
export interface ReviewState {
  status: SubmissionStatus | null;
  approvedLevel: ApprovalLevel | null;
}

/** Who acts: an office (admin) acts at whichever step is next; a reviewer only at its own region's step. */
export interface Reviewer {
  role: string;
  regionCode: RegionCode | null;
}

export type ReviewAction = 'approve' | 'accept' | 'return';

/** The index of the step that must act next, or null when nothing waits for review. */
export function nextStepIndex(chain: readonly ApprovalStep[], state: ReviewState): number | null {
  if (state.status === 'submitted') return chain.length > 0 ? 0 : null;
  if (state.status !== 'approved') return null;
  const done = approvedIndex(chain, state.approvedLevel);
  return done + 1 < chain.length ? done + 1 : null;
}

/**
 * The last step that approved: the step at the recorded level or the highest one below it (the
 * levels may have been configured differently since); data approved before approval levels
 * existed carries no level and counts as approved by the first step.
 */
function approvedIndex(chain: readonly ApprovalStep[], level: ApprovalLevel | null): number {
  if (level === null) return 0;
  const rank = APPROVAL_LEVELS.indexOf(level);
  let index = 0;
  chain.forEach((s, i) => {
    if (APPROVAL_LEVELS.indexOf(s.level) <= rank) index = i;
  });
  return index;
}

/** The step that waits for a review, if any: whose office should act on the submission now. */
export function nextStep(chain: readonly ApprovalStep[], state: ReviewState): ApprovalStep | null {
  const index = nextStepIndex(chain, state);
  return index === null ? null : (chain[index] ?? null);
}

export type ReviewOutcome =
  | { ok: true; state: ReviewState }
  | { ok: false; code: 'invalid_transition' | 'not_your_level'; zh: string; en: string };

function describe(chain: readonly ApprovalStep[], state: ReviewState): { zh: string; en: string } {
  const words = statusInSentence(state.status);
  // An approval recorded without a level was the first step's.
  const approved = state.approvedLevel ?? chain[0]?.level ?? null;
  if (state.status !== 'approved' || approved === null || chain.length < 2) return words;
  const level = approvalLevels[approved];
  return { zh: `${level.zh}已审核`, en: `approved at the ${level.en} level` };
}

/**
 * The review workflow along the levels. Approve: the first step's office approves a submitted
 * report. Accept: the next step's office accepts data approved at the level below. Return: the
 * office whose turn it is sends the report down one level with a comment — to the reporter
 * (returned) from the first step, to the level below from a higher one. Data approved at a level
 * is locked for every level below it: only the next step up may act on it.
 */
export function reviewMove(
  chain: readonly ApprovalStep[],
  state: ReviewState,
  action: ReviewAction,
  reviewer: Reviewer,
): ReviewOutcome {
  const index = nextStepIndex(chain, state);
  const now = describe(chain, state);
  const refuse = (zh: string, en: string): ReviewOutcome => ({ ok: false, code: 'invalid_transition', zh, en });
  if (index === null)
    return refuse(`当前状态为「${now.zh}」，没有待审核的内容`, `the submission is ${now.en}; nothing waits for review`);
  const step = chain[index] as ApprovalStep;
  if (reviewer.role !== 'admin' && (reviewer.role !== 'reviewer' || reviewer.regionCode !== step.regionCode)) {
    const level = approvalLevels[step.level];
    return {
      ok: false,
      code: 'not_your_level',
      zh: `当前状态为「${now.zh}」，应由${level.zh}审核（${step.regionCode}）办理`,
      en: `the submission is ${now.en}; the ${level.en} office (${step.regionCode}) acts on it now`,
    };
  }
  if (action === 'approve' && index !== 0)
    return refuse(
      `当前状态为「${now.zh}」，应由上级「接收」而不是「审核通过」`,
      `the submission is ${now.en}; the next level accepts it rather than approving`,
    );
  if (action === 'accept' && index === 0)
    return refuse(
      `当前状态为「${now.zh}」，应先「审核通过」`,
      `the submission is ${now.en}; it must be approved first`,
    );
  if (action === 'return') {
    if (index === 0) return { ok: true, state: { status: 'returned', approvedLevel: null } };
    if (index === 1) return { ok: true, state: { status: 'submitted', approvedLevel: null } };
    return { ok: true, state: { status: 'approved', approvedLevel: (chain[index - 2] as ApprovalStep).level } };
  }
  return { ok: true, state: { status: 'approved', approvedLevel: step.level } };
}

/** Whether data approved at `approved` counts for a reader asking for `atLeast` or above. */
export function approvedAtLeast(approved: ApprovalLevel | null, atLeast: ApprovalLevel): boolean {
  return approved !== null && APPROVAL_LEVELS.indexOf(approved) >= APPROVAL_LEVELS.indexOf(atLeast);
}

export const ApprovalProgress = z.object({
  steps: z.array(z.object({ level: ApprovalLevel, regionCode: z.string(), done: z.boolean() })),
  /** The step that must act now (an index into steps), or null when nothing waits. */
  next: z.int().min(0).nullable(),
  /** Whether the caller may act at that step. */
  mine: z.boolean(),
});
export type ApprovalProgress = z.infer<typeof ApprovalProgress>;

/** Where a submission stands along its steps, as a reviewer's page shows it. */
export function approvalProgress(
  chain: readonly ApprovalStep[],
  state: ReviewState,
  reviewer: Reviewer,
): ApprovalProgress {
  const next = nextStepIndex(chain, state);
  const approved = state.status === 'approved' ? approvedIndex(chain, state.approvedLevel) : -1;
  const step = next === null ? null : chain[next];
  return {
    steps: chain.map((s, i) => ({ level: s.level, regionCode: s.regionCode, done: i <= approved })),
    next,
    mine:
      step !== null &&
      step !== undefined &&
      (reviewer.role === 'admin' || (reviewer.role === 'reviewer' && reviewer.regionCode === step.regionCode)),
  };
}

/** How a deployment approves: its levels, and the level from which data counts in dashboards and reports. */
export const ApprovalSettings = z.object({
  levels: z.array(ApprovalLevel),
  /** Null: data counts once approved at its first level. */
  countApprovedFrom: ApprovalLevel.nullable(),
});
export type ApprovalSettings = z.infer<typeof ApprovalSettings>;
