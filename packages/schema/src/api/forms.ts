import * as z from 'zod';
import { FormDefinition } from '../form/definition.js';

/** The path of one published version of a form. */
export const FormVersionParam = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100000) });
export type FormVersionParam = z.infer<typeof FormVersionParam>;

/** A form made from a definition, for a department (and the function it serves, when known). */
export const NewForm = z.strictObject({
  department: z.string().min(1).max(120),
  departmentFunction: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,48}$/)
    .nullable()
    .default(null),
  definition: FormDefinition,
});
export type NewForm = z.infer<typeof NewForm>;

/** A form's draft, as edited. */
export const FormDraft = z.strictObject({ definition: FormDefinition });
export type FormDraft = z.infer<typeof FormDraft>;

/** The version a form's draft was published as. */
export const PublishedForm = z.object({ formId: z.string(), version: z.int() });
export type PublishedForm = z.infer<typeof PublishedForm>;
