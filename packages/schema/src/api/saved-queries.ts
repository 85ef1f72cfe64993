import * as z from 'zod';
import { SqlBody } from './analytics.js';

/** A query statisticians keep: their own, or shared with every statistician and the office. */
export const SavedQuery = z.object({
  id: z.uuid(),
  title: z.string(),
  sql: z.string(),
  shared: z.boolean(),
  owner: z.string().meta({ description: 'the author’s user name' }),
  ownerName: z.string(),
  mine: z.boolean().meta({ description: 'the caller wrote it, and so may change or delete it' }),
  updatedAt: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuery>;

export const SavedQueryBody = z.strictObject({
  title: z.string().trim().min(1).max(120).meta({ label: '名称', labelEn: 'Title' }),
  sql: SqlBody.shape.sql,
  shared: z.boolean().default(false).meta({ label: '共享', labelEn: 'Shared' }),
});
export type SavedQueryBody = z.infer<typeof SavedQueryBody>;

export const SavedQueryIdParam = z.object({ id: z.uuid() });
export type SavedQueryIdParam = z.infer<typeof SavedQueryIdParam>;

export const SavedQueryDeleted = z.object({ deleted: z.literal(true) });
export type SavedQueryDeleted = z.infer<typeof SavedQueryDeleted>;
