import * as z from 'zod';
import { FormDefinition } from './definition.js';

/** A form as the office keeps it: its draft definition, its plan and department, its latest published version. */
export const FormRecord = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  department: z.string(),
  departmentFunction: z.string().nullable(),
  definition: FormDefinition,
  latestVersion: z.int().min(0),
  updatedAt: z.string(),
});
export type FormRecord = z.infer<typeof FormRecord>;
