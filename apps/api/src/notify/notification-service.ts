import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ApprovalLevel, AssignmentBase, Region, Submission, SubmissionAction, User } from '@kesu/schema';
import { insertNotifications, releaseLease, takeLease, type Store } from '@kesu/store';
import { AssignmentFactsReader } from './assignment-facts.js';
import { runDeadlineJob, type DeadlineOptions } from './deadline-job.js';
import { noticesOf, type NotifyEvent } from './event-notices.js';
import type { MailConfig } from './notify-config.js';
import { sendDueMail } from './mail-sender.js';

export interface NotificationDeps {
  store: Store;
  regions: ReadonlyMap<string, Region>;
  approvalLevels: readonly ApprovalLevel[];
  mail: MailConfig | null;
  /** The time jobs and notices go by: the real clock, or a test's. */
  now: () => Date;
}

/** What one round of the jobs did. */
export interface JobRound {
  deadlines: { assignments: number; stored: number };
  mail: { sent: number; failed: number } | null;
}

/** The lease every node asks for before a round: one node at a time runs the jobs. */
const LEASE = 'notification-jobs';
/**
 * Longer than a round takes, short enough that a node that died holding it (a restart) delays
 * the reminders by minutes only. Outlasting it is harmless: the dedupe keys and the mail claims
 * keep a second round from doing anything twice.
 */
const LEASE_MS = 5 * 60_000;

/**
 * Notifications end to end: events noticed by the routes (stored after the answer, never failing
 * it), the deadline reminders and the mail sender run in rounds under a lease, and a schedule
 * that runs a round every few minutes while the server runs.
 */
export class NotificationService {
  /** Who this process is when it holds the lease. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly facts: AssignmentFactsReader;
  private readonly events: NotifyEvent[] = [];
  private draining: Promise<void> | null = null;
  private round: Promise<JobRound | null> | null = null;
  private mailing: Promise<unknown> | null = null;
  private mailAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private firstTick: NodeJS.Immediate | null = null;

  constructor(private readonly deps: NotificationDeps) {
    this.facts = new AssignmentFactsReader(deps.regions);
  }

  /** Whether notifications also go out by mail. */
  get mailConfig(): MailConfig | null {
    return this.deps.mail;
  }

  /** New assignments: their units' reporters are told. Returns at once; never throws. */
  assigned(assignments: AssignmentBase[], actor: User): void {
    if (assignments.length > 0) this.notice({ type: 'assigned', assignments, actor });
  }

  /**
   * A committed change to a submission: whoever acts next, or whose report it is, is told.
   * Returns at once; never throws.
   */
  submissionChanged(action: SubmissionAction, submission: Submission, actor: User): void {
    if (action !== 'save') this.notice({ type: 'submission', action, submission, actor });
  }

  private notice(event: NotifyEvent): void {
    this.events.push(event);
    this.draining ??= this.drain();
  }

  /** Stores the waiting events together, after the answers that caused them have gone out. */
  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.events.length > 0) {
        const batch = this.events.splice(0);
        try {
          await this.store(batch);
        } catch {
          // One event that cannot be told must not lose the others: each on its own.
          for (const event of batch) {
            // The change itself is committed and answered; a notice lost is logged, never undone into it.
            await this.store([event]).catch((error: unknown) => console.error('notification not stored:', error));
          }
        }
        this.sendMailSoon();
      }
    } finally {
      this.draining = null;
    }
  }

  private async store(events: NotifyEvent[]): Promise<void> {
    const at = this.deps.now();
    const deps = {
      regions: this.deps.regions,
      approvalLevels: this.deps.approvalLevels,
      facts: this.facts,
      mail: this.deps.mail,
    };
    await this.deps.store.writes.write(async (conn) => {
      const notices = [];
      for (const event of events) notices.push(...(await noticesOf(conn, deps, event)));
      return insertNotifications(conn, notices, at);
    });
  }

  /**
   * One round: the deadline reminders, then the due mail, if this process wins the lease (null
   * when another holds it). A round already running in this process is waited for instead.
   */
  runRound(now = this.deps.now(), options: DeadlineOptions = {}): Promise<JobRound | null> {
    this.round ??= this.leasedRound(now, options).finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async leasedRound(now: Date, options: DeadlineOptions): Promise<JobRound | null> {
    const { store } = this.deps;
    if (!(await store.writes.write((conn) => takeLease(conn, LEASE, this.holder, now, LEASE_MS)))) return null;
    try {
      const deadlines = await runDeadlineJob({ store, facts: this.facts, mail: this.deps.mail }, now, options);
      const mail = this.deps.mail ? await sendDueMail(store, this.deps.mail, now) : null;
      return { deadlines, mail };
    } finally {
      await store.writes.write((conn) => releaseLease(conn, LEASE, this.holder, now));
    }
  }

  /** Sends due mail now rather than at the next round (new notices, a retry asked for). */
  sendMailSoon(): void {
    const config = this.deps.mail;
    if (!config) return;
    // Asked again while sending: one more pass afterwards picks up what was queued meanwhile.
    if (this.mailing) {
      this.mailAgain = true;
      return;
    }
    this.mailing = sendDueMail(this.deps.store, config, this.deps.now())
      .catch((error: unknown) => console.error('mail not sent:', error))
      .finally(() => {
        this.mailing = null;
        if (this.mailAgain) {
          this.mailAgain = false;
          this.sendMailSoon();
        }
      });
  }

  /** Runs a round every `intervalMs` (and one now) until stopped. */
  start(intervalMs: number): void {
    if (this.timer) return;
    const tick = () =>
      void this.runRound().catch((error: unknown) => console.error('notification round failed:', error));
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    this.firstTick = setImmediate(tick);
  }

  /** Waits until every noticed event is stored and the mail being sent is done. */
  async settled(): Promise<void> {
    while (this.draining || this.mailing) await Promise.allSettled([this.draining, this.mailing]);
  }

  /** Stops the schedule and lets the work under way finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstTick) clearImmediate(this.firstTick);
    this.timer = null;
    await Promise.allSettled([this.round]);
    await this.settled();
  }
}
