import { describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, loadRegions } from '@kesu/seeds';
import type { Plan } from '@kesu/schema';
import { checkPlan, importPlan } from '../src/index.js';
import { registry, seedCases, variantFile } from './corpus.js';

const functions = new Set(loadDepartmentRegistry().functions.map((f) => f.code));
const regions = new Set(loadRegions().map((r) => r.code));

async function gansu(): Promise<{ plan: Plan; source: string }> {
  const result = await importPlan(variantFile('province-plan-chapters.txt'), registry);
  if (!result.success) throw new Error(result.rejection.messageEn);
  return { plan: result.plan, source: result.text };
}

describe('checkPlan', () => {
  it('finds nothing wrong with what the importer makes', async () => {
    for (const c of seedCases()) {
      const result = await importPlan(c.bytes, registry);
      if (!result.success) throw new Error(c.name);
      expect(checkPlan(result.plan, { functions, regions, source: result.text }), c.name).toEqual([]);
    }
    const { plan, source } = await gansu();
    expect(checkPlan(plan, { functions, regions, source })).toEqual([]);
  });

  it('names each unit a task or target gives that the unit table lacks, by its path', async () => {
    const { plan, source } = await gansu();
    plan.sections[0]!.tasks[1]!.leadUnits = ['省教育厅', '省餐饮协会'];
    plan.targets[2]!.responsibleUnits = ['不存在的单位'];
    const problems = checkPlan(plan, { functions, regions, source });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['plan.sections[0].tasks[1].leadUnits[1]', 'unknown_unit'],
      ['plan.targets[2].responsibleUnits[0]', 'unknown_unit'],
    ]);
    expect(problems[0]?.message).toBe('单位「省餐饮协会」不在方案的单位表中，请从部门登记表中选择');
    expect(problems[0]?.messageEn).toBe(
      'unit "省餐饮协会" is not in the plan\'s unit table; choose it from the department registry',
    );
  });

  it('refuses functions and regions the registry does not know, and a unit listed twice', async () => {
    const { plan, source } = await gansu();
    const [first] = plan.departments;
    plan.departments.push({ ...first!, function: 'ministry_of_magic' });
    plan.departments[1] = { ...plan.departments[1]!, region: '999999' };
    expect(checkPlan(plan, { functions, regions, source }).map((p) => [p.path, p.code])).toEqual([
      ['plan.departments[1].region', 'unknown_region'],
      [`plan.departments[${plan.departments.length - 1}].raw`, 'duplicate_unit'],
      [`plan.departments[${plan.departments.length - 1}].function`, 'unknown_function'],
    ]);
  });

  it('refuses a target placed in a missing section or task, or pointing at text that is not its own', async () => {
    const { plan, source } = await gansu();
    const [a, b, c] = plan.targets.flatMap((t, i) => (t.task !== null ? [i] : [])) as [number, number, number];
    plan.targets[a] = { ...plan.targets[a]!, section: 99 };
    plan.targets[b] = { ...plan.targets[b]!, task: '(九十)' };
    plan.targets[c] = { ...plan.targets[c]!, span: { start: 0, end: 4 } };
    expect(checkPlan(plan, { functions, regions, source }).map((p) => [p.path, p.code])).toEqual([
      [`plan.targets[${a}].section`, 'unknown_section'],
      [`plan.targets[${b}].task`, 'unknown_task'],
      [`plan.targets[${c}].span`, 'span_mismatch'],
    ]);
    // Without a stored source there is nothing to compare spans with.
    expect(checkPlan(plan, { functions, regions, source: '' }).map((p) => p.code)).toEqual([
      'unknown_section',
      'unknown_task',
    ]);
  });
});
