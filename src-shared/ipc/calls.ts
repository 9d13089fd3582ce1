import { z } from 'zod';
import { CallDraftSchema, CallExportQuerySchema, CallListQuerySchema, CallReportQuerySchema, CallTagInputSchema, CallPatchSchema, CallSchema, NumberOwnerSchema, TriageQueueQuerySchema, TriageQueueSchema } from '../domain/call';
import { SlaReportQuerySchema, SlaReportSchema } from '../domain/sla';
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
  'calls.whoseNumber': channel({
    summary: 'The contact a phone number belongs to, as it is typed.',
    input: z.object({ number: z.string().max(40) }),
    output: NumberOwnerSchema,
  }),
  'calls.delete': channel({ summary: 'Delete a logged call (restore undoes it).', input: ById, output: Deleted }),
  'calls.restore': channel({ summary: 'Bring a deleted call back.', input: ById, output: CallSchema }),
  'calls.get': channel({ summary: 'One call.', input: ById, output: CallSchema }),
  'calls.update': channel({
    summary: 'Change a call’s outcome, notes, value estimate or flags; the first outcome applies the SLA rules.',
    input: z.object({ id: Id, patch: CallPatchSchema }),
    output: CallSchema,
  }),
  'calls.triageQueue': channel({
    summary: 'The calls waiting for triage (no outcome yet, or a call-back due), oldest first or by urgency.',
    input: TriageQueueQuerySchema,
    output: TriageQueueSchema,
  }),
  'calls.slaReport': channel({
    summary: 'Of the call-backs due in a period, the share made within their promise, by outcome and by member.',
    input: SlaReportQuerySchema,
    output: SlaReportSchema,
  }),
  'calls.exportCsv': channel({
    summary: 'Export the calls list as filtered (every filter and the sort) as CSV into the exports folder; answers an exchange job id.',
    input: CallExportQuerySchema,
    output: z.object({ jobId: z.string() }),
  }),
  'calls.exportReport': channel({
    summary: 'A printable PDF report of the calls of a period (totals by outcome and member, missed, after hours, call-back promises, the calls); answers an exchange job id.',
    input: CallReportQuerySchema,
    output: z.object({ jobId: z.string() }),
  }),
  'calls.addTag': channel({ summary: 'Put a tag on a call; a tag it has already (any case) is left as it is.', input: CallTagInputSchema, output: CallSchema }),
  'calls.removeTag': channel({ summary: 'Take a tag off a call.', input: CallTagInputSchema, output: CallSchema }),
  'calls.tags': channel({ summary: 'The tags in use on calls, most used first.', input: z.object({}).default({}), output: z.array(z.string()) }),
};
