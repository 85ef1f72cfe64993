import type * as z from 'zod';

// Labels live on the schema itself so that forms, docs and error messages read one source.
declare module 'zod' {
  interface GlobalMeta {
    /** zh-CN label shown in forms and error messages. */
    label?: string;
    /** English label. */
    labelEn?: string;
    /** Unit printed after a value, e.g. 人次. */
    unit?: string;
  }
}

/** The zh-CN and English labels recorded on a schema with `.meta()`, if any. */
export function labelsOf(schema: z.ZodType): { zh?: string; en?: string } {
  const meta = schema.meta();
  const labels: { zh?: string; en?: string } = {};
  if (meta?.label !== undefined) labels.zh = meta.label;
  if (meta?.labelEn !== undefined) labels.en = meta.labelEn;
  return labels;
}
