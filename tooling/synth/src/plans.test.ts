import { describe, expect, it } from 'vitest';
import { Plan, REGION_LEVELS } from '@kesu/schema';
import { loadRegions } from '@kesu/seeds';
import { LEVEL_WEIGHT, indexRegions, profileOf } from './region-profile.js';
import { synthesizePlan } from './plans.js';
import { buildWorld } from './world.js';

const world = buildWorld(1);
const regions = loadRegions();
const index = indexRegions(regions);

describe('loadTemplates', () => {
  it('ties most seed targets to catalog indicators', () => {
    const targets = world.plans.templates.flatMap((t) => t.indicators);
    expect(targets.filter((i) => i !== null).length / targets.length).toBeGreaterThan(0.9);
    expect(world.plans.templates.every((t) => t.indicators[0]?.code === 'science_literacy_rate')).toBe(true);
  });
});

describe('synthesizePlan', () => {
  // Many regions of every level, so that every seed plan is copied at least once.
  const sample = REGION_LEVELS.flatMap((level) => regions.filter((r) => r.level === level).slice(0, 12));

  it('copies every seed plan into valid plans of every level', () => {
    const used = new Set<string>();
    for (const region of sample) {
      const profile = profileOf(region, index, 1);
      const { plan, text } = synthesizePlan(profile, world.plans);
      expect(() => Plan.parse(plan), region.code).not.toThrow();
      expect(plan.region).toMatchObject({ code: region.code, name: region.name, level: region.level });
      expect(plan.title.startsWith(region.name)).toBe(true);
      expect(plan.literacyTarget?.value).toBe(profile.literacy.target);
      for (const t of plan.targets) expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
      used.add(plan.sections.map((s) => s.title).join('|'));
    }
    expect(used.size).toBe(world.plans.templates.length);
  });

  it('scales counted targets with the region, and keeps rates', () => {
    const county = regions.find((r) => r.code === '230522');
    const province = regions.find((r) => r.code === '230000');
    if (!county || !province) throw new Error('友谊县 and 黑龙江省 are in the registry');
    const targetsOf = (region: typeof county) => synthesizePlan(profileOf(region, index, 1), world.plans).plan.targets;
    const farmers = (targets: Plan['targets']) =>
      targets.find((t) => t.indicator === 'training_person_times')?.value ?? 0;
    expect(LEVEL_WEIGHT.province).toBeGreaterThan(LEVEL_WEIGHT.county);
    expect(farmers(targetsOf(province))).toBeGreaterThan(farmers(targetsOf(county)));
    for (const t of targetsOf(province)) if (t.unit === '%') expect(t.value).toBeLessThanOrEqual(100);
  });

  it('renames the template units to the region’s departments', () => {
    const region = regions.find((r) => r.code === '510104');
    if (!region) throw new Error('锦江区 is in the registry');
    const { plan } = synthesizePlan(profileOf(region, index, 1), world.plans);
    const names = plan.departments.map((d) => d.name);
    expect(names).toContain('锦江区科学技术协会');
    for (const d of plan.departments) if (d.function !== 'collective') expect(d.region).toBe('510104');
  });
});
