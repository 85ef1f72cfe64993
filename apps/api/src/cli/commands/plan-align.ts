import { parseArgs } from 'node:util';
import { relationLabels } from '@kesu/analytics';
import { beijingYear, type PlanRecord } from '@kesu/schema';
import { getPlan, plansInRegions } from '@kesu/store';
import type { AppContext } from '../../context.js';
import { Failure } from '../../http/failure.js';
import type { PlanAlignment, PlanRef } from '@kesu/analytics';
import { alignPlan } from '../../plans/plan-alignment.js';
import type { Command, Output } from '../command.js';
import { openContext } from './open-context.js';

const term = (p: PlanRef) => `${p.period.start}—${p.period.end}`;

/** The alignment in words, one block per pair, for a terminal. */
export function alignmentText(a: PlanAlignment): string {
  const lines = [
    `方案：${a.plan.title}（${a.plan.regionName}，${term(a.plan)}）`,
    `上级方案：${a.parent.title}（${a.parent.regionName}，${term(a.parent)}` +
      `${a.chosenBy === 'nearest' ? '，最近的有同期方案的上级地区' : '，指定'}）`,
    a.summary.zh,
    '',
  ];
  for (const p of a.pairs) {
    lines.push(`[${relationLabels[p.relation].zh}]`);
    if (p.target) lines.push(`  本级 #${p.target.index + 1}：${p.target.text}`);
    if (p.parentTarget) lines.push(`  上级 #${p.parentTarget.index + 1}：${p.parentTarget.text}`);
    lines.push(`  ${p.note.zh}`);
    if (p.rollUp && p.rollUp.verdict !== 'not_summed') lines.push(`  下级合计：${p.rollUp.note.zh}`);
  }
  if (a.unmatched.length > 0) {
    lines.push('', '未能对照：');
    for (const u of a.unmatched)
      lines.push(
        `  ${u.side === 'plan' ? '本级' : '上级'} #${u.target.index + 1}：${u.target.text}`,
        `    ${u.note.zh}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The plan of a region to align: its only one, else the one whose term holds this year. */
async function planOfRegion(ctx: AppContext, code: string): Promise<PlanRecord> {
  const region = ctx.regions.get(code);
  if (!region) throw new Failure(400, 'unknown_region', `行政区划代码不存在：${code}`, `no region with code ${code}`);
  const plans = await ctx.store.reads.read((conn) => plansInRegions(conn, [code]));
  if (plans.length === 1) return plans[0] as PlanRecord;
  if (plans.length === 0)
    throw new Failure(404, 'no_plan', `${region.name}尚无已导入的实施方案`, `${region.name} has no imported plan`);
  const year = beijingYear();
  const current = plans.filter((p) => p.plan.period.start <= year && year <= p.plan.period.end);
  if (current.length === 1) return current[0] as PlanRecord;
  const list = plans.map((p) => `${p.title}（${p.plan.period.start}—${p.plan.period.end}）：--plan ${p.id}`).join('\n');
  throw new Failure(
    409,
    'ambiguous_plan',
    `${region.name}有 ${plans.length} 个实施方案，请用 --plan 指定其一：\n${list}`,
    `${region.name} has ${plans.length} plans; name one with --plan`,
  );
}

async function planById(ctx: AppContext, id: string): Promise<PlanRecord> {
  const plan = await ctx.store.reads.read((conn) => getPlan(conn, id));
  if (!plan) throw new Failure(404, 'not_found', `方案 ${id} 不存在`, `plan ${id} not found`);
  return plan;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const planAlign: Command = {
  usage: 'kesu plan align (--region CODE | --plan ID) [--parent ID] [--json]',
  summaryZh: '将方案与上级方案对照：按指标配对目标，说明一致、高于、低于、分担总量或口径不同，并合计下级承诺',
  summaryEn:
    'set a plan against its parent plan: targets paired by indicator, ' +
    'each the same, stricter, looser, a share or of another scope, the children summed',
  async run(args: string[], io: Output): Promise<number> {
    const usage = `用法 / usage: ${planAlign.usage}\n`;
    let values;
    try {
      ({ values } = parseArgs({
        args,
        strict: true,
        options: {
          region: { type: 'string' },
          plan: { type: 'string' },
          parent: { type: 'string' },
          json: { type: 'boolean' },
        },
      }));
    } catch (error) {
      io.err(`kesu plan align: ${(error as Error).message}\n${usage}`);
      return 2;
    }
    if ((values.region === undefined) === (values.plan === undefined)) {
      io.err(`kesu plan align: 需要 --region 或 --plan 之一 / give either --region or --plan\n${usage}`);
      return 2;
    }
    for (const [flag, id] of [
      ['--plan', values.plan],
      ['--parent', values.parent],
    ] as const) {
      if (id !== undefined && !UUID.test(id)) {
        io.err(`kesu plan align: ${flag} 须为方案编号（UUID）/ ${flag} must be a plan id (a UUID): ${id}\n`);
        return 2;
      }
    }
    const ctx = await openContext();
    try {
      const record =
        values.plan !== undefined ? await planById(ctx, values.plan) : await planOfRegion(ctx, values.region as string);
      const alignment = await alignPlan(ctx, record, values.parent ?? null);
      io.out(values.json ? `${JSON.stringify(alignment, null, 2)}\n` : alignmentText(alignment));
      return 0;
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      const details = error.details.map((d) => `\n  ${d.message}`).join('');
      io.err(`kesu plan align: ${error.zh}${details}\nkesu plan align: ${error.en}\n`);
      return 1;
    } finally {
      await ctx.close();
    }
  },
};
