import * as z from 'zod';
import {
  Comparator,
  LiteracyTarget,
  PlanPeriod,
  PlanRegion,
  SectionKind,
  TARGET_SCOPES,
  TargetGroup,
  type Plan,
} from '@kesu/schema';

/** A hand-reviewed plan (`seeds/plans/*.plan.json`): the Plan without spans, departments or issues. */
export const ReviewedPlan = z.object({
  source: z.string(),
  region: PlanRegion,
  title: z.string(),
  docNumber: z.string().nullable(),
  issuedOn: z.iso.date().nullable(),
  period: PlanPeriod,
  draft: z.boolean(),
  literacyTarget: LiteracyTarget.nullable(),
  sections: z.array(
    z.object({
      kind: SectionKind,
      ordinal: z.string(),
      title: z.string(),
      targetGroup: TargetGroup.nullable(),
      leadUnits: z.array(z.string()),
      responsibleUnits: z.array(z.string()),
      tasks: z.array(
        z.object({
          ordinal: z.string(),
          title: z.string(),
          leadUnits: z.array(z.string()),
          responsibleUnits: z.array(z.string()),
        }),
      ),
    }),
  ),
  targets: z.array(
    z.object({
      text: z.string(),
      metric: z.string(),
      value: z.number(),
      valueMax: z.number().nullable(),
      unit: z.string().nullable(),
      comparator: Comparator,
      scope: z.enum(TARGET_SCOPES),
      perUnit: z.string().nullable(),
      deadline: z.int().nullable(),
      section: z.int().nullable(),
      task: z.string().nullable(),
      leadUnits: z.array(z.string()),
    }),
  ),
});
export type ReviewedPlan = z.infer<typeof ReviewedPlan>;

export interface PlanScore {
  targets: { gold: number; found: number; matched: number; precision: number; recall: number };
  /** Shares of matched targets with the right comparator, scope and deadline. */
  typing: { comparator: number; scope: number; deadline: number };
  tasks: { gold: number; found: number; withLeadUnits: number; share: number };
  header: {
    region: boolean;
    title: boolean;
    docNumber: boolean;
    issuedOn: boolean;
    period: boolean;
    draft: boolean;
    literacy: boolean;
  };
  /** What did not match, for a reviewer to read. */
  misses: { missedTargets: string[]; extraTargets: string[]; wrongTasks: string[]; wrongTyping: string[] };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Two clauses are the same target when one holds the other, or they share most characters. */
function sameText(a: string, b: string): boolean {
  const [x, y] = [squeeze(a), squeeze(b)];
  if (x.includes(y) || y.includes(x)) return true;
  const shorter = x.length < y.length ? x : y;
  const longer = x.length < y.length ? y : x;
  for (let n = shorter.length; n >= Math.ceil(shorter.length * 0.6); n--) {
    for (let i = 0; i + n <= shorter.length; i++) if (longer.includes(shorter.slice(i, i + n))) return true;
  }
  return false;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/**
 * Compares an imported plan with its reviewed version: target precision and recall, typing
 * accuracy on matched targets, tasks found with the right lead units, and header fields.
 * Given the imported text, a target stated several times matches by any of its statements.
 */
export function scorePlan(plan: Plan, gold: ReviewedPlan, text?: string): PlanScore {
  const used = new Set<number>();
  const pairs: Array<[ReviewedPlan['targets'][number], Plan['targets'][number]]> = [];
  const missedTargets: string[] = [];
  // A target restated in the text matches the gold by any of its statements.
  const statements = (t: Plan['targets'][number]) => [
    t.text,
    ...(text === undefined ? [] : (t.restatedAt ?? []).map((s) => text.slice(s.start, s.end))),
  ];
  for (const g of gold.targets) {
    const k = plan.targets.findIndex(
      (t, i) => !used.has(i) && Math.abs(t.value - g.value) < 1e-6 && statements(t).some((x) => sameText(x, g.text)),
    );
    if (k < 0) missedTargets.push(g.text);
    else {
      used.add(k);
      pairs.push([g, plan.targets[k] as Plan['targets'][number]]);
    }
  }
  const extraTargets = plan.targets.filter((_, i) => !used.has(i)).map((t) => t.text);
  const wrongTyping = pairs
    .filter(([g, t]) => g.comparator !== t.comparator || g.scope !== t.scope || g.deadline !== t.deadline)
    .map(([g, t]) => `${g.text}: ${g.comparator}/${g.scope}/${g.deadline} ≠ ${t.comparator}/${t.scope}/${t.deadline}`);

  const found = plan.sections.flatMap((s) => s.tasks.map((t) => ({ kind: s.kind, ...t })));
  const wrongTasks: string[] = [];
  let withLead = 0;
  for (const section of gold.sections) {
    for (const g of section.tasks) {
      const t = found.find((f) => f.kind === section.kind && squeeze(f.title) === squeeze(g.title));
      if (t && sameSet(t.leadUnits, g.leadUnits)) withLead++;
      else {
        const problem = t ? `lead ${t.leadUnits.join('、')} ≠ ${g.leadUnits.join('、')}` : 'not found';
        wrongTasks.push(`${section.ordinal}${g.ordinal} ${g.title.slice(0, 16)}: ${problem}`);
      }
    }
  }
  const goldTasks = gold.sections.reduce((n, s) => n + s.tasks.length, 0);
  const share = (pick: (g: ReviewedPlan['targets'][number], t: Plan['targets'][number]) => boolean) =>
    ratio(pairs.filter(([g, t]) => pick(g, t)).length, pairs.length);
  return {
    targets: {
      gold: gold.targets.length,
      found: plan.targets.length,
      matched: pairs.length,
      precision: ratio(pairs.length, plan.targets.length),
      recall: ratio(pairs.length, gold.targets.length),
    },
    typing: {
      comparator: share((g, t) => g.comparator === t.comparator),
      scope: share((g, t) => g.scope === t.scope),
      deadline: share((g, t) => g.deadline === t.deadline),
    },
    tasks: { gold: goldTasks, found: found.length, withLeadUnits: withLead, share: ratio(withLead, goldTasks) },
    header: {
      region: plan.region.code === gold.region.code,
      title: squeeze(plan.title) === squeeze(gold.title),
      docNumber: plan.docNumber === gold.docNumber,
      issuedOn: plan.issuedOn === gold.issuedOn,
      period: plan.period.start === gold.period.start && plan.period.end === gold.period.end,
      draft: plan.draft === gold.draft,
      literacy: JSON.stringify(plan.literacyTarget) === JSON.stringify(gold.literacyTarget),
    },
    misses: { missedTargets, extraTargets, wrongTasks, wrongTyping },
  };
}

export interface SetScore {
  documents: number;
  precision: number;
  recall: number;
  f1: number;
  /** Shares of matched targets with the right comparator, scope and deadline. */
  comparator: number;
  scope: number;
  deadline: number;
  /** Share of the reviewed tasks found with the right lead units. */
  tasks: number;
  /** Documents whose header field is right, per field. */
  header: Record<keyof PlanScore['header'], number>;
}

/** A set of documents scored as one: targets pooled over the set, header fields counted. */
export function scoreSet(scores: PlanScore[]): SetScore {
  const sum = (f: (s: PlanScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const matched = sum((s) => s.targets.matched);
  const precision = ratio(
    matched,
    sum((s) => s.targets.found),
  );
  const recall = ratio(
    matched,
    sum((s) => s.targets.gold),
  );
  const fields = Object.keys(scores[0]?.header ?? {}) as Array<keyof PlanScore['header']>;
  return {
    documents: scores.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    comparator: ratio(
      sum((s) => s.typing.comparator * s.targets.matched),
      matched,
    ),
    scope: ratio(
      sum((s) => s.typing.scope * s.targets.matched),
      matched,
    ),
    deadline: ratio(
      sum((s) => s.typing.deadline * s.targets.matched),
      matched,
    ),
    tasks: ratio(
      sum((s) => s.tasks.withLeadUnits),
      sum((s) => s.tasks.gold),
    ),
    header: Object.fromEntries(fields.map((f) => [f, scores.filter((s) => s.header[f]).length])) as SetScore['header'],
  };
}
