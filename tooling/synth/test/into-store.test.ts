import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormDefinition, type Plan } from '@kesu/schema';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { insertAssignments, insertForm, insertPlan, publishForm, replaceRegistry, type Store } from '@kesu/store';
import { BACKENDS, openTestStore, type TestStore } from '@kesu/store/testing';
import { indexRegions, profileOf } from '../src/region-profile.js';
import { synthesizePlan } from '../src/plans.js';
import { buildWorld } from '../src/world.js';
import { generateInto, type GenerateIntoResult } from '../src/index.js';

type Row = Record<string, unknown>;

const SEED_REGIONS = ['653000', '230522', '532300', '150602', '510104'];
const PROVINCES = ['650000', '230000', '530000', '150000', '510000'];

describe.each(BACKENDS)('generateInto at the demo scale on %s', (backend) => {
  let opened: TestStore;
  let store: Store;
  let first: GenerateIntoResult;
  /** The plan 锦江区 has before the generator runs, standing in for its imported seed plan. */
  let own: Plan;

  async function query(sql: string): Promise<Row[]> {
    return store.connection.rows(sql);
  }

  /** Row counts of every table the generator writes, to see that a second run adds nothing. */
  async function counts(): Promise<Row | undefined> {
    const tables = [
      'plans',
      'plan_revisions',
      'plan_documents',
      'forms',
      'form_versions',
      'assignments',
      'submission_revisions',
    ];
    return (await query(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`))[0];
  }

  beforeAll(async () => {
    opened = await openTestStore(backend);
    store = opened.store;
    const regions = loadRegions();
    await replaceRegistry(store.connection, {
      regions,
      functions: loadDepartmentRegistry().functions,
      indicators: loadIndicatorCatalog().indicators,
    });
    // A plan of 锦江区's own, titled apart from anything the generator writes, and a department
    // reporting on a form of its own in 2024 and 2025: what the demo has before the generator runs.
    const jinjiang = regions.find((r) => r.code === '510104');
    if (!jinjiang) throw new Error('no 510104 in the registry');
    own = {
      ...synthesizePlan(profileOf(jinjiang, indexRegions(regions), 7), buildWorld(7).plans).plan,
      title: '锦江区自有方案',
    };
    await insertPlan(store.connection, own, 'a'.repeat(64), 'test');
    const definition = FormDefinition.parse({
      title: '教育局年报',
      periodKind: 'year',
      sections: [{ id: 's', title: '数量', fields: [{ id: 'n', type: 'integer', label: '数量' }] }],
    });
    const form = await insertForm(
      store.connection,
      { planId: null, department: '锦江区教育局（自有）', departmentFunction: 'education', definition },
      'test',
    );
    await publishForm(store.connection, form.id, 'test');
    await insertAssignments(
      store.connection,
      ['2024', '2025'].map((period) => ({
        formId: form.id,
        version: 1,
        regionCode: '510104',
        department: '锦江区教育局（自有）',
        period,
        dueDate: null,
      })),
    );
    first = await generateInto({ connection: store.connection, scale: 'demo' });
  }, 120_000);

  afterAll(() => opened.dispose());

  it(
    'gives every region under the seed regions’ provinces, the provinces and the seed regions ' +
      'approved reports in each year 2021–2025',
    async () => {
      const expected = loadRegions().filter(
        (r) => PROVINCES.includes(r.code) || PROVINCES.includes(r.parent ?? '') || SEED_REGIONS.includes(r.code),
      );
      const years =
        await query(`SELECT a.region_code, array_agg(DISTINCT left(a.period, 4) ORDER BY left(a.period, 4)) AS years
      FROM assignments a JOIN submissions s ON s.assignment_id = a.id WHERE s.status = 'approved'
      GROUP BY a.region_code`);
      const byRegion = new Map(years.map((r) => [String(r['region_code']), r['years']]));
      expect([...byRegion.keys()].sort()).toEqual(expected.map((r) => r.code).sort());
      for (const region of expected)
        expect(byRegion.get(region.code), region.code).toEqual(['2021', '2022', '2023', '2024', '2025']);
      expect(first.regions).toBe(expected.length);
      expect(byRegion.has('510100')).toBe(true);
      expect(byRegion.has('510105')).toBe(false);
    },
  );

  it('writes a synthetic plan marked 演示 for every region without one, and keeps a region’s own plan', async () => {
    const plans = await query('SELECT region_code, title FROM plans ORDER BY region_code');
    expect(plans.filter((p) => p['region_code'] === '510104')).toEqual([
      { region_code: '510104', title: '锦江区自有方案' },
    ]);
    const synthetic = plans.filter((p) => p['region_code'] !== '510104');
    expect(synthetic).toHaveLength(first.plans);
    expect(first.plans).toBe(first.regions - 1);
    for (const plan of synthetic) expect(String(plan['title'])).toMatch(/（演示）$/);
    expect(synthetic.find((p) => p['region_code'] === '510000')?.['title']).toMatch(/^四川省全民科学素质.*（演示）$/);
  });

  it('marks its forms and every actor as demo', async () => {
    const forms = await query("SELECT definition FROM form_versions WHERE published_by = 'demo-synth-admin'");
    expect(forms).toHaveLength(30);
    expect(first.forms).toBe(30);
    for (const f of forms) expect(FormDefinition.parse(JSON.parse(String(f['definition']))).title).toMatch(/（演示）$/);
    const actors = await query("SELECT DISTINCT actor FROM submission_revisions WHERE actor NOT LIKE 'demo-%'");
    expect(actors).toEqual([]);
    const notes = await query(
      'SELECT submission_values FROM submission_revisions WHERE submission_values LIKE \'%"note"%\' LIMIT 50',
    );
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(String(n['submission_values'])).toContain('（演示数据）');
  });

  it(
    'fills in a department already reporting only for the years it has no assignments, ' + 'under its own name',
    async () => {
      const education =
        await query(`SELECT a.department, array_agg(DISTINCT left(a.period, 4) ORDER BY left(a.period, 4)) AS years
      FROM assignments a JOIN forms f ON f.id = a.form_id
      WHERE a.region_code = '510104' AND f.department_function = 'education' AND f.updated_by = 'demo-synth-admin'
      GROUP BY a.department`);
      expect(education).toEqual([{ department: '锦江区教育局（自有）', years: ['2021', '2022', '2023'] }]);
      const other = await query(
        "SELECT DISTINCT department FROM assignments WHERE region_code = '510104' AND department LIKE '%科学技术局'",
      );
      expect(other).toEqual([{ department: '锦江区科学技术局' }]);
    },
  );

  it('sizes a region’s literacy rate by its own plan’s target', async () => {
    expect(own.literacyTarget).not.toBeNull();
    const target = own.literacyTarget?.value ?? NaN;
    const field = buildWorld(1)
      .forms.flatMap((f) => f.groups)
      .find((g) => g.indicator.code === 'science_literacy_rate')?.total.id;
    // The latest year's values, read here: the engines share no JSON function.
    const [latest] =
      await query(`SELECT s.submission_values FROM assignments a JOIN submissions s ON s.assignment_id = a.id
      JOIN forms f ON f.id = a.form_id
      WHERE a.region_code = '510104' AND s.status = 'approved' AND a.period LIKE '%Q4'
        AND f.department_function = 'science_association'
      ORDER BY a.period DESC LIMIT 1`);
    const rate = Number((JSON.parse(String(latest?.['submission_values'])) as Record<string, unknown>)[field ?? '']);
    expect(rate).toBeGreaterThan(target * 0.9);
    expect(rate).toBeLessThan(target * 1.1);
  });

  it('writes nothing the second time', async () => {
    const before = await counts();
    const again = await generateInto({ connection: store.connection, scale: 'demo' });
    expect(again).toMatchObject({
      regions: 0,
      plans: 0,
      forms: 0,
      assignments: 0,
      submissions: 0,
      present: first.regions,
    });
    expect(await counts()).toEqual(before);
  });
});
