import * as z from 'zod';
import { Department } from './department.js';
import { RegionCode, RegionLevel } from './region.js';
import { PlanPeriod } from './period-schema.js';
import { Span, Target } from './target.js';

export const SECTION_KINDS = ['action', 'project', 'other'] as const;
export const SectionKind = z.enum(SECTION_KINDS).meta({ label: '章节类型', labelEn: 'Section kind' });
export type SectionKind = z.infer<typeof SectionKind>;

export const TARGET_GROUPS = ['youth', 'farmers', 'urban_residents', 'workers', 'elderly', 'cadres'] as const;
export const TargetGroup = z.enum(TARGET_GROUPS).meta({ label: '重点人群', labelEn: 'Target group' });
export type TargetGroup = z.infer<typeof TargetGroup>;

const UnitList = z.array(z.string().min(1).max(120));

export const Task = z.object({
  ordinal: z.string().min(1).max(12).meta({ label: '序号', labelEn: 'Ordinal' }),
  title: z.string().min(1).max(2000).meta({ label: '任务', labelEn: 'Task' }),
  leadUnits: UnitList.meta({ label: '牵头单位', labelEn: 'Lead units' }),
  responsibleUnits: UnitList.meta({ label: '责任单位', labelEn: 'Responsible units' }),
  span: Span,
});
export type Task = z.infer<typeof Task>;

export const Section = z.object({
  kind: SectionKind,
  ordinal: z.string().regex(/^\(.{1,4}\)$/, { error: 'ordinal in ASCII brackets, e.g. (一)' }),
  title: z.string().min(1).max(200).meta({ label: '标题', labelEn: 'Title' }),
  targetGroup: TargetGroup.nullable(),
  leadUnits: UnitList,
  responsibleUnits: UnitList,
  tasks: z.array(Task),
  span: Span,
});
export type Section = z.infer<typeof Section>;

export const PlanRegion = z.object({
  name: z.string().min(2).max(40),
  short: z.string().min(1).max(20),
  level: RegionLevel,
  province: z.string().min(2).max(20),
  parent: z.string().min(2).max(40).nullable(),
  code: RegionCode.nullable(),
});
export type PlanRegion = z.infer<typeof PlanRegion>;

export const LiteracyTarget = z.object({
  value: z.number().min(0).max(100).meta({ label: '科学素质比例目标', labelEn: 'Literacy target', unit: '%' }),
  stretch: z.number().min(0).max(100).nullable().meta({ label: '力争目标', labelEn: 'Stretch target', unit: '%' }),
  deadline: z.int().min(1949).max(2100),
});
export type LiteracyTarget = z.infer<typeof LiteracyTarget>;

/** Something the importer was unsure of, for a reviewer to look at. `code` is the discriminant. */
export const ImportIssue = z.object({
  code: z.string().regex(/^[a-z][a-z_]*$/),
  message: z.string().min(1),
  messageEn: z.string().min(1),
  span: Span.nullable(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** A structured plan, as PLAN-RULES.md describes it: every item keeps the span it came from. */
export const Plan = z.object({
  region: PlanRegion,
  title: z.string().min(1).max(300),
  docNumber: z.string().min(1).max(60).nullable(),
  issuedOn: z.iso.date().nullable(),
  period: PlanPeriod,
  draft: z.boolean(),
  literacyTarget: LiteracyTarget.nullable(),
  sections: z.array(Section),
  targets: z.array(Target),
  departments: z.array(Department),
  issues: z.array(ImportIssue),
});
export type Plan = z.infer<typeof Plan>;
