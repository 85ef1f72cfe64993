import {
  approvalChain,
  nextStep,
  type ApprovalLevel,
  type AssignmentBase,
  type Region,
  type Submission,
  type SubmissionAction,
  type User,
} from '@kesu/schema';
import {
  announcedAssignments,
  getAssignment,
  reportersOf,
  reviewersOf,
  type NotificationInput,
  type Recipient,
} from '@kesu/store';
import type { AssignmentFactsReader } from './assignment-facts.js';
import type { MailConfig } from './notify-config.js';
import { notice } from './notices.js';

type Connection = Parameters<typeof getAssignment>[0];

/** What deciding who is told of an event needs. */
export interface EventDeps {
  regions: ReadonlyMap<string, Region>;
  approvalLevels: readonly ApprovalLevel[];
  facts: AssignmentFactsReader;
  mail: MailConfig | null;
}

/** Something that happened that people are told of. */
export type NotifyEvent =
  | { type: 'assigned'; assignments: AssignmentBase[]; actor: User }
  | { type: 'submission'; action: SubmissionAction; submission: Submission; actor: User };

const byPeriod = (a: AssignmentBase, b: AssignmentBase) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id);

/**
 * New tasks: each enabled reporter of a unit gets one notice per form naming the unit's
 * assignments they have not been told of before (an assignment given again is kept, not new).
 */
async function assignedNotices(
  conn: Connection,
  deps: EventDeps,
  assignments: AssignmentBase[],
): Promise<NotificationInput[]> {
  const reporters = await reportersOf(conn, assignments);
  const told = await announcedAssignments(
    conn,
    'assignment.received',
    reporters.map((r) => r.id),
    assignments.map((a) => a.id),
  );
  const notices: NotificationInput[] = [];
  for (const to of reporters) {
    const mine = assignments.filter(
      (a) => a.regionCode === to.regionCode && a.department === to.department && !told.has(`${to.id}|${a.id}`),
    );
    for (const formId of new Set(mine.map((a) => a.formId))) {
      const ofForm = mine.filter((a) => a.formId === formId).sort(byPeriod);
      const head = ofForm[0] as AssignmentBase;
      notices.push(
        notice(deps.mail, {
          kind: 'assignment.received',
          params: { ...(await deps.facts.of(conn, head)), periods: ofForm.map((a) => a.period) },
          to,
          dedupeKey: `assigned:${to.id}:${head.id}`,
          link: ofForm.length === 1 ? `/report/${head.id}` : '/report',
          assignmentIds: ofForm.map((a) => a.id),
        }),
      );
    }
  }
  return notices;
}

/**
 * A submission moved: who waits for it next, and who is told how it went. Submitted → the
 * reviewers of the first approval step. Approved or accepted → the reporters, the reviewers of
 * the next step, and on acceptance the level below that approved it. Returned → the reporters,
 * or, from a higher level, the reviewers of the level it went back to.
 */
async function submissionNotices(
  conn: Connection,
  deps: EventDeps,
  action: SubmissionAction,
  submission: Submission,
  actor: User,
): Promise<NotificationInput[]> {
  if (action === 'save') return [];
  const assignment = await getAssignment(conn, submission.assignmentId);
  if (!assignment) return [];
  const facts = await deps.facts.of(conn, assignment);
  const chain = approvalChain(assignment.regionCode, deps.approvalLevels, deps.regions);
  const state = { status: submission.status, approvedLevel: submission.approvedLevel };
  const next = nextStep(chain, state);
  const key = (what: string, to: Recipient) => `${what}:${assignment.id}:${submission.revision}:${to.id}`;
  const reporterLink = `/report/${assignment.id}`;
  const reviewLink = `/review/${assignment.id}`;
  const base = { ...facts, actor: actor.displayName };
  const reporters = () => reportersOf(conn, [assignment]);
  const reviewersAt = async (regionCode: string | undefined) =>
    regionCode === undefined ? [] : reviewersOf(conn, [regionCode]);
  const notices: NotificationInput[] = [];
  const waiting = async (accept: boolean) => {
    for (const to of await reviewersAt(next?.regionCode)) {
      notices.push(
        notice(deps.mail, {
          kind: 'review.waiting',
          params: { ...base, accept, level: submission.approvedLevel },
          to,
          dedupeKey: key('waiting', to),
          link: reviewLink,
          assignmentIds: [assignment.id],
        }),
      );
    }
  };

  if (action === 'submit') await waiting(false);
  if (action === 'approve' || action === 'accept') {
    const accepted = action === 'accept';
    for (const to of await reporters()) {
      notices.push(
        notice(deps.mail, {
          kind: 'submission.approved',
          params: { ...base, level: submission.approvedLevel, accepted, reviewer: false },
          to,
          dedupeKey: key('approved', to),
          link: reporterLink,
          assignmentIds: [assignment.id],
        }),
      );
    }
    if (accepted) {
      const at = chain.findIndex((s) => s.level === submission.approvedLevel);
      for (const to of await reviewersAt(chain[at - 1]?.regionCode)) {
        notices.push(
          notice(deps.mail, {
            kind: 'submission.approved',
            params: { ...base, level: submission.approvedLevel, accepted, reviewer: true },
            to,
            dedupeKey: key('accepted', to),
            link: reviewLink,
            assignmentIds: [assignment.id],
          }),
        );
      }
    }
    await waiting(true);
  }
  if (action === 'return') {
    const comment = submission.comment ?? '';
    const backToReporters = submission.status === 'returned';
    // The level that returned it is the one above the step that now acts.
    const returnedBy = backToReporters
      ? (chain[0]?.level ?? null)
      : (chain[chain.findIndex((s) => s.regionCode === next?.regionCode) + 1]?.level ?? null);
    const recipients = backToReporters ? await reporters() : await reviewersAt(next?.regionCode);
    for (const to of recipients) {
      notices.push(
        notice(deps.mail, {
          kind: 'submission.returned',
          params: { ...base, comment, reviewer: !backToReporters, level: returnedBy },
          to,
          dedupeKey: key('returned', to),
          link: backToReporters ? reporterLink : reviewLink,
          assignmentIds: [assignment.id],
        }),
      );
    }
  }
  // Nobody is told of their own step.
  return notices.filter((n) => n.recipientId !== actor.id);
}

/** The notices of one event, read on the writing connection so they match what was just committed. */
export function noticesOf(conn: Connection, deps: EventDeps, event: NotifyEvent): Promise<NotificationInput[]> {
  return event.type === 'assigned'
    ? assignedNotices(conn, deps, event.assignments)
    : submissionNotices(conn, deps, event.action, event.submission, event.actor);
}
