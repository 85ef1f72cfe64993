import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeTarget, type Plan } from '@kesu/schema';
import { importPlan, MAX_BYTES, prepareRegistry } from '@kesu/plans';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import { getPlan, recordAudit } from '@kesu/store';
import { openContext } from './open-context.js';
import { Failure } from '../../http/failure.js';
import { storeImport } from '../../plans/store-import.js';
import { invocationDir } from '../../config.js';
import type { Command, Output } from '../command.js';

/** A readable zh-CN summary of an imported plan: header, sections, targets and issues. */
export function summarizePlan(plan: Plan): string {
  const lines: string[] = [];
  const r = plan.region;
  lines.push(`方案：${plan.title}${plan.draft ? '（征求意见稿）' : ''}`);
  lines.push(
    `地区：${r.name}（${r.code ?? '代码未知'}，${r.province}${r.parent ? ` ${r.parent}` : ''}）  ` +
      `文号：${plan.docNumber ?? '无'}  印发：${plan.issuedOn ?? '未注明'}  期间：${plan.period.start}—${plan.period.end}`,
  );
  const lit = plan.literacyTarget;
  lines.push(
    `科学素质比例目标：${lit ? `${lit.value}%${lit.stretch ? `，力争 ${lit.stretch}%` : ''}（${lit.deadline} 年）` : '未找到'}`,
  );
  lines.push('', `章节 ${plan.sections.length} 个，任务 ${plan.sections.reduce((n, s) => n + s.tasks.length, 0)} 项：`);
  for (const s of plan.sections) {
    const lead = [...new Set(s.tasks.flatMap((t) => t.leadUnits).concat(s.leadUnits))].join('、') || '—';
    const kind = s.kind === 'action' ? '提升行动' : s.kind === 'project' ? '重点工程' : '其他';
    lines.push(`  ${s.ordinal} ${s.title}  [${kind}] 任务 ${s.tasks.length} 项  牵头：${lead}`);
  }
  lines.push('', `量化目标 ${plan.targets.length} 个：`);
  plan.targets.forEach((t, i) => {
    const where =
      t.section === null ? '总体目标' : `${plan.sections[t.section]?.ordinal ?? ''}${t.task ? ` 任务${t.task}` : ''}`;
    lines.push(`  ${String(i + 1).padStart(2)}. ${t.text}`);
    lines.push(`      ${describeTarget(t).zh}  ${where}  指标：${t.indicator ?? '—'}`);
  });
  if (plan.issues.length > 0) {
    lines.push('', `需要复核 ${plan.issues.length} 处：`);
    for (const i of plan.issues) lines.push(`  - [${i.code}] ${i.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Stores an imported plan with its source text, awaiting review: a new plan, or the next revision
 * of `revisionOf`. A plan already stored is refused, as the API refuses it.
 */
async function storePlan(name: string, text: string, plan: Plan, revisionOf: string | null): Promise<string> {
  const ctx = await openContext();
  try {
    return await ctx.store.writes.write(async (conn) => {
      const previous = revisionOf === null ? null : await getPlan(conn, revisionOf);
      if (revisionOf !== null && !previous)
        throw new Failure(404, 'not_found', `方案 ${revisionOf} 不存在`, `plan ${revisionOf} not found`);
      const record = await storeImport(conn, { name, text, plan }, 'cli', revisionOf);
      const action = previous ? 'plan.import-revision' : 'plan.import';
      const before = previous && {
        title: previous.title,
        revision: previous.revision,
        reviewed: previous.reviewed,
        sha256: previous.documentSha256,
      };
      await recordAudit(conn, [
        {
          actor: 'cli',
          action,
          entity: 'plan',
          entityId: record.id,
          previous: before,
          next: { title: record.title, revision: record.revision, document: name, sha256: record.documentSha256 },
        },
      ]);
      return record.id;
    });
  } finally {
    await ctx.close();
  }
}

/** Writes a file whole or not at all: a temporary file renamed into place. */
function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

export const planImport: Command = {
  usage: 'kesu plan import FILE [--json] [--out FILE] [--dry-run] [--revision-of PLAN_ID]',
  summaryZh:
    '导入方案文件（.txt / .docx，UTF-8 或 GBK）并存入数据库；已导入过的方案被拒绝，--revision-of 存为该方案的新版本；--dry-run 只解析不保存',
  summaryEn:
    'import a plan document (.txt / .docx, UTF-8 or GBK) and store it; a plan already stored is refused, ' +
    '--revision-of stores it as that plan’s next revision; --dry-run only reads it',
  async run(args: string[], io: Output): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          json: { type: 'boolean' },
          out: { type: 'string' },
          'dry-run': { type: 'boolean' },
          'revision-of': { type: 'string' },
        },
      });
    } catch (error) {
      io.err(`kesu plan import: ${(error as Error).message}\n用法 / usage: ${planImport.usage}\n`);
      return 2;
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) {
      io.err(
        `kesu plan import: 需要且只需要一个文件 / exactly one FILE is needed\n用法 / usage: ${planImport.usage}\n`,
      );
      return 2;
    }
    const source = path.resolve(invocationDir(), file);
    let bytes: Buffer;
    try {
      const stat = statSync(source);
      if (!stat.isFile()) throw new Error('not a regular file');
      // Refuse large files before reading them, so memory stays bounded.
      if (stat.size > MAX_BYTES) {
        io.err(`kesu plan import: 文件过大 / file too large: ${file} (${stat.size} bytes > ${MAX_BYTES})\n`);
        return 1;
      }
      bytes = readFileSync(source);
    } catch (error) {
      io.err(`kesu plan import: 无法读取 / cannot read ${file}: ${(error as Error).message}\n`);
      return 1;
    }
    const registry = prepareRegistry({
      regions: loadRegions(),
      departments: loadDepartmentRegistry(),
      indicators: loadIndicatorCatalog(),
    });
    const result = await importPlan(bytes, registry);
    if (!result.success) {
      io.err(`kesu plan import: ${result.rejection.message} / ${result.rejection.messageEn}\n`);
      return 1;
    }
    const json = `${JSON.stringify(result.plan, null, 2)}\n`;
    if (parsed.values.out) writeAtomically(path.resolve(invocationDir(), parsed.values.out), json);
    let stored: string | null = null;
    try {
      if (!parsed.values['dry-run'])
        stored = await storePlan(path.basename(source), result.text, result.plan, parsed.values['revision-of'] ?? null);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      io.err(`kesu plan import: ${error.zh} / ${error.en}\n`);
      return 1;
    }
    io.out(
      parsed.values.json
        ? json
        : `${summarizePlan(result.plan)}${stored ? `\n已存入数据库 / stored as plan ${stored}\n` : ''}`,
    );
    return 0;
  },
};
