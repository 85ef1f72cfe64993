import { describe, expect, it } from 'vitest';
import {
  APPROVAL_LEVELS,
  approvalChain,
  reviewMove,
  type ApprovalLevel,
  type ReviewAction,
  type ReviewState,
} from './approval.js';
import type { Region } from './region.js';
import { SUBMISSION_STATUSES } from './submission-status.js';
import { draftMayHave, reporterMayEdit, revisionAction, staleVersion, submissionActions } from './workflow.js';

const regions = new Map<string, Pick<Region, 'level' | 'parent'>>([
  ['510000', { level: 'province', parent: null }],
  ['510100', { level: 'prefecture', parent: '510000' }],
  ['510104', { level: 'district', parent: '510100' }],
]);
const office = { role: 'admin', regionCode: null };

/** Every state a submission can be in along some chain: each status with each approved level. */
const STATES: ReviewState[] = [
  { status: null, approvedLevel: null },
  ...SUBMISSION_STATUSES.flatMap((status) =>
    [null, ...APPROVAL_LEVELS].map((approvedLevel: ApprovalLevel | null) => ({ status, approvedLevel })),
  ),
];

describe('revisionAction', () => {
  it.each([
    ['a first draft', null, { status: 'draft', approvedLevel: null }, 'save'],
    ['a first submission', null, { status: 'submitted', approvedLevel: null }, 'submit'],
    [
      'a resubmission after a return',
      { status: 'returned', approvedLevel: null },
      { status: 'submitted', approvedLevel: null },
      'submit',
    ],
    [
      'an approval',
      { status: 'submitted', approvedLevel: null },
      { status: 'approved', approvedLevel: 'county' },
      'approve',
    ],
    [
      'an acceptance',
      { status: 'approved', approvedLevel: 'county' },
      { status: 'approved', approvedLevel: 'prefecture' },
      'accept',
    ],
    [
      'accepting what was approved before levels',
      { status: 'approved', approvedLevel: null },
      { status: 'approved', approvedLevel: 'prefecture' },
      'accept',
    ],
    [
      'a return to the reporter',
      { status: 'submitted', approvedLevel: null },
      { status: 'returned', approvedLevel: null },
      'return',
    ],
    [
      'a return from the city to the district',
      { status: 'approved', approvedLevel: 'county' },
      { status: 'submitted', approvedLevel: null },
      'return',
    ],
    [
      'a return from the province to the city',
      { status: 'approved', approvedLevel: 'prefecture' },
      { status: 'approved', approvedLevel: 'county' },
      'return',
    ],
  ] as const)('reads %s', (_name, before, after, action) => {
    expect(revisionAction(before, after)).toBe(action);
  });

  it('recovers every step the workflow allows, along one, two and three levels', () => {
    let checked = 0;
    for (const levels of [['county'], ['county', 'prefecture'], ['county', 'prefecture', 'province']] as const) {
      const chain = approvalChain('510104', levels, regions);
      for (const before of STATES) {
        for (const action of ['approve', 'accept', 'return'] as ReviewAction[]) {
          const outcome = reviewMove(chain, before, action, office);
          if (!outcome.ok) continue;
          expect(
            revisionAction(before, { ...outcome.state, status: outcome.state.status ?? 'draft' }),
            `${action} from ${JSON.stringify(before)}`,
          ).toBe(action);
          checked++;
        }
        for (const action of ['save', 'submit'] as const) {
          const rule = submissionActions[action];
          if (!rule.from.includes(before.status)) continue;
          expect(revisionAction(before, { status: rule.to, approvedLevel: null })).toBe(action);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('the rules the form, the list and the API share', () => {
  it('lets the reporter edit what a save may start from', () => {
    expect([null, ...SUBMISSION_STATUSES].filter(reporterMayEdit)).toEqual([null, 'draft', 'returned']);
  });

  it('saves a draft that is incomplete, never one that is malformed', () => {
    expect(draftMayHave({ code: 'required' })).toBe(true);
    expect(draftMayHave({ code: 'rule' })).toBe(true);
    expect(draftMayHave({ code: 'invalid_type' })).toBe(false);
  });

  it('refuses a save against another version of the form, in both languages', () => {
    expect(staleVersion(3, 3)).toBeNull();
    expect(staleVersion(2, 3)).toEqual({
      code: 'stale_version',
      zh: '表单已更新为第 3 版，请刷新后重新填报',
      en: 'the form is now version 3; reload and fill it again',
    });
  });
});
