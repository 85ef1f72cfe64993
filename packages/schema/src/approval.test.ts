import { describe, expect, it } from 'vitest';
import {
  approvalChain,
  approvalProgress,
  approvedAtLeast,
  nextStep,
  reviewMove,
  type ApprovalStep,
  type ReviewState,
} from './approval.js';
import type { Region } from './region.js';

const regions = new Map<string, Pick<Region, 'level' | 'parent'>>([
  ['510000', { level: 'province', parent: null }],
  ['510100', { level: 'prefecture', parent: '510000' }],
  ['510104', { level: 'district', parent: '510100' }],
  ['110000', { level: 'province', parent: null }],
  ['110101', { level: 'district', parent: '110000' }],
]);
const ALL = ['county', 'prefecture', 'province'] as const;
const chain = approvalChain('510104', ALL, regions);
const county = { role: 'reviewer', regionCode: '510104' };
const prefecture = { role: 'reviewer', regionCode: '510100' };
const province = { role: 'reviewer', regionCode: '510000' };
const submitted: ReviewState = { status: 'submitted', approvedLevel: null };

/** Applies moves in turn, failing the test at the first refusal. */
function walk(
  state: ReviewState,
  moves: Array<[Parameters<typeof reviewMove>[2], Parameters<typeof reviewMove>[3]]>,
  steps: ApprovalStep[] = chain,
): ReviewState {
  return moves.reduce((s, [action, who]) => {
    const outcome = reviewMove(steps, s, action, who);
    if (!outcome.ok) throw new Error(`${action} by ${who.regionCode}: ${outcome.en}`);
    return outcome.state;
  }, state);
}

describe('approval chains along the region tree', () => {
  it('has a step per configured level at and above the region, lowest first', () => {
    expect(chain).toEqual([
      { level: 'county', regionCode: '510104' },
      { level: 'prefecture', regionCode: '510100' },
      { level: 'province', regionCode: '510000' },
    ]);
    // A municipality's district goes straight to the province; a province's own units have one step.
    expect(approvalChain('110101', ALL, regions).map((s) => s.regionCode)).toEqual(['110101', '110000']);
    expect(approvalChain('510000', ALL, regions)).toEqual([{ level: 'province', regionCode: '510000' }]);
    expect(approvalChain('510104', ['county', 'province'], regions).map((s) => s.level)).toEqual([
      'county',
      'province',
    ]);
    // Only the province configured: the county's report is approved by its province.
    expect(approvalChain('510104', ['province'], regions)).toEqual([{ level: 'province', regionCode: '510000' }]);
  });
});

describe('reviewing along the levels', () => {
  it('goes approve (county) → accept (prefecture) → accept (province), waiting for the next office each time', () => {
    expect(nextStep(chain, submitted)?.regionCode).toBe('510104');
    const atCounty = walk(submitted, [['approve', county]]);
    expect(atCounty).toEqual({ status: 'approved', approvedLevel: 'county' });
    expect(nextStep(chain, atCounty)?.regionCode).toBe('510100');
    const atTop = walk(atCounty, [
      ['accept', prefecture],
      ['accept', province],
    ]);
    expect(atTop).toEqual({ status: 'approved', approvedLevel: 'province' });
    expect(nextStep(chain, atTop)).toBeNull();
  });

  it('locks approved data for the levels below and refuses acting above or outside one’s level', () => {
    const atPrefecture = walk(submitted, [
      ['approve', county],
      ['accept', prefecture],
    ]);
    for (const who of [county, prefecture, { role: 'reviewer', regionCode: '510105' }]) {
      const outcome = reviewMove(chain, atPrefecture, 'return', who);
      expect(outcome).toMatchObject({ ok: false, code: 'not_your_level' });
    }
    // The province may not jump the queue either: a submitted report is the county's to approve.
    expect(reviewMove(chain, submitted, 'approve', province)).toMatchObject({ ok: false, code: 'not_your_level' });
    expect(reviewMove(chain, submitted, 'accept', county)).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(reviewMove(chain, walk(submitted, [['approve', county]]), 'approve', prefecture)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(reviewMove(chain, { status: 'draft', approvedLevel: null }, 'approve', county)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('returns one level down: to the reporter from the first step, to the level below from a higher one', () => {
    expect(walk(submitted, [['return', county]])).toEqual({ status: 'returned', approvedLevel: null });
    expect(
      walk(submitted, [
        ['approve', county],
        ['return', prefecture],
      ]),
    ).toEqual({ status: 'submitted', approvedLevel: null });
    expect(
      walk(submitted, [
        ['approve', county],
        ['accept', prefecture],
        ['return', province],
      ]),
    ).toEqual({ status: 'approved', approvedLevel: 'county' });
  });

  it('lets the office act at whichever step is next', () => {
    const office = { role: 'admin', regionCode: null };
    expect(
      walk(submitted, [
        ['approve', office],
        ['accept', office],
      ]),
    ).toEqual({ status: 'approved', approvedLevel: 'prefecture' });
  });

  it('reads data approved before levels existed as approved by the first step', () => {
    expect(nextStep(chain, { status: 'approved', approvedLevel: null })?.level).toBe('prefecture');
    expect(reviewMove(chain, { status: 'approved', approvedLevel: null }, 'return', county)).toMatchObject({
      ok: false,
      zh: expect.stringContaining('「县级已审核」'),
    });
    expect(approvedAtLeast('prefecture', 'county')).toBe(true);
    expect(approvedAtLeast('county', 'province')).toBe(false);
    expect(approvedAtLeast(null, 'county')).toBe(false);
  });

  it('shows each step done or waiting, and whether the caller acts next', () => {
    const atCounty = walk(submitted, [['approve', county]]);
    expect(approvalProgress(chain, atCounty, prefecture)).toEqual({
      steps: [
        { level: 'county', regionCode: '510104', done: true },
        { level: 'prefecture', regionCode: '510100', done: false },
        { level: 'province', regionCode: '510000', done: false },
      ],
      next: 1,
      mine: true,
    });
    expect(approvalProgress(chain, atCounty, county).mine).toBe(false);
    expect(approvalProgress(chain, submitted, { role: 'leader', regionCode: '510104' }).mine).toBe(false);
    expect(approvalProgress(chain, { status: 'returned', approvedLevel: null }, county)).toMatchObject({
      next: null,
      mine: false,
    });
  });
});
