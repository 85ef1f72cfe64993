import type { Plan, PlanRecord, SamePlan } from '@kesu/schema';
import { documentSha256, findSamePlans, importPlanRevision, insertPlan, savePlanDocument } from '@kesu/store';
import type { AppContext } from '../context.js';
import { Failure } from '../http/failure.js';

type WriteConnection = Parameters<Parameters<AppContext['store']['writes']['write']>[0]>[0];

const REASONS: Record<SamePlan['reason'], [string, string]> = {
  same_document: ['同一文件', 'the same document'],
  same_region_title: ['同一地区、同一标题', 'the same region and title'],
};

/** 409: the document is a plan already stored; it may be imported as that plan's next revision instead. */
export function alreadyImported(same: SamePlan[]): Failure {
  const [first] = same as [SamePlan];
  const [zh, en] = REASONS[first.reason];
  return new Failure(
    409,
    'plan_exists',
    `已导入过该方案（${zh}）：「${first.title}」，第 ${first.revision} 版（编号 ${first.id}）。请打开已有方案，或把文件作为它的新版本导入`,
    `this plan is already imported (${en}): "${first.title}", revision ${first.revision} (id ${first.id}); ` +
      `open it, or import the document as its new revision`,
    same.map((p) => ({
      path: 'file',
      code: p.reason,
      message: `与已有方案「${p.title}」（编号 ${p.id}）为${REASONS[p.reason][0]}`,
      messageEn: `${REASONS[p.reason][1]} as plan "${p.title}" (id ${p.id})`,
    })),
  );
}

export interface ImportedDocument {
  /** The file name it came in as. */
  name: string;
  /** The normalised text the plan's spans point into. */
  text: string;
  plan: Plan;
}

/**
 * Stores an imported document: as a new plan, or as the next revision of `revisionOf`. A document
 * some other stored plan already holds (same text, or same region and title) is refused with 409,
 * checked in the same transaction as the write so two imports at once cannot both pass.
 * @example await storeImport(conn, { name: 'a.txt', text, plan }, 'office', null)
 */
export async function storeImport(
  conn: WriteConnection,
  doc: ImportedDocument,
  actor: string,
  revisionOf: string | null,
): Promise<PlanRecord> {
  const same = (await findSamePlans(conn, documentSha256(doc.text), doc.plan.region.code, doc.plan.title)).filter(
    (p) => p.id !== revisionOf,
  );
  if (same.length > 0) throw alreadyImported(same);
  const stored = await savePlanDocument(conn, doc.name, doc.text);
  return revisionOf === null
    ? insertPlan(conn, doc.plan, stored.sha256, actor)
    : importPlanRevision(conn, revisionOf, doc.plan, stored.sha256, actor);
}
