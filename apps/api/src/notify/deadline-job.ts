import { beijingToday, type NotificationKind } from '@kesu/schema';
import {
  dueAssignments,
  insertNotifications,
  reportersOf,
  type DueAssignment,
  type NotificationInput,
  type Store,
} from '@kesu/store';
import type { AssignmentFactsReader } from './assignment-facts.js';
import type { MailConfig } from './notify-config.js';
import { notice } from './notices.js';

const DAY_MS = 86_400_000;
/** The first reminder, this many days before the due date. */
const FIRST_REMINDER_DAYS = 7;
/**
 * How late a report may be and still bring an overdue notice: one found later (an assignment made
 * with a date long past, a server that was off) belongs on the progress page, not in an inbox.
 */
const OVERDUE_WINDOW_DAYS = 30;

export interface DeadlineDeps {
  store: Store;
  facts: AssignmentFactsReader;
  mail: MailConfig | null;
}

export interface DeadlineOptions {
  /** Assignments written per transaction. */
  chunk?: number;
  /** Called after each committed chunk (a failure injected here stops the run as a crash would). */
  afterChunk?: (index: number) => void | Promise<void>;
}

const shiftDate = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Which reminder an assignment is due for, `daysLeft` days before its due date (negative once late). */
function reminderKind(daysLeft: number): NotificationKind {
  if (daysLeft < 0) return 'deadline.overdue';
  return daysLeft <= 1 ? 'deadline.due1' : 'deadline.due7';
}

async function chunkNotices(
  conn: Parameters<typeof reportersOf>[0],
  deps: DeadlineDeps,
  due: DueAssignment[],
  today: string,
): Promise<NotificationInput[]> {
  const reporters = await reportersOf(conn, due);
  const notices: NotificationInput[] = [];
  for (const a of due) {
    const daysLeft = daysBetween(today, a.dueDate);
    const kind = reminderKind(daysLeft);
    const facts = await deps.facts.of(conn, a);
    for (const to of reporters.filter((r) => r.regionCode === a.regionCode && r.department === a.department)) {
      // The due date is part of the key: a deadline moved later is a new deadline, reminded of again.
      const dedupeKey = `${kind}:${a.id}:${a.dueDate}:${to.id}`;
      const spec = { to, dedupeKey, link: `/report/${a.id}`, assignmentIds: [a.id] };
      notices.push(
        kind === 'deadline.overdue'
          ? notice(deps.mail, { ...spec, kind, params: facts })
          : notice(deps.mail, { ...spec, kind, params: { ...facts, daysLeft } }),
      );
    }
  }
  return notices;
}

/**
 * Reminds the reporters of every open assignment not handed in: 7 days before its due date,
 * 1 day before (or on the day), and once it is late. Each reminder has a dedupe key, so running
 * again — on the next round, after a crash half-way, on another node — stores nothing twice.
 * @example await runDeadlineJob(deps, new Date('2025-04-08T01:00:00Z'))
 */
export async function runDeadlineJob(
  deps: DeadlineDeps,
  now: Date,
  options: DeadlineOptions = {},
): Promise<{ assignments: number; stored: number }> {
  const today = beijingToday(now);
  const due = await deps.store.reads.read((conn) =>
    dueAssignments(conn, shiftDate(today, -OVERDUE_WINDOW_DAYS), shiftDate(today, FIRST_REMINDER_DAYS)),
  );
  const size = Math.max(1, options.chunk ?? 200);
  let stored = 0;
  for (let i = 0; i * size < due.length; i++) {
    const part = due.slice(i * size, (i + 1) * size);
    stored += (
      await deps.store.writes.write(async (conn) =>
        insertNotifications(conn, await chunkNotices(conn, deps, part, today), now),
      )
    ).length;
    await options.afterChunk?.(i);
  }
  return { assignments: due.length, stored };
}
