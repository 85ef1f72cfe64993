import { describe, expect, it } from 'vitest';
import type { Plan } from '@kesu/schema';
import { importPlan } from '../src/index.js';
import { registry, seedCases, variantCases, variantFile } from './corpus.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function read(bytes: Uint8Array): Promise<Plan> {
  const result = await importPlan(bytes, registry);
  if (!result.success) throw new Error(result.rejection.messageEn);
  return result.plan;
}

/** Tasks of the action and project sections, which the lead check covers. */
const checkedTasks = (plan: Plan) => plan.sections.filter((s) => s.kind !== 'other').flatMap((s) => s.tasks);
const withoutLead = (plan: Plan) => plan.issues.filter((i) => i.code === 'task_without_lead');

/** The tasks a task_without_lead issue points at, by title. */
function flagged(plan: Plan): string[] {
  const spans = new Set(withoutLead(plan).map((i) => `${i.span?.start}-${i.span?.end}`));
  return checkedTasks(plan)
    .filter((t) => spans.has(`${t.span.start}-${t.span.end}`))
    .map((t) => t.title);
}

// A provincial plan excerpt in the State Council's notation: units listed with 按职责分工负责 and
// the rule 排在第一位的为牵头单位 stated once (written for this test after 国办发 documents).
const STATE_COUNCIL_STYLE = `安徽省全民科学素质行动规划纲要实施方案（2021—2025年）
为贯彻落实全民科学素质行动规划纲要，提升全省公民科学素质，推动科普工作，制定本实施方案。
一、主要目标
到2025年，全省公民具备科学素质的比例达到13%。
二、提升行动
（一）青少年科学素质提升行动。
1.将科学精神融入育人全过程。每年开展科学家进校园活动不少于300场。（省教育厅、省科协、团省委按职责分工负责，排在第一位的为牵头单位，下同）
2.提高中小学科学教育质量。（省教育厅、省科技厅按职责分工负责）
（二）农民科学素质提升行动。
1.实施高素质农民培育计划。每年培育高素质农民2万人以上。（省农业农村厅、省人社厅、省科协按职责分工负责）
2.开展乡村科普活动。（省科协牵头，省农业农村厅、省卫生健康委按职责分工负责）
`;

describe('the no-lead issue on a province plan', () => {
  it('fires on no task of the Gansu plan, whose every task shows its lead units', async () => {
    const plan = await read(variantFile('province-plan-chapters.txt'));
    expect(plan.region.level).toBe('province');
    expect(checkedTasks(plan).length).toBeGreaterThan(20);
    expect(checkedTasks(plan).every((t) => t.leadUnits.length > 0)).toBe(true);
    expect(withoutLead(plan)).toEqual([]);
  });

  it('fires for the one task of the Gansu plan that truly names no lead, and names what it lists', async () => {
    const text = variantFile('province-plan-chapters.txt').toString('utf8');
    // The last task of its section: no note line below it covers it either.
    const note = '【牵头单位：省教育厅；参与单位：省科协】';
    expect(text.split(note)).toHaveLength(2);
    const plan = await read(utf8(text.replace(note, '')));
    expect(flagged(plan)).toEqual(['加强科技教师队伍建设']);
    expect(withoutLead(plan)[0]?.message).toBe('任务「加强科技教师队伍建设」没有牵头单位');

    const responsibleOnly = await read(utf8(text.replace(note, '【参与单位：省财政厅、省科协、团省委】')));
    expect(flagged(responsibleOnly)).toEqual(['加强科技教师队伍建设']);
    expect(withoutLead(responsibleOnly)[0]?.message).toBe(
      '任务「加强科技教师队伍建设」没有牵头单位（只列了责任单位：省财政厅、省科协、团省委）',
    );
    expect(withoutLead(responsibleOnly)[0]?.messageEn).toBe(
      'task "加强科技教师队伍建设" has no lead unit (only responsible units are listed: 省财政厅、省科协、团省委)',
    );
  });

  it('reads 排在第一位的为牵头单位: the first unit of a list leads it, in that note and in the notes after it', async () => {
    const plan = await read(utf8(STATE_COUNCIL_STYLE));
    expect(plan.region.level).toBe('province');
    const units = checkedTasks(plan).map((t) => [t.title, t.leadUnits, t.responsibleUnits]);
    expect(units).toEqual([
      ['将科学精神融入育人全过程', ['省教育厅'], ['省科协', '团省委']],
      ['提高中小学科学教育质量', ['省教育厅'], ['省科技厅']],
      ['实施高素质农民培育计划', ['省农业农村厅'], ['省人社厅', '省科协']],
      ['开展乡村科普活动', ['省科协'], ['省农业农村厅', '省卫生健康委']],
    ]);
    expect(withoutLead(plan)).toEqual([]);
    // The convention is no unit: nothing named 排在第一位… reaches the registry.
    expect(plan.departments.map((d) => d.raw)).toEqual([
      '省教育厅',
      '省科协',
      '团省委',
      '省科技厅',
      '省农业农村厅',
      '省人社厅',
      '省卫生健康委',
    ]);
    expect(plan.departments.find((d) => d.raw === '省教育厅')?.function).toBe('education');
  });

  it('without the convention, a list of units sharing a task gives it no lead, and the issue says so', async () => {
    const plan = await read(utf8(STATE_COUNCIL_STYLE.replace('，排在第一位的为牵头单位，下同', '')));
    expect(flagged(plan)).toEqual(['将科学精神融入育人全过程', '提高中小学科学教育质量', '实施高素质农民培育计划']);
    expect(checkedTasks(plan)[0]?.responsibleUnits).toEqual(['省教育厅', '省科协', '团省委']);
  });
});

describe('across every plan the importer is measured on', () => {
  const cases = [...seedCases(), ...variantCases('variants'), ...variantCases('holdout'), ...variantCases('holdout-2')];

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: the issue fires exactly for the tasks showing no lead unit',
    async (_name, c) => {
      const plan = await read(c.bytes);
      const leadless = checkedTasks(plan)
        .filter((t) => t.leadUnits.length === 0)
        .map((t) => t.title);
      expect(flagged(plan)).toEqual(leadless);
      expect(withoutLead(plan)).toHaveLength(leadless.length);
    },
  );
});
