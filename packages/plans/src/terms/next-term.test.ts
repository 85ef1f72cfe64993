import { describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions, loadSeedDocuments } from '@kesu/seeds';
import { checkPlan, importPlan, prepareRegistry } from '../index.js';
import { nextTerm, nextTermPlan, type FinalVerdict } from './next-term.js';

const regions = loadRegions();
const departments = loadDepartmentRegistry();
const registry = prepareRegistry({ regions, departments, indicators: loadIndicatorCatalog() });

async function jinjiang() {
  const doc = loadSeedDocuments().find((d) => d.stem.startsWith('004'))!;
  const result = await importPlan(Buffer.from(doc.text), registry);
  if (!result.success) throw new Error(result.rejection.messageEn);
  return result.plan;
}

describe('the next term’s draft', () => {
  it('follows the five-year plans', () => {
    expect(nextTerm({ start: 2021, end: 2025 })).toEqual({ start: 2026, end: 2030 });
    expect(nextTerm({ start: 2022, end: 2025 })).toEqual({ start: 2026, end: 2030 });
  });

  it('carries each 锦江区 target with its final actual as baseline and verdict, years moved to 2026—2030', async () => {
    const old = await jinjiang();
    const verdicts: FinalVerdict[] = old.targets.map((_, i) => ({
      actual: i * 10,
      status: i % 2 === 0 ? 'achieved' : 'behind',
    }));
    verdicts[3] = { actual: null, status: 'no_data' };
    const { plan, text } = nextTermPlan(old, verdicts);
    expect(plan).toMatchObject({
      period: { start: 2026, end: 2030 },
      draft: true,
      docNumber: null,
      issuedOn: null,
      title: '成都市锦江区全民科学素质行动规划纲要实施方案（2026—2030年）',
    });
    expect(plan.targets).toHaveLength(old.targets.length);
    plan.targets.forEach((t, i) => {
      const was = old.targets[i]!;
      expect(t.previous).toEqual({
        text: was.text,
        scope: was.scope,
        comparator: was.comparator,
        value: was.value,
        valueMax: was.valueMax,
        unit: was.unit,
        perUnit: was.perUnit,
        deadline: was.deadline,
        actual: verdicts[i]!.actual,
        year: 2025,
        status: verdicts[i]!.status,
      });
      expect([t.value, t.scope, t.indicator]).toEqual([was.value, was.scope, was.indicator]);
      expect(t.deadline).toBe(was.deadline === null ? null : was.deadline + 5);
    });
    const literacy = plan.targets[0]!;
    expect(literacy.previous).toMatchObject({ value: 18, comparator: '>' });
    expect(plan.literacyTarget).toEqual({ value: 18, stretch: 20, deadline: 2030 });
    // The years in the words move with the term; a year outside the old term stays.
    expect(plan.targets.find((t) => t.text.includes('工匠人才'))?.text).toBe(
      '到2030年新培育具有较强产业支持力的工匠人才超过200名',
    );
    // Its own document: every span points at its item, as an imported plan's do.
    expect(
      checkPlan(plan, {
        functions: new Set(departments.functions.map((f) => f.code)),
        regions: new Set(regions.map((r) => r.code)),
        source: text,
      }),
    ).toEqual([]);
    expect(plan.issues.map((i) => i.code)).toEqual(['next_term_draft']);
  });

  it('adds the years to a title without them, and makes 十四五 十五五', async () => {
    const old = { ...(await jinjiang()), title: '锦江区“十四五”全民科学素质行动实施方案' };
    expect(nextTermPlan(old, []).plan.title).toBe('锦江区“十五五”全民科学素质行动实施方案（2026—2030年）');
    expect(
      nextTermPlan(old, []).plan.targets.every((t) => t.previous?.status === 'no_data' && t.previous.actual === null),
    ).toBe(true);
  });
});
