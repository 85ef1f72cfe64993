import * as z from 'zod';
import { RegionCode } from './region.js';

/** Canonical function codes are stable snake_case identifiers, e.g. `science_association`. */
export const FunctionCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,48}$/)
  .meta({ label: '部门职能', labelEn: 'Function' });
export type FunctionCode = z.infer<typeof FunctionCode>;

/** A canonical department function with the name stems printed for it across regions. */
export const DepartmentFunction = z.object({
  code: FunctionCode,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  aliases: z.array(z.string().min(1)).min(1),
  /** Regular expressions for names no suffix catches, e.g. 共青团…委员会. */
  patterns: z.array(z.string().min(1)).optional(),
});
export type DepartmentFunction = z.infer<typeof DepartmentFunction>;

/** The value used for collective placeholders such as 各成员单位 or 各街道. */
export const COLLECTIVE = 'collective';

/** A reporting unit: a department as printed in a plan, resolved to a region and a function. */
export const Department = z.object({
  raw: z.string().min(1).max(120).meta({ label: '原文名称', labelEn: 'Name as printed' }),
  name: z.string().min(1).max(120).meta({ label: '规范名称', labelEn: 'Normalised name' }),
  function: z.union([FunctionCode, z.literal(COLLECTIVE)]).nullable(),
  region: RegionCode.nullable(),
});
export type Department = z.infer<typeof Department>;

/** The department registry kept in `seeds/departments.json`. */
export const DepartmentRegistry = z.object({
  functions: z.array(DepartmentFunction).min(1),
  collective: z.array(z.string().min(1)),
  examples: z.array(z.object({ raw: z.string().min(1), function: z.string().min(1) })),
});
export type DepartmentRegistry = z.infer<typeof DepartmentRegistry>;
