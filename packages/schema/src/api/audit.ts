import * as z from 'zod';
import { AuditEntity } from '../audit.js';

/** A search of the audit trail: who, what, which record, which Beijing days, in what order, which page. */
export const AuditQuery = z.object({
  actor: z.string().min(1).max(120).optional().meta({ description: 'user name of who made the change' }),
  action: z
    .string()
    .regex(/^[a-z][a-z_-]*\.[a-z][a-z_-]*$/, { error: 'an action such as submission.approve' })
    .max(80)
    .optional(),
  entity: AuditEntity.optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.date().optional().meta({ description: 'first Beijing day, YYYY-MM-DD' }),
  to: z.iso.date().optional().meta({ description: 'last Beijing day (inclusive), YYYY-MM-DD' }),
  order: z.enum(['desc', 'asc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(10000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
