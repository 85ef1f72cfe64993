import type { SubmissionStatus } from '@kesu/schema';
import { AS_OF_MS, DAY_MS, officeHours, type Quarter } from './calendar.js';
import type { Random } from './random.js';

/** What became of one assignment, before the clock cuts its story short. */
export type Outcome = 'on_time' | 'late' | 'corrected' | 'returned' | 'draft' | 'missing';

/**
 * Shares of the outcomes that go wrong, for a steady reporter; weak reporters (one region in
 * ten) leave reports missing, in draft or returned three times as often. The rest is
 * approved on time: about 92 % of all reports end approved.
 */
const TROUBLE: ReadonlyArray<[Outcome, number]> = [
  ['missing', 0.03],
  ['draft', 0.02],
  ['returned', 0.01],
  ['late', 0.03],
  ['corrected', 0.06],
];
const WEAK = 3;

export function drawOutcome(random: Random, weak: boolean): Outcome {
  let u = random.next();
  for (const [outcome, share] of TROUBLE) {
    const p = outcome === 'late' || outcome === 'corrected' ? share : share * (weak ? WEAK : 1);
    if (u < p) return outcome;
    u -= p;
  }
  return 'on_time';
}

/** Which values a revision carries: all of them, the first half (a draft), or one typo. */
export type ValuesKind = 'final' | 'partial' | 'mistake';

export interface RevisionEvent {
  status: SubmissionStatus;
  at: number;
  values: ValuesKind;
  /** Made by the reviewer (an approval or a return), not the reporter. */
  reviewer: boolean;
}

/** Each step happens on a later working day than the one before. */
function after(at: number, minDays: number, maxDays: number, random: Random): number {
  return officeHours(at + random.int(minDays, maxDays) * DAY_MS, random.next());
}

/** Most reviews take a few days; one in seven waits weeks for the reviewer. */
function reviewed(at: number, random: Random): number {
  return random.chance(0.15) ? after(at, 7, 30, random) : after(at, 1, 6, random);
}

function onTime(quarter: Quarter, random: Random): number {
  return officeHours(quarter.endMs + random.int(0, 14) * DAY_MS, random.next());
}

function reporter(status: SubmissionStatus, at: number, values: ValuesKind): RevisionEvent {
  return { status, at, values, reviewer: false };
}

/** A review keeps the values it was given: approved ones are final, returned ones the typo. */
function reviewer(status: 'approved' | 'returned', at: number): RevisionEvent {
  return { status, at, values: status === 'approved' ? 'final' : 'mistake', reviewer: true };
}

function events(outcome: Outcome, quarter: Quarter, random: Random): RevisionEvent[] {
  switch (outcome) {
    case 'missing':
      return [];
    case 'draft':
      return [reporter('draft', officeHours(quarter.endMs + random.int(0, 20) * DAY_MS, random.next()), 'partial')];
    case 'returned': {
      const submitted = onTime(quarter, random);
      return [reporter('submitted', submitted, 'mistake'), reviewer('returned', reviewed(submitted, random))];
    }
    case 'corrected': {
      const submitted = onTime(quarter, random);
      const returned = reviewed(submitted, random);
      const resubmitted = after(returned, 1, 6, random);
      return [
        reporter('submitted', submitted, 'mistake'),
        reviewer('returned', returned),
        reporter('submitted', resubmitted, 'final'),
        reviewer('approved', reviewed(resubmitted, random)),
      ];
    }
    case 'late': {
      const submitted = officeHours(quarter.lateFromMs + random.int(0, 40) * DAY_MS, random.next());
      return [reporter('submitted', submitted, 'final'), reviewer('approved', reviewed(submitted, random))];
    }
    case 'on_time': {
      const submitted = onTime(quarter, random);
      const drafted = random.chance(0.25) ? [reporter('draft', after(submitted, -5, -1, random), 'partial')] : [];
      return [...drafted, reporter('submitted', submitted, 'final'), reviewer('approved', reviewed(submitted, random))];
    }
  }
}

/**
 * The revisions an assignment's submission went through, oldest first. Whatever would happen
 * after the synthetic clock stops has not happened yet, which leaves the last quarter with
 * reports still waiting for review and late ones still missing.
 */
export function revisionEvents(outcome: Outcome, quarter: Quarter, random: Random): RevisionEvent[] {
  return events(outcome, quarter, random).filter((e) => e.at <= AS_OF_MS);
}
