import * as z from 'zod';
import { Localized } from '../localized.js';
import { ProgressStatus } from '../progress-status.js';
import { RegionCode } from '../region.js';
import { ResultTitle } from '../result-file-name.js';
import { TARGET_SCOPES } from '../target.js';

const QueryYear = z.coerce.number().int().min(1949).max(2100);

/** A column of a documented warehouse table. */
export const WarehouseColumn = z.object({
  name: z.string(),
  type: z.string(),
  doc: Localized,
  labels: z
    .record(z.string(), Localized)
    .optional()
    .meta({ description: 'the words of the codes the column holds (a status)' }),
});
export type WarehouseColumn = z.infer<typeof WarehouseColumn>;

export const WarehouseTable = z.object({
  name: z.string(),
  doc: Localized,
  regionColumn: z.string().nullable(),
  partitioned: z.boolean(),
  columns: z.array(WarehouseColumn),
});
export type WarehouseTable = z.infer<typeof WarehouseTable>;

export const WarehouseBuildBody = z.strictObject({ full: z.boolean().default(false) });
export type WarehouseBuildBody = z.infer<typeof WarehouseBuildBody>;

/** What a build of the warehouse and the lake did. */
export const WarehouseBuild = z.object({
  kind: z.string(),
  ms: z.number(),
  assignments: z.number(),
  valueRows: z.number(),
  lakeRows: z.number(),
  lakeMs: z.number(),
});
export type WarehouseBuild = z.infer<typeof WarehouseBuild>;

export const SqlBody = z.strictObject({ sql: z.string().min(1).max(20_000).meta({ label: 'SQL', labelEn: 'SQL' }) });
export type SqlBody = z.infer<typeof SqlBody>;

export const SQL_EXPORT_FORMATS = ['xlsx', 'parquet'] as const;
export const SqlExportBody = z.strictObject({
  sql: SqlBody.shape.sql,
  format: z.enum(SQL_EXPORT_FORMATS).meta({ label: '导出格式', labelEn: 'Format' }),
  title: ResultTitle.optional(),
});
export type SqlExportBody = z.infer<typeof SqlExportBody>;

export const SqlResult = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(z.unknown())),
  /** More rows matched than the 100,000 sent. */
  truncated: z.boolean(),
  ms: z.number(),
  scope: z.object({ code: z.string(), name: z.string() }).nullable().meta({
    description:
      'the region whose tree the rows were filtered to, when the caller’s scope filtered a table the query read',
  }),
});
export type SqlResult = z.infer<typeof SqlResult>;

/** Why a query may not run, at a character offset of the text sent when the parser knows it. */
export const SqlProblem = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  position: z.int().nullable(),
  original: z.string().optional().meta({ description: 'DuckDB’s own words' }),
});
export type SqlProblem = z.infer<typeof SqlProblem>;

export const SqlCheck = z.object({ problems: z.array(SqlProblem) });
export type SqlCheck = z.infer<typeof SqlCheck>;

/** A report builder of the report list, named. */
export const ReportSummary = z.object({ id: z.string(), title: Localized });
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportQuery = z.object({
  parent: RegionCode,
  year: QueryYear,
  // With a width the chart comes drawn beside its rows, so a page can show it before its chart library loads.
  width: z.coerce
    .number()
    .int()
    .min(240)
    .max(4000)
    .optional()
    .meta({ label: '图表宽度', labelEn: 'Chart width', description: 'px; the chart is returned as SVG at this width' }),
  lang: z.enum(['zh', 'en']).default('zh').meta({ label: '图表语言', labelEn: 'Chart language' }),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** A report's rows as its own query returned them, and its chart when a width was given. */
export const ReportData = z.object({ rows: z.array(z.record(z.string(), z.unknown())), svg: z.string().optional() });
export type ReportData = z.infer<typeof ReportData>;

/** The formats of the printable report: Word for the final evaluation only. */
export const FINAL_FORMATS = ['docx', 'html', 'pdf'] as const;
export type FinalFormat = (typeof FINAL_FORMATS)[number];

export const PrintQuery = z.object({
  region: RegionCode,
  kind: z.enum(['progress', 'final']).default('progress').meta({
    label: '报告类型',
    labelEn: 'Report kind',
    description:
      'progress: the year’s progress report; final: the final evaluation (终期评估) of a plan whose term has ended',
  }),
  year: QueryYear.optional().meta({
    label: '年度',
    labelEn: 'Year',
    description: 'required for progress; for final it picks the plan whose term holds it (default: the latest plan)',
  }),
  format: z
    .enum(FINAL_FORMATS)
    .default('html')
    .meta({ label: '格式', labelEn: 'Format', description: 'html or pdf; docx (Word) for the final evaluation only' }),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type PrintQuery = z.infer<typeof PrintQuery>;

export const ProgressQuery = z.object({
  region: RegionCode,
  year: QueryYear.optional().meta({
    label: '年度',
    labelEn: 'Year',
    description: 'the verdicts of this year (a plan ended before it: its last year’s); default the latest',
  }),
});
export type ProgressQuery = z.infer<typeof ProgressQuery>;

export const ContributionsQuery = z.object({
  target: z.string().min(3).max(200).meta({ label: '目标编号', labelEn: 'Target id' }),
  year: QueryYear.meta({ label: '年度', labelEn: 'Year' }),
});
export type ContributionsQuery = z.infer<typeof ContributionsQuery>;

/** One target of the region's own plans with its verdict for the year, as the warehouse query gives it. */
export const TargetProgressRow = z.object({
  target_id: z.string(),
  plan_id: z.string(),
  task: z.string().nullable(),
  metric: z.string(),
  text: z.string().nullable(),
  indicator_code: z.string().nullable(),
  scope: z.enum(TARGET_SCOPES),
  comparator: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  deadline: z.int().nullable(),
  /** The lead units as printed, joined by 、 ('' when the plan names none). */
  lead_units: z.string(),
  /** The year the verdict is for: the year asked, or the plan's last year when it ended before. */
  year: z.int().nullable(),
  as_of: z.string().nullable(),
  status: ProgressStatus,
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  rule_zh: z.string().nullable(),
  rule_en: z.string().nullable(),
  /** A value the verdict reads is far from its unit's own history (the rule names it). */
  flagged: z.boolean(),
});
export type TargetProgressRow = z.infer<typeof TargetProgressRow>;

/** How many targets there are, and how many stand at each progress status. */
export const ProgressStatusCounts = z.object({
  total: z.int(),
  achieved: z.int(),
  on_track: z.int(),
  at_risk: z.int(),
  behind: z.int(),
  no_data: z.int(),
});
export type ProgressStatusCounts = z.infer<typeof ProgressStatusCounts>;

/** How the targets of the plans at one level of a region's tree stand (the region's own plans: `own`). */
export const TargetRollupRow = ProgressStatusCounts.extend({
  /** 'own' for the region's own plans, else the level of the regions below whose plans are counted. */
  level: z.enum(['own', 'province', 'prefecture', 'county', 'township']),
  /** How many regions at that level have a plan with targets. */
  regions: z.int(),
});
export type TargetRollupRow = z.infer<typeof TargetRollupRow>;
