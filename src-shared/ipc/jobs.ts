import { z } from 'zod';
import { ContactSuggestionSchema, JobDraftSchema, JobListQuerySchema, JobPatchSchema, JobReachSchema, JobSchema, JobStartSchema } from '../domain/job';
import { EpochMsSchema } from '../domain/contact';
import { ById, channel, Deleted, Id, Page } from './channel';

// Jobs (tickets); the counterpart is src-main/jobs/handlers.ts.

export const jobsChannels = {
  'jobs.list': channel({ summary: 'Jobs, filtered by status, contact, deal or call, sorted, with the total.', input: JobListQuerySchema, output: Page(JobSchema) }),
  'jobs.get': channel({ summary: 'One job.', input: ById, output: JobSchema }),
  'jobs.start': channel({
    summary: 'What a new job starts with when made from a call (the caller, the notes), a contact or a deal.',
    input: z.union([z.object({ callId: Id }), z.object({ contactId: Id }), z.object({ dealId: Id })]),
    output: JobStartSchema,
  }),
  'jobs.create': channel({ summary: 'Create a job for a contact (or, before the contact is known, with a phone, e-mail or company to find them by), optionally linked to a deal and a call.', input: JobDraftSchema, output: JobSchema }),
  'jobs.update': channel({ summary: 'Change some fields of a job (status, schedule, invoice, the deal it is linked to).', input: z.object({ id: Id, patch: JobPatchSchema }), output: JobSchema }),
  'jobs.delete': channel({ summary: 'Delete a job (restore undoes it).', input: ById, output: Deleted }),
  'jobs.restore': channel({ summary: 'Bring a deleted job back.', input: ById, output: JobSchema }),
  'jobs.suggestContacts': channel({
    summary: 'Who a job without a contact may be for, by e-mail, phone or company, best first (a suggestion the user confirms).',
    input: JobReachSchema.partial(),
    output: z.array(ContactSuggestionSchema),
  }),
  'jobs.figures': channel({
    summary: 'Jobs booked today and this week, and invoiced jobs not yet paid, per currency.',
    input: z.object({ startOfToday: EpochMsSchema, endOfToday: EpochMsSchema, startOfWeek: EpochMsSchema, endOfWeek: EpochMsSchema }),
    output: z.object({
      today: z.number().int(),
      thisWeek: z.number().int(),
      invoicedUnpaid: z.array(z.object({ currency: z.string(), count: z.number().int(), totalMinor: z.number().int() })),
    }),
  }),
};
