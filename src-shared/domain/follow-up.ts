import { z } from 'zod';
import { EpochMsSchema } from './contact';

export const followUpPriorities = ['low', 'normal', 'high'] as const;
export type FollowUpPriority = (typeof followUpPriorities)[number];

/** How an open follow-up stands against its due time; "due soon" is within the next hour. */
export const followUpStandings = ['ok', 'due_soon', 'overdue', 'done'] as const;
export type FollowUpStanding = (typeof followUpStandings)[number];
export const dueSoonWindowMs = 60 * 60 * 1000;

export function followUpStanding(dueAt: number, doneAt: number | null, now: number): FollowUpStanding {
  if (doneAt !== null) return 'done';
  if (dueAt < now) return 'overdue';
  if (dueAt - now <= dueSoonWindowMs) return 'due_soon';
  return 'ok';
}

export const FollowUpSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  callId: z.string().nullable(),
  title: z.string(),
  dueAt: EpochMsSchema,
  assignee: z.string(),
  priority: z.enum(followUpPriorities),
  doneAt: EpochMsSchema.nullable(),
  slaRuleId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: EpochMsSchema,
  standing: z.enum(followUpStandings),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const FollowUpDraftSchema = z.object({
  contactId: z.string().min(1).max(64),
  callId: z.string().min(1).max(64).nullable().default(null),
  title: z.string().trim().min(1, 'Say what needs doing').max(500),
  dueAt: EpochMsSchema,
  /** Defaults to the user's own name. */
  assignee: z.string().trim().max(120).optional(),
  priority: z.enum(followUpPriorities).default('normal'),
});
export type FollowUpDraft = z.input<typeof FollowUpDraftSchema>;

export const FollowUpPatchSchema = z
  .object({
    title: FollowUpDraftSchema.shape.title,
    dueAt: EpochMsSchema,
    assignee: z.string().trim().max(120),
    priority: z.enum(followUpPriorities),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Change at least one field');

export const followUpListKinds = ['overdue', 'today', 'upcoming', 'done'] as const;
export type FollowUpListKind = (typeof followUpListKinds)[number];

/** What the follow-ups table sorts by (src-main/followups/queries.ts orders by each). */
export const followUpSortFields = ['dueAt', 'title', 'contactName', 'assignee', 'priority', 'createdAt', 'doneAt'] as const;
export type FollowUpSortField = (typeof followUpSortFields)[number];

/** A follow-ups list as asked, without paging: what "all matching" of a bulk action means. */
export const FollowUpListQuerySchema = z.object({
  view: z.enum(followUpListKinds),
  scope: z.enum(['mine', 'team']).default('team'),
  contactId: z.string().min(1).max(64).optional(),
  /** The end of today in the user's time zone, as the renderer knows it. */
  endOfToday: EpochMsSchema,
  /** Absent: soonest due first (done: latest done first), as the grouped list shows them. */
  sort: z.object({ field: z.enum(followUpSortFields), direction: z.enum(['asc', 'desc']) }).optional(),
});
export type FollowUpListQuery = z.output<typeof FollowUpListQuerySchema>;

/** Quick presets for a due time, computed in the user's local time zone. */
export const followUpPresets = ['in_30_minutes', 'in_2_hours', 'tomorrow_9', 'next_monday_9'] as const;
export type FollowUpPreset = (typeof followUpPresets)[number];

export function presetDueAt(preset: FollowUpPreset, now: Date): number {
  const at = new Date(now.getTime());
  switch (preset) {
    case 'in_30_minutes':
      return now.getTime() + 30 * 60_000;
    case 'in_2_hours':
      return now.getTime() + 2 * 60 * 60_000;
    case 'tomorrow_9':
      at.setDate(at.getDate() + 1);
      at.setHours(9, 0, 0, 0);
      return at.getTime();
    case 'next_monday_9': {
      const daysAhead = ((8 - at.getDay()) % 7) || 7;
      at.setDate(at.getDate() + daysAhead);
      at.setHours(9, 0, 0, 0);
      return at.getTime();
    }
  }
}
