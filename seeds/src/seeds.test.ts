import { describe, expect, it } from 'vitest';
import { COLLECTIVE } from '@kesu/schema';
import {
  loadDepartmentRegistry,
  loadIndicatorCatalog,
  loadParentDocuments,
  loadRegions,
  loadReviewedPlan,
  loadSeedDocuments,
} from './index.js';

describe('region registry', () => {
  const regions = loadRegions();
  const byCode = new Map(regions.map((r) => [r.code, r]));

  it('covers every province, prefecture and county level unit', () => {
    const count = (level: string) => regions.filter((r) => r.level === level).length;
    expect(count('province')).toBe(31);
    expect(count('prefecture')).toBeGreaterThan(320);
    expect(count('county') + count('district')).toBeGreaterThan(2800);
  });

  it('has unique codes and parents that exist', () => {
    expect(byCode.size).toBe(regions.length);
    for (const r of regions) if (r.parent !== null) expect(byCode.has(r.parent), r.code).toBe(true);
  });

  it.each([
    ['653000', '克孜勒苏柯尔克孜自治州', '克州', 'prefecture', '650000'],
    ['230522', '友谊县', '友谊', 'county', '230500'],
    ['532300', '楚雄彝族自治州', '楚雄州', 'prefecture', '530000'],
    ['150602', '东胜区', '东胜', 'district', '150600'],
    ['510104', '锦江区', '锦江', 'district', '510100'],
  ])('knows the seed region %s', (code, name, short, level, parent) => {
    expect(byCode.get(code)).toEqual({ code, name, short, level, parent });
  });
});

describe('department registry', () => {
  const registry = loadDepartmentRegistry();
  it('maps every example to a known function or the collective', () => {
    const codes = new Set(registry.functions.map((f) => f.code));
    for (const example of registry.examples) {
      expect(codes.has(example.function) || example.function === COLLECTIVE, example.raw).toBe(true);
    }
  });
  it('has unique function codes and the seed aliases', () => {
    const codes = registry.functions.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    const aliases = (code: string) => registry.functions.find((f) => f.code === code)?.aliases ?? [];
    expect(aliases('science_association')).toEqual(expect.arrayContaining(['科协', '科学技术协会']));
    expect(aliases('education')).toEqual(expect.arrayContaining(['教育局', '教育和体育局', '教育体育局']));
    expect(aliases('culture_tourism')).toContain('文化体育和旅旅局');
  });
});

describe('indicator catalog', () => {
  const catalog = loadIndicatorCatalog();
  it('covers what the plans count and the national science-popularisation statistics', () => {
    const codes = new Set(catalog.indicators.map((i) => i.code));
    expect(codes.has('science_literacy_rate')).toBe(true);
    const families = new Set(catalog.indicators.map((i) => i.family));
    for (const family of ['personnel', 'venues', 'funding', 'media', 'activities', 'literacy'])
      expect(families.has(family), family).toBe(true);
    const kinds = new Set(catalog.indicators.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['flow', 'rate', 'stock']);
  });
  it('marks every percentage indicator as a rate', () => {
    for (const i of catalog.indicators) if (i.unit === '%') expect(i.kind, i.code).toBe('rate');
  });
});

describe('seed documents', () => {
  it('are the five plans, each with its reviewed plan', () => {
    const docs = loadSeedDocuments();
    expect(docs.map((d) => d.stem)).toEqual([
      '000_b0cb8d15613205db',
      '001_d3227398dcf91ff4',
      '002_4aa408604cac029c',
      '003_eed45af3ed619b74',
      '004_f78b51a62ab1b450',
    ]);
    for (const doc of docs) {
      expect(doc.text).toContain('科学素质');
      expect(loadReviewedPlan(doc.stem)).toMatchObject({ source: `${doc.stem}.txt` });
    }
  });
});

describe('parent plan documents', () => {
  it('are named by the code of a region above a seed plan’s region, and carry that region’s name', () => {
    const byCode = new Map(loadRegions().map((r) => [r.code, r]));
    const seedRegions = ['653000', '230522', '532300', '150602', '510104'];
    const above = new Set(
      seedRegions.flatMap((code) => [byCode.get(code)?.parent, byCode.get(byCode.get(code)?.parent ?? '')?.parent]),
    );
    const parents = loadParentDocuments();
    expect(parents.length).toBeGreaterThan(0);
    for (const doc of parents) {
      expect(above.has(doc.stem), doc.stem).toBe(true);
      expect(doc.text, doc.stem).toContain(byCode.get(doc.stem)?.name);
    }
  });
});
