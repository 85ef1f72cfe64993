import type { ImportIssue, Plan, PlanPeriod, ProgressStatus, Target } from '@kesu/schema';
import { renderPlan } from './render-plan.js';

/** A target's final verdict: its actual and status as of the end of its plan's last year. */
export interface FinalVerdict {
  actual: number | null;
  status: ProgressStatus;
}

/** Plans follow the five-year plans: the term after one ending in 2025 is 2026—2030 (十五五). */
export function nextTerm(period: PlanPeriod): PlanPeriod {
  return { start: period.end + 1, end: period.end + 5 };
}

/** A text's years within the old term moved by as many years as the term moves; 十四五 becomes 十五五. */
function shiftYears(text: string, old: PlanPeriod, shift: number): string {
  return text
    .replace(/(\d{4})(?=\s*年)/g, (y) =>
      Number(y) >= old.start && Number(y) <= old.end ? String(Number(y) + shift) : y,
    )
    .replaceAll('十四五', '十五五');
}

/** The plan's title for the new term: its years replaced (or added), 十四五 made 十五五. */
function nextTitle(title: string, next: PlanPeriod): string {
  const years = /(\d{4})\s*[—–\-－~至]+\s*(\d{4})/;
  const renamed = title.replaceAll('十四五', '十五五');
  return years.test(renamed)
    ? renamed.replace(years, `${next.start}—${next.end}`)
    : `${renamed}（${next.start}—${next.end}年）`;
}

function carry(target: Target, verdict: FinalVerdict | undefined, old: PlanPeriod, shift: number): Target {
  const previous = {
    text: target.text,
    scope: target.scope,
    comparator: target.comparator,
    value: target.value,
    valueMax: target.valueMax,
    unit: target.unit,
    perUnit: target.perUnit,
    deadline: target.deadline,
    actual: verdict?.actual ?? null,
    year: old.end,
    status: verdict?.status ?? 'no_data',
  };
  return {
    ...target,
    text: shiftYears(target.text, old, shift),
    metric: shiftYears(target.metric, old, shift),
    deadline: target.deadline === null ? null : target.deadline + shift,
    previous,
  };
}

const DRAFT_ISSUE: ImportIssue = {
  code: 'next_term_draft',
  message: '本方案草稿由上期方案生成：各目标暂沿用上期目标值，请对照上期终期实际（基线）和上级新方案逐项修订',
  messageEn:
    'this draft was made from the previous plan: each target keeps its old value for now; ' +
    'revise each against the final actual (the baseline) and the parent’s new plan',
  span: null,
};

/**
 * A draft plan for the term after `previous`: the same sections, tasks and units, every target
 * carried over with the old one, its final actual as the new baseline and its final verdict
 * beside it (`previous`), the years in its words moved to the new term, and a document written
 * from it for the spans to point into. `verdicts` holds the final verdict of each target by its
 * position in the plan.
 */
export function nextTermPlan(
  previous: Plan,
  verdicts: ReadonlyArray<FinalVerdict | undefined>,
): { plan: Plan; text: string } {
  const old = previous.period;
  const period = nextTerm(old);
  const shift = period.end - old.end;
  const title = nextTitle(previous.title, period);
  const sections = previous.sections.map((s) => ({
    ...s,
    title: shiftYears(s.title, old, shift),
    tasks: s.tasks.map((t) => ({ ...t, title: shiftYears(t.title, old, shift) })),
  }));
  const targets = previous.targets.map((t, i) => carry(t, verdicts[i], old, shift));
  const written = renderPlan({ title, docNumber: null, sections, targets });
  const literacy = previous.literacyTarget;
  const plan: Plan = {
    ...previous,
    title,
    docNumber: null,
    issuedOn: null,
    period,
    draft: true,
    literacyTarget: literacy && { ...literacy, deadline: literacy.deadline + shift },
    sections: sections.map((s, i) => ({
      ...s,
      span: written.sections[i] as Target['span'],
      tasks: s.tasks.map((t, j) => ({ ...t, span: written.tasks[i]?.[j] as Target['span'] })),
    })),
    targets: targets.map((t, k) => ({ ...t, span: written.targets[k] as Target['span'] })),
    issues: [DRAFT_ISSUE],
  };
  return { plan, text: written.text };
}
