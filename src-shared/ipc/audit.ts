import { z } from 'zod';
import { channel } from './channel';

// The audit view: who changed what and when, read from the change log.

export const AuditQuerySchema = z.object({
  /** The member's name as stamped on their changes. */
  member: z.string().trim().max(120).optional(),
  table: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  rowId: z.string().min(1).max(200).optional(),
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  changeId: z.string(),
  /** When the change was made, from its clock (epoch ms). */
  at: z.number().int(),
  member: z.string(),
  deviceId: z.string(),
  table: z.string(),
  rowId: z.string(),
  /** The names of the fields it changed (their values stay in the record's own history). */
  fields: z.array(z.string()),
  /** Made on this laptop, or pulled from another. */
  local: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const auditChannels = {
  'audit.list': channel({ summary: 'Changes by member, record and date, newest first (admins).', input: AuditQuerySchema, output: z.array(AuditEntrySchema) }),
  'audit.csv': channel({ summary: 'The same changes as a CSV file’s text (admins).', input: AuditQuerySchema, output: z.object({ csv: z.string() }) }),
};
