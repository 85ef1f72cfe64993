import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import type { FormDefinition, Plan, Target, TargetScope } from '@kesu/schema';
import {
  insertAssignments,
  insertForm,
  insertPlan,
  openStore,
  publishForm,
  replaceRegistry,
  submissionBatch,
  type Store,
} from '@kesu/store';
import { attachWarehouse } from '../src/index.js';

export const PROVINCE = '510000';
export const CITY = '510100';
export const JINJIANG = '510104';
export const QINGYANG = '510105';

interface TargetSpec {
  metric: string;
  value: number;
  unit: string;
  indicator: string;
  deadline: number | null;
  scope: TargetScope;
  perUnit?: string;
}

function target(spec: TargetSpec): Target {
  const base = {
    text: spec.metric,
    metric: spec.metric,
    value: spec.value,
    valueMax: null,
    unit: spec.unit,
    comparator: '>=' as const,
    deadline: spec.deadline,
    section: 0,
    task: '1',
    leadUnits: ['市科协'],
    indicator: spec.indicator,
    span: { start: 0, end: 1 },
  };
  if (spec.scope === 'per_unit') return { ...base, scope: 'per_unit', perUnit: spec.perUnit ?? '区' };
  return { ...base, scope: spec.scope, perUnit: null } as Target;
}

/** The city's plan, 2021–2025: one target of every scope, each on an indicator the form reports. */
export const CITY_TARGETS: TargetSpec[] = [
  {
    metric: '每年培训人次',
    value: 1000,
    unit: '人次',
    indicator: 'training_person_times',
    deadline: null,
    scope: 'annual',
  },
  {
    metric: '累计举办科普活动',
    value: 400,
    unit: '场',
    indicator: 'science_activities_held',
    deadline: 2025,
    scope: 'cumulative',
  },
  { metric: '科普基地', value: 30, unit: '个', indicator: 'science_bases', deadline: 2025, scope: 'point_in_time' },
  {
    metric: '每区至少建成科普场馆',
    value: 2,
    unit: '个',
    indicator: 'science_venues',
    deadline: 2025,
    scope: 'per_unit',
  },
  {
    metric: '建成科普信息化平台',
    value: 1,
    unit: '个',
    indicator: 'science_websites',
    deadline: 2025,
    scope: 'milestone',
  },
  {
    metric: '公民具备科学素质的比例',
    value: 15,
    unit: '%',
    indicator: 'science_literacy_rate',
    deadline: 2025,
    scope: 'point_in_time',
  },
];

export function cityPlan(): Plan {
  return {
    region: { name: '成都市', short: '成都', level: 'prefecture', province: '四川省', parent: '四川省', code: CITY },
    title: '成都市全民科学素质行动规划纲要实施方案（2021—2025年）',
    docNumber: null,
    issuedOn: null,
    period: { start: 2021, end: 2025 },
    draft: false,
    literacyTarget: { value: 15, stretch: null, deadline: 2025 },
    sections: [],
    targets: CITY_TARGETS.map(target),
    departments: [],
    issues: [],
  };
}

const FIELDS: Array<[string, string, Record<string, string>]> = [
  ['trainings', 'training_person_times', {}],
  ['trainings_youth', 'training_person_times', { targetGroup: 'youth' }],
  // A second field on the same indicator, as a form with two targets on it has.
  ['trainings_again', 'training_person_times', {}],
  ['activities', 'science_activities_held', {}],
  ['bases', 'science_bases', {}],
  ['venues', 'science_venues', {}],
  ['website', 'science_websites', {}],
  ['literacy', 'science_literacy_rate', {}],
];

export const FORM: FormDefinition = {
  title: '科普工作季报',
  periodKind: 'quarter',
  sections: [
    {
      id: 's1',
      title: '指标',
      fields: [
        ...FIELDS.map(([id, indicator, disaggregation]) => ({
          id,
          type: 'decimal' as const,
          label: id,
          scale: 2,
          required: false,
          binding: { indicator, disaggregation },
        })),
        // The city's first target (每年培训人次) reported by a field of its own.
        { id: 'own_trainings', type: 'integer' as const, label: '本单位培训人次', required: false, target: 1 },
        {
          id: 'website_done',
          type: 'yes_no' as const,
          label: '平台是否建成',
          required: false,
          binding: { indicator: 'science_websites', disaggregation: {} },
        },
        { id: 'note', type: 'long_text' as const, label: '说明', required: false, maxLength: 5000 },
      ],
    },
  ],
} as unknown as FormDefinition;

export interface Fixture {
  store: Store;
  dir: string;
  /** A connection of the store's with the warehouse attached beside it. */
  wh: Awaited<ReturnType<Store['connect']>>;
  /** Writes values for a region and quarter, submitted and (unless told otherwise) approved. */
  report: (
    region: string,
    period: string,
    values: Record<string, number | string | boolean>,
    approve?: boolean,
  ) => Promise<string>;
  close: () => void;
}

/** A real store in a temporary folder (the registry, the city's plan, a published quarterly form) and its warehouse. */
export async function openFixture(): Promise<Fixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-analytics-'));
  const store = await openStore(path.join(dir, 'kesu.duckdb'));
  const c = store.connection;
  await replaceRegistry(c, {
    regions: loadRegions(),
    functions: loadDepartmentRegistry().functions,
    indicators: loadIndicatorCatalog().indicators,
  });
  const plan = await insertPlan(c, cityPlan(), 'fixture', 'test');
  const form = await insertForm(
    c,
    { planId: plan.id, department: '科协', departmentFunction: 'science_association', definition: FORM },
    'test',
  );
  await publishForm(c, form.id, 'test');
  const report = async (
    region: string,
    period: string,
    values: Record<string, number | string | boolean>,
    approve = true,
  ) => {
    const [assignment] = await insertAssignments(c, [
      { formId: form.id, version: 1, regionCode: region, department: '科协', period, dueDate: '2099-01-01' },
    ]);
    const id = (assignment as { id: string }).id;
    await store.writes.batch(submissionBatch, {
      assignmentId: id,
      action: 'submit',
      actor: 'reporter',
      formVersion: 1,
      values,
    });
    if (approve)
      await store.writes.batch(submissionBatch, {
        assignmentId: id,
        action: 'approve',
        actor: 'reviewer',
        formVersion: 1,
      });
    return id;
  };
  const wh = await store.connect();
  await attachWarehouse(wh, path.join(dir, 'warehouse.duckdb'));
  return {
    store,
    dir,
    wh,
    report,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
