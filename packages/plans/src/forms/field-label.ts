import { breakdownOf, formatGoal, type IndicatorCatalog, type Target } from '@kesu/schema';
import { metricName } from '@kesu/plans';

/** A field's name in Chinese, and in English where the catalog gives one. */
export interface FieldName {
  label: string;
  labelEn?: string;
}

/**
 * The target's metric without its quantity; one left with its verb alone (培训1000人次 → 培训)
 * keeps what it counts (培训人次).
 */
function ownName(target: Target): string {
  const name = metricName(target.metric);
  return name.length <= 2 && target.unit && target.unit !== '%' ? `${name}${target.unit}` : name;
}

/**
 * A short name for what a target counts: the catalog indicator's name with the breakdown the
 * target's words name (培训人次 · 农民), or, for a target no catalog indicator measures, its metric
 * without the quantity (示范校5所 → 示范校). The goal itself is the field's help, not its name.
 */
function shortName(target: Target, catalog: IndicatorCatalog): FieldName {
  const indicator = catalog.indicators.find((i) => i.code === target.indicator);
  if (!indicator) return { label: ownName(target) };
  // A value the indicator's name already says (农业科技示范基地 of 农业科技示范基地) adds nothing.
  const parts = breakdownOf(catalog, indicator, target.text).filter((p) => !indicator.nameZh.includes(p.nameZh));
  if (parts.length === 0) return { label: indicator.nameZh, labelEn: indicator.nameEn };
  return {
    label: `${indicator.nameZh} · ${parts.map((p) => p.nameZh).join('、')}`,
    labelEn: `${indicator.nameEn} · ${parts.map((p) => p.nameEn).join(', ')}`,
  };
}

function collisions(names: readonly FieldName[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { label } of names) (seen.has(label) ? twice : seen).add(label);
  return twice;
}

/**
 * The field name of every target of a plan, one per target in the plan's order. Names are
 * unique in the plan, so a form never shows two fields alike: targets the catalog names alike
 * (three kinds of school, one indicator) fall back to their own metric, and targets printed in
 * one clause (建成2个区级、1个以上市级…工作室) add their goal.
 * @example targetFieldNames([示范校5所], catalog) // [{ label: '科技教育特色（示范）学校 · 现代课程教学示范校', labelEn: '…' }]
 */
export function targetFieldNames(targets: readonly Target[], catalog: IndicatorCatalog): FieldName[] {
  const short = targets.map((t) => shortName(t, catalog));
  const clash = collisions(short);
  const own = targets.map((t, i) =>
    clash.has(short[i]?.label ?? '') ? { label: ownName(t) } : (short[i] as FieldName),
  );
  const still = collisions(own);
  return own.map((name, i) => {
    const t = targets[i] as Target;
    if (!still.has(name.label)) return name;
    const goal = (lang: 'zh' | 'en') => formatGoal(t.comparator, t.value, t.unit, { valueMax: t.valueMax, lang });
    const first = short[i] as FieldName;
    return {
      label: `${first.label}（目标 ${goal('zh')}）`,
      ...(first.labelEn ? { labelEn: `${first.labelEn} (target ${goal('en')})` } : {}),
    };
  });
}
