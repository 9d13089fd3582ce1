import { z } from 'zod';
import { CallDraftSchema, CallListQuerySchema, CallSchema } from '../domain/call';
import { ById, channel, Deleted, Id, Page } from './channel';

// The call history; the counterpart is src-main/calls/handlers.ts.

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
