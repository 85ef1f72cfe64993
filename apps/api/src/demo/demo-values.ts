import { targetScopes, type Field, type FormDefinition, type Target } from '@kesu/schema';

/** A small deterministic random generator, so demo data is the same on every machine. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

/** The plan target a field reports (by its position in the plan), if any. */
function targetOf(field: Field, targets: readonly Target[]): Target | null {
  return 'target' in field && field.target !== undefined ? (targets[field.target - 1] ?? null) : null;
}

/** Years a cumulative target (规划期累计) is spread over in the demo. */
const PLAN_YEARS = 5;

/**
 * How well the unit does on one field, the same in every period: from about half of what the
 * target asks to a third more, so the demo shows every progress status rather than all green.
 */
function performanceOf(fieldId: string, formSeed: string): number {
  return 0.5 + seededRandom(`${formSeed}:${fieldId}`)() * 0.8;
}

function valueFor(
  field: Field,
  target: Target | null,
  random: () => number,
  quarterIndex: number,
  periodsPerYear: number,
  performance: number,
): unknown {
  const noise = 0.9 + random() * 0.2;
  switch (field.type) {
    case 'integer': {
      // Flows reported per period: the period's share of the yearly (or plan-long) target.
      const years = target && targetScopes[target.scope].pace === 'over_term' ? PLAN_YEARS : 1;
      return Math.max(
        0,
        Math.round(((target?.value ?? 40) / years / periodsPerYear) * performance * noise * (1 + quarterIndex * 0.02)),
      );
    }
    case 'decimal':
      return Math.round((target?.value ?? 10) * performance * noise * 100) / 100;
    case 'percent': {
      // A rate climbs towards its target as the periods pass; a per-unit share (达标…占比)
      // towards all units.
      const goal = target && targetScopes[target.scope].actual === 'share_of_units' ? 100 : (target?.value ?? 80);
      return Math.min(100, Math.round(goal * (0.75 + 0.2 * performance + quarterIndex * 0.01) * noise * 10) / 10);
    }
    case 'yes_no':
      return random() < 0.2 * performance + quarterIndex * 0.1;
    case 'date':
      return null;
    case 'long_text':
      return '（演示数据）本期按计划推进各项任务，组织开展科普活动，完成情况良好。';
    case 'text':
      return '演示';
    case 'choice':
      return field.options[Math.floor(random() * field.options.length)]?.value ?? null;
    case 'multi_choice':
      return field.options.slice(0, 1).map((o) => o.value);
    case 'repeat_table':
      return [];
    default:
      return field satisfies never;
  }
}

/**
 * Plausible values for every field of a form in one period, clearly marked as demo data in
 * the notes, near the plan targets the fields report (`targets`: the form's plan's). `index` is
 * the period's position in the series (values grow slowly over it).
 */
export function demoValues(
  form: FormDefinition,
  seed: string,
  index: number,
  { formSeed = form.title, targets = [] }: { formSeed?: string; targets?: readonly Target[] } = {},
): Record<string, unknown> {
  const random = seededRandom(seed);
  const perYear = { year: 1, half: 2, quarter: 4, month: 12 }[form.periodKind];
  const values: Record<string, unknown> = {};
  for (const field of form.sections.flatMap((s) => s.fields)) {
    if ('computed' in field && field.computed) continue;
    const value = valueFor(field, targetOf(field, targets), random, index, perYear, performanceOf(field.id, formSeed));
    if (value !== null) values[field.id] = value;
  }
  return values;
}
