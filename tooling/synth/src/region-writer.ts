import { createHash } from 'node:crypto';
import type { Plan } from '@kesu/schema';
import { anchorsOf, type Anchor } from './anchors.js';
import type { RegionTables } from './appenders.js';
import { DAY_MS, officeHours, QUARTERS } from './calendar.js';
import { departmentName } from './departments.js';
import type { SynthForm } from './forms.js';
import { synthesizePlan } from './plans.js';
import { hash32, Random } from './random.js';
import type { RegionProfile } from './region-profile.js';
import { seriesOf, type Series } from './series.js';
import type { ValuesJson } from './values-json.js';
import { drawOutcome, revisionEvents, type RevisionEvent } from './workflow.js';
import type { World } from './world.js';

/** What one region added. */
export interface RegionCounts {
  assignments: number;
  /** Assignments with at least one revision. */
  submissions: number;
  revisions: number;
  /** Numbers in approved submissions: one per numeric field reported. */
  values: number;
}

/** Year-end summaries; marked (合成数据, 演示数据) so nobody takes them for a real report. */
const NOTES = [
  '全年按计划推进各项任务，科普活动覆盖面进一步扩大。',
  '围绕重点人群开展科普工作，完成年度目标任务。',
  '本年度工作总体平稳，部分指标受经费影响进度偏慢，明年将加快推进。',
];

/** The notes as JSON text, as the values writer takes them. */
function notesOf(world: World): string[] {
  return NOTES.map((n) => JSON.stringify(`${n}（${world.marking.note}）`));
}

/** A department that already reports in the region, on forms of its own. */
export interface ReportingDepartment {
  /** Its name on those assignments, which the synthetic ones take too: one unit, not two. */
  department: string;
  /** The years it has assignments in: no synthetic ones there, so nothing is counted twice. */
  years: ReadonlySet<number>;
}

/**
 * A plan the region already has in the store (an imported seed plan): its targets size the
 * values, no plan is written, and the departments that already report there keep their years.
 */
export interface ExistingPlan {
  plan: Plan;
  /** By department function. */
  reporting: ReadonlyMap<string, ReportingDepartment>;
}

/** The plan as imported (revision 1) and as reviewed (revision 2), with its document. */
function writePlan(world: World, profile: RegionProfile, tables: RegionTables): Plan {
  const actor = world.marking.actor;
  const { plan, text } = synthesizePlan(profile, world.plans);
  const random = new Random(hash32(world.seed, 'plan-dates', profile.region.code));
  const issued = Date.parse(plan.issuedOn ?? `${plan.period.start}-06-01`);
  const imported = officeHours(issued + random.int(3, 30) * DAY_MS, random.next());
  const reviewed = officeHours(imported + random.int(1, 20) * DAY_MS, random.next());
  const sha256 = createHash('sha256').update(text).digest('hex');
  const id = world.ids.plan(profile.region.code);
  const json = JSON.stringify(plan);
  tables.planDocuments.text(sha256).text(`${plan.title}.txt`).text(text).time(imported).end();
  tables.plans
    .text(id)
    .text(profile.region.code)
    .text(plan.title)
    .text(sha256)
    .int(2)
    .flag(true)
    .text(json)
    .text(`${actor}synth-reviewer`)
    .time(reviewed)
    .end();
  tables.planRevisions.text(id).int(1).flag(false).text(json).text(`${actor}synth-import`).time(imported).end();
  tables.planRevisions.text(id).int(2).flag(true).text(json).text(`${actor}synth-reviewer`).time(reviewed).end();
  return plan;
}

/** Twenty quarterly assignments of one form in one region, and what each one's submission went through. */
function writeForm(
  world: World,
  profile: RegionProfile,
  form: SynthForm,
  anchors: ReadonlyMap<string, Anchor>,
  tables: RegionTables,
  counts: RegionCounts,
  notes: readonly string[],
  existing: ReportingDepartment | undefined,
): void {
  const { region } = profile;
  const formId = world.ids.form(form.index);
  const department = existing?.department ?? departmentName(region, form.reporting);
  const values = world.values[form.index] as ValuesJson;
  const draws = new Random(hash32(world.seed, 'values', region.code, form.fn.code));
  const series: Series[] = seriesOf(form, profile, anchors, world.reporters, draws);
  const story = new Random(hash32(world.seed, 'workflow', region.code, form.fn.code));
  const reporter = `${world.marking.actor}rep.${region.code}.${form.index + 1}`;
  const reviewer = `${world.marking.actor}rev.${region.code}`;
  const returned = `「${values.typoLabel}」数值明显偏大，请核实后重新提交`;
  for (const quarter of QUARTERS) {
    // Drawn for every quarter, written or not, so the quarters written keep their story.
    const events = revisionEvents(drawOutcome(story, profile.weak), quarter, story);
    if (existing?.years.has(quarter.year)) continue;
    const id = world.ids.assignment(region.code, form.index, quarter.index);
    tables.assignments
      .text(id)
      .text(formId)
      .int(1)
      .text(region.code)
      .text(department)
      .text(quarter.code)
      .day(quarter.dueDay)
      .flag(true)
      .time(officeHours(quarter.startMs, 0))
      .end();
    counts.assignments++;
    if (events.length === 0) continue;
    const note = quarter.quarter === 4 ? draws.pick(notes) : undefined;
    const final = values.write(series, quarter.index, note === undefined ? {} : { note });
    for (let k = 0; k < events.length; k++) {
      const event = events[k] as RevisionEvent;
      // Drafts and typos are rare: their values are written only when a revision carries them.
      const json =
        event.values === 'final'
          ? final.json
          : values.write(
              series,
              quarter.index,
              event.values === 'partial' ? { fields: values.draftFields } : { typo: true },
            ).json;
      const comment = event.status === 'returned' ? returned : null;
      // Past reports went all the way up: an approval is recorded as accepted at the top level.
      const level = event.status === 'approved' ? 'province' : null;
      tables.revisions
        .text(id)
        .int(k + 1)
        .text(event.status)
        .int(1)
        .text(json)
        .text('[]')
        .maybe(comment)
        .text(event.reviewer ? reviewer : reporter)
        .time(event.at)
        .maybe(level)
        .end();
    }
    counts.submissions++;
    counts.revisions += events.length;
    if (events.at(-1)?.status === 'approved') counts.values += final.numbers;
  }
}

/**
 * A region's plan, assignments and submissions, appended to the open province transaction. With
 * an existing plan, that plan sizes the values and departments already reporting keep their years.
 */
export function writeRegion(
  world: World,
  profile: RegionProfile,
  tables: RegionTables,
  existing?: ExistingPlan,
): RegionCounts {
  const counts: RegionCounts = { assignments: 0, submissions: 0, revisions: 0, values: 0 };
  const plan = existing?.plan ?? writePlan(world, profile, tables);
  const anchors = anchorsOf(
    plan,
    profile,
    world.indicators,
    new Random(hash32(world.seed, 'anchors', profile.region.code)),
  );
  const notes = notesOf(world);
  for (const form of world.forms)
    writeForm(world, profile, form, anchors, tables, counts, notes, existing?.reporting.get(form.fn.code));
  return counts;
}
