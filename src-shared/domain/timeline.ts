import { z } from 'zod';
import { EpochMsSchema } from './contact';

export const timelineKinds = ['note', 'call', 'follow_up', 'file', 'deal', 'change', 'email', 'job'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const TimelineItemSchema = z.object({
  /** Unique within the timeline, stable across pages. */
  key: z.string(),
  kind: z.enum(timelineKinds),
  at: EpochMsSchema,
  /** Who did it, by name, when known. */
  actor: z.string(),
  /** One line a person reads: "Status active → won", "Outbound call, 3 min, booked". */
  title: z.string(),
  detail: z.string(),
  /** The note, call, follow-up, file or e-mail it is about, for opening it. */
  refId: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TimelineCursorSchema = z.object({ at: EpochMsSchema, key: z.string().max(200) });
export type TimelineCursor = z.infer<typeof TimelineCursorSchema>;

export const ActivityItemSchema = TimelineItemSchema.extend({ contactId: z.string(), contactName: z.string() });
export type ActivityItem = z.infer<typeof ActivityItemSchema>;

const NamedCount = z.object({ name: z.string(), count: z.number().int() });

export const DashboardSchema = z.object({
  followUps: z.object({ overdue: z.number().int(), today: z.number().int() }),
  contactsByStatus: z.array(NamedCount),
  contactsByType: z.array(NamedCount),
  /** Potential value of contacts still in play (not won, not lost), per currency. */
  openPotentialValue: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })),
  newContactsThisWeek: z.number().int(),
  callsThisWeek: z.number().int(),
  /** Calls per day over the last 7 days, oldest first, for a small chart. */
  callsByDay: z.array(z.object({ day: EpochMsSchema, count: z.number().int() })),
  recentActivity: z.array(ActivityItemSchema),
  /** Quotes sent and not yet answered, per currency. */
  pendingQuotes: z.array(z.object({ currency: z.string(), count: z.number().int(), totalMinor: z.number().int() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
