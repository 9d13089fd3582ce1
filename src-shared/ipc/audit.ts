import { z } from 'zod';
import { channel } from './channel';

// The audit view: who changed what and when, read from the change log.

const tableName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const AuditFiltersSchema = z.object({
  /** The member's name as stamped on their changes. */
  member: z.string().trim().max(120).optional(),
  table: tableName.optional(),
  rowId: z.string().min(1).max(200).optional(),
  /** Words of the record's name (a contact's name, a deal's title): its changes and those of what hangs off it. */
  record: z.string().trim().max(120).optional(),
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
});
export type AuditFilters = z.input<typeof AuditFiltersSchema>;

/** Where the next page starts: the clock and id of the last change of the page before (opaque to the renderer). */
const AuditCursorSchema = z.string().min(1).max(300);

export const AuditQuerySchema = AuditFiltersSchema.extend({
  limit: z.number().int().min(1).max(5000).default(500),
  cursor: AuditCursorSchema.optional(),
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

/** A record the screen can open: it still exists on this laptop. */
export const AuditLinkSchema = z.object({ kind: z.enum(['contact', 'company', 'deal']), id: z.string() });
export type AuditLink = z.infer<typeof AuditLinkSchema>;

export const AuditRowSchema = AuditEntrySchema.extend({
  /** A readable name of the record (the contact's name, the deal's title); null when nothing names it any more. */
  label: z.string().nullable(),
  link: AuditLinkSchema.nullable(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditPageSchema = z.object({ rows: z.array(AuditRowSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const auditChannels = {
  'audit.list': channel({ summary: 'Changes by member, record and date, newest first (admins).', input: AuditQuerySchema, output: z.array(AuditEntrySchema) }),
  'audit.page': channel({
    summary: 'A page of changes with readable record names, newest first, and where the next page starts (admins).',
    input: AuditQuerySchema,
    output: AuditPageSchema,
  }),
  'audit.count': channel({ summary: 'How many changes the filters match (admins).', input: AuditFiltersSchema, output: z.object({ total: z.number().int() }) }),
  'audit.members': channel({ summary: 'The names of everyone with a change in the log, for the member filter (admins).', input: z.object({}), output: z.array(z.string()) }),
  'audit.csv': channel({
    summary: 'A page of changes as a CSV file’s text, and where the next page starts (admins).',
    input: AuditQuerySchema.extend({ header: z.boolean().default(true) }),
    output: z.object({ csv: z.string(), rows: z.number().int(), nextCursor: z.string().nullable() }),
  }),
};
