import { z } from 'zod';
import { EpochMsSchema } from '../domain/contact';
import { FollowUpDraftSchema, FollowUpListQuerySchema, FollowUpPatchSchema, FollowUpSchema } from '../domain/follow-up';
import { ById, channel, Deleted, Id, Page } from './channel';

// Follow-ups and their reminders; the counterpart is src-main/followups/handlers.ts.

const FollowUpScope = z.enum(['mine', 'team']).default('team');

export const followUpsChannels = {
  'followups.list': channel({
    summary: 'Follow-ups overdue, due today, upcoming or done; mine or the team’s; optionally of one contact.',
    input: FollowUpListQuerySchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: Page(FollowUpSchema),
  }),
  'followups.counts': channel({
    summary: 'How many follow-ups are overdue, due today and upcoming.',
    input: z.object({ scope: FollowUpScope, endOfToday: EpochMsSchema }),
    output: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
  }),
  'followups.create': channel({ summary: 'Promise to do something for a contact by a time.', input: FollowUpDraftSchema, output: FollowUpSchema }),
  'followups.update': channel({
    summary: 'Change what, when, who or how urgent.',
    input: z.object({ id: Id, patch: FollowUpPatchSchema }),
    output: FollowUpSchema,
  }),
  'followups.complete': channel({ summary: 'Mark a follow-up done.', input: ById, output: FollowUpSchema }),
  'followups.reopen': channel({ summary: 'Mark a done follow-up open again.', input: ById, output: FollowUpSchema }),
  'followups.snooze': channel({ summary: 'Move an open follow-up to a later time.', input: z.object({ id: Id, until: EpochMsSchema }), output: FollowUpSchema }),
  'followups.delete': channel({ summary: 'Delete a follow-up (restore undoes it).', input: ById, output: Deleted }),
  'followups.restore': channel({ summary: 'Bring a deleted follow-up back.', input: ById, output: FollowUpSchema }),
  'followups.dueReminders': channel({
    summary: 'Due follow-ups not yet shown as a reminder on this laptop (also those due while it was closed).',
    input: z.object({}).default({}),
    output: z.array(FollowUpSchema),
  }),
  'followups.acknowledgeReminders': channel({
    summary: 'The reminders for these follow-ups were shown: all of them in one write, or none if one is no follow-up.',
    input: z.object({ ids: z.array(Id).min(1, 'Name at least one follow-up').max(500, 'At most 500 reminders at a time') }),
    output: z.object({ ids: z.array(z.string()) }),
  }),
};
