import type { Field, FormDefinition } from '@kesu/schema';

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

/** The target value a field's help text carries (目标：每年 不少于 2000 名 …), if any. */
function targetOf(field: Field): number | null {
  const m = /目标：[^0-9]*([\d.]+)/.exec(field.help ?? '');
  return m ? Number(m[1]) : null;
}

function valueFor(field: Field, random: () => number, quarterIndex: number, periodsPerYear: number): unknown {
  switch (field.type) {
    case 'integer': {
      const target = targetOf(field) ?? 40;
      // Flows reported per period: about the target's yearly share, give or take a third.
      const base = target / periodsPerYear;
      return Math.max(0, Math.round(base * (0.7 + random() * 0.6) * (1 + quarterIndex * 0.02)));
    }
    case 'decimal':
      return Math.round((targetOf(field) ?? 10) * (0.5 + random()) * 100) / 100;
    case 'percent':
      return Math.min(100, Math.round((55 + random() * 40 + quarterIndex) * 10) / 10);
    case 'yes_no':
      return random() < 0.3 + quarterIndex * 0.1;
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
  }
}

/**
 * Plausible values for every field of a form in one period, clearly marked as demo data in
 * the notes. `index` is the period's position in the series (values grow slowly over it).
 */
export function demoValues(form: FormDefinition, seed: string, index: number): Record<string, unknown> {
  const random = seededRandom(seed);
  const perYear = { year: 1, half: 2, quarter: 4, month: 12 }[form.periodKind];
  const values: Record<string, unknown> = {};
  for (const field of form.sections.flatMap((s) => s.fields)) {
    if ('computed' in field && field.computed) continue;
    const value = valueFor(field, random, index, perYear);
    if (value !== null) values[field.id] = value;
  }
  return values;
}
