import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Field, FormDefinition, Plan } from '@kesu/schema';
import { importPlan } from '../import-plan.js';
import { prepareRegistry } from '../registry.js';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions, loadSeedDocuments } from '@kesu/seeds';
import { generateForm, usualIndicators } from './generate-form.js';

const catalog = loadIndicatorCatalog();
let plan: Plan;
let form: FormDefinition;
let fields: Field[];

beforeAll(async () => {
  // The 锦江区 seed plan as the importer reads it, and the form of its 区教育局.
  const doc = loadSeedDocuments().find((d) => d.stem.startsWith('004'));
  const registry = prepareRegistry({
    regions: loadRegions(),
    departments: loadDepartmentRegistry(),
    indicators: catalog,
  });
  const result = await importPlan(readFileSync(doc?.file ?? ''), registry);
  if (!result.success) throw new Error('the 锦江区 seed plan no longer imports');
  plan = result.plan;
  const fn = plan.departments.find((d) => d.raw === '区教育局')?.function ?? null;
  form = generateForm(plan, '区教育局', 'quarter', catalog, usualIndicators([plan], fn, catalog.indicators));
  fields = form.sections.flatMap((s) => s.fields);
});

const targetOf = (field: Field) =>
  'target' in field && field.target !== undefined ? plan.targets[field.target - 1] : undefined;

describe('generateForm', () => {
  it('names a target field by what it counts, not by its goal', () => {
    const labels = fields.filter((f) => targetOf(f) && f.type !== 'yes_no').map((f) => f.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        '科技教育特色（示范）学校 · 现代课程教学示范校',
        '科普活动场次 · 青少年',
        '科技教育特色（示范）学校 · 少年科学院',
      ]),
    );
    // No label carries the target's number and unit (示范校5所) any more.
    for (const label of labels) expect(label, label).not.toMatch(/\d+\s*(所|个|场|名|人|人次|%)(?!）)/);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('keeps the target sentence as the help', () => {
    const school = fields.find((f) => targetOf(f)?.text === '建立现代课程教学示范校5所');
    expect(school?.help).toContain('原文：“建立现代课程教学示范校5所”');
    expect(school?.help).toContain('目标：规划期累计 5所');
  });

  it('names fields in English where the catalog does', () => {
    const school = fields.find((f) => targetOf(f)?.text === '建立现代课程教学示范校5所');
    expect(school?.labelEn).toBe('Science-featured and model schools · Modern curriculum teaching model school');
  });
});

describe('generateForm for a plan with a 2035 goal', () => {
  it('asks for the goals of the term, not for the long-range one', () => {
    const task = plan.sections[0]!.tasks[0]!;
    const inTask = (text: string, deadline: number): Plan['targets'][number] => ({
      ...(plan.targets.find((t) => t.scope === 'point_in_time') as Plan['targets'][number]),
      text,
      deadline,
      section: 0,
      task: task.ordinal,
      leadUnits: ['区教育局'],
    });
    const withLongRange: Plan = {
      ...plan,
      targets: [...plan.targets, inTask('到2025年…达到80%', 2025), inTask('到2035年…达到95%', 2035)],
    };
    const asked = generateForm(withLongRange, '区教育局', 'quarter', catalog, [])
      .sections.flatMap((s) => s.fields)
      .map((f) => ('target' in f && f.target !== undefined ? withLongRange.targets[f.target - 1]?.text : undefined));
    expect(asked).toContain('到2025年…达到80%');
    expect(asked).not.toContain('到2035年…达到95%');
  });
});
