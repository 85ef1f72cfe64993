import { describe, expect, it } from 'vitest';
import { compileForm, type Region } from '@kesu/schema';
import { loadDepartmentRegistry, loadIndicatorCatalog } from '@kesu/seeds';
import { departmentName, REPORTING_FUNCTIONS } from './departments.js';
import { FORM_SPECS } from './form-specs.js';
import { buildForms } from './forms.js';

const registry = loadDepartmentRegistry();
const catalog = loadIndicatorCatalog();
const forms = buildForms(registry.functions, catalog);

describe('form specs', () => {
  it('ask thirty functions, each for catalog indicators', () => {
    expect(REPORTING_FUNCTIONS).toHaveLength(30);
    expect(Object.keys(FORM_SPECS).sort()).toEqual(REPORTING_FUNCTIONS.map((f) => f.code).sort());
  });

  it('break down only counts, by a disaggregation the indicator has', () => {
    for (const spec of Object.values(FORM_SPECS).flat()) {
      const indicator = catalog.indicators.find((i) => i.code === spec.indicator);
      expect(indicator, spec.indicator).toBeDefined();
      if (indicator?.kind === 'rate') expect(spec.reach, spec.indicator).toBeDefined();
      if (!spec.parts) continue;
      expect(indicator?.kind, spec.indicator).not.toBe('rate');
      expect(indicator?.disaggregations, spec.indicator).toContain(spec.parts.dimension);
    }
  });
});

describe('buildForms', () => {
  it('numbers fields in form order: i<n> for a total, i<n>_<value> for its sub-totals', () => {
    for (const form of forms) {
      const ids = form.definition.sections.flatMap((s) => s.fields.map((f) => f.id));
      expect(ids).toEqual([...form.groups.flatMap((g) => [g.total.id, ...g.parts.map((p) => p.id)]), 'note']);
      ids.slice(0, -1).forEach((id) => expect(id).toMatch(/^i\d+(_[a-z_]+)?$/));
    }
  });

  it('rejects sub-totals above their total', () => {
    const form = forms.find((f) => f.reporting.code === 'agriculture');
    const group = form?.groups.find((g) => g.parts.length > 0);
    if (!form || !group) throw new Error('agriculture reports trainings by target group');
    const compiled = compileForm(form.definition);
    expect(compiled.validate({ [group.total.id]: 10, [group.parts[0]?.id ?? '']: 4 }).ok).toBe(true);
    expect(compiled.validate({ [group.total.id]: 10, [group.parts[0]?.id ?? '']: 11 }).ok).toBe(false);
  });
});

describe('departmentName', () => {
  const region = (code: string, name: string, level: Region['level']): Region => ({
    code,
    name,
    short: name.slice(0, 2),
    level,
    parent: null,
  });

  it('names bureaus after the region, provinces with their 厅', () => {
    const education = REPORTING_FUNCTIONS.find((f) => f.code === 'education');
    if (!education) throw new Error('education reports');
    expect(departmentName(region('510104', '锦江区', 'district'), education)).toBe('锦江区教育局');
    expect(departmentName(region('510000', '四川省', 'province'), education)).toBe('四川省教育厅');
    expect(departmentName(region('110000', '北京市', 'province'), education)).toBe('北京市教育局');
  });

  it('uses stems the department registry knows for the function', () => {
    for (const fn of REPORTING_FUNCTIONS) {
      const aliases = registry.functions.find((f) => f.code === fn.code)?.aliases ?? [];
      expect(
        aliases.some((a) => fn.stem.endsWith(a)),
        fn.code,
      ).toBe(true);
    }
  });
});
