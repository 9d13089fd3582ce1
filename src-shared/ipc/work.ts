import { z } from 'zod';
import { CallDraftSchema, CallListQuerySchema, CallSchema } from '../domain/call';
import { EpochMsSchema } from '../domain/contact';
import { fileCategories, StoredFileSchema } from '../domain/file';
import { FollowUpDraftSchema, followUpListKinds, FollowUpPatchSchema, FollowUpSchema } from '../domain/follow-up';
import { NoteDraftSchema, NotePatchSchema, NoteSchema } from '../domain/note';
import { DashboardSchema, TimelineCursorSchema, TimelineItemSchema, timelineKinds } from '../domain/timeline';
import { channel } from './channel';

// The daily work on a contact: notes, follow-ups, calls, files, its timeline and the dashboard.

const Id = z.string().min(1).max(64);
const ById = z.object({ id: Id });
const Deleted = z.object({ id: z.string() });
const Page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

export const notesChannels = {
  'notes.list': channel({ summary: "A contact's notes, pinned first, newest first.", input: z.object({ contactId: Id }), output: z.array(NoteSchema) }),
  'notes.create': channel({ summary: 'Add a note to a contact.', input: NoteDraftSchema, output: NoteSchema }),
  'notes.update': channel({ summary: 'Edit, retype or pin a note.', input: z.object({ id: Id, patch: NotePatchSchema }), output: NoteSchema }),
  'notes.delete': channel({ summary: 'Delete a note (restore undoes it).', input: ById, output: Deleted }),
  'notes.restore': channel({ summary: 'Bring a deleted note back.', input: ById, output: NoteSchema }),
};

const FollowUpScope = z.enum(['mine', 'team']).default('team');

export const followUpsChannels = {
  'followups.list': channel({
    summary: 'Follow-ups overdue, due today, upcoming or done; mine or the team’s; optionally of one contact.',
    input: z.object({
      view: z.enum(followUpListKinds),
      scope: FollowUpScope,
      contactId: Id.optional(),
      /** The end of today in the user's time zone, as the renderer knows it. */
      endOfToday: EpochMsSchema,
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
  'followups.acknowledgeReminder': channel({ summary: 'The reminder for this follow-up was shown.', input: ById, output: Deleted }),
};

export const callsChannels = {
  'calls.list': channel({ summary: 'Call history, filtered and sorted, with the total.', input: CallListQuerySchema, output: Page(CallSchema) }),
  'calls.log': channel({ summary: 'Log a call by hand; the number is matched to a contact.', input: CallDraftSchema, output: CallSchema }),
  'calls.linkContact': channel({
    summary: 'Link a call, and other unlinked calls from its number, to a contact.',
    input: z.object({ callId: Id, contactId: Id }),
    output: CallSchema,
  }),
  'calls.delete': channel({ summary: 'Delete a logged call (restore undoes it).', input: ById, output: Deleted }),
  'calls.restore': channel({ summary: 'Bring a deleted call back.', input: ById, output: CallSchema }),
};

export const filesChannels = {
  'files.list': channel({ summary: "A contact's files, newest first.", input: z.object({ contactId: Id }), output: z.array(StoredFileSchema) }),
  'files.add': channel({
    summary: 'Attach an uploaded file (see the transport’s upload) to a contact.',
    input: z.object({
      contactId: Id,
      uploadId: z.string().uuid(),
      name: z.string().trim().min(1).max(255),
      mimeType: z.string().max(255).default('application/octet-stream'),
      category: z.enum(fileCategories).default('document'),
    }),
    output: StoredFileSchema,
  }),
  'files.delete': channel({ summary: 'Delete a file; its bytes stay through the undo window.', input: ById, output: Deleted }),
  'files.restore': channel({ summary: 'Bring a deleted file back.', input: ById, output: StoredFileSchema }),
};

export const timelineChannels = {
  'timeline.list': channel({
    summary: "A contact's timeline, newest first, paged, filterable by kind.",
    input: z.object({
      contactId: Id,
      kinds: z.array(z.enum(timelineKinds)).max(timelineKinds.length).default([]),
      before: TimelineCursorSchema.optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(TimelineItemSchema), nextCursor: TimelineCursorSchema.nullable() }),
  }),
  'dashboard.get': channel({
    summary: 'The figures of the dashboard.',
    input: z.object({ endOfToday: EpochMsSchema, startOfWeek: EpochMsSchema }),
    output: DashboardSchema,
  }),
  'search.global': channel({
    summary: 'Contacts, notes and kept e-mails matching what was typed, for the command palette.',
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }),
    output: z.object({
      contacts: z.array(z.object({ id: z.string(), name: z.string(), company: z.string() })),
      notes: z.array(z.object({ id: z.string(), contactId: z.string(), contactName: z.string(), body: z.string() })),
      /** Kept e-mails by subject, body, names and addresses; `contactIds` are the contacts they concern. */
      messages: z
        .array(z.object({ id: z.string(), threadId: z.string(), subject: z.string(), snippet: z.string(), sentAt: EpochMsSchema, contactIds: z.array(z.string()) }))
        .default([]),
    }),
  }),
};
