import { z } from 'zod';
import { CallListQuerySchema } from './call';
import { ContactListQuerySchema, contactStatuses, EpochMsSchema, tagName } from './contact';
import { FollowUpListQuerySchema } from './follow-up';
import { JobListQuerySchema, jobStatuses } from './job';
import { DealListQuerySchema } from './pipeline';

// A bulk action: one change to many rows of a list, chosen by ticking rows or "all matching".
// The core resolves the selection with the list's own query (src-main/bulk/selection.ts), runs
// the action in batches and keeps what each row had before, so the whole action is one undo.

const rowId = z.string().min(1).max(64);

/**
 * Which rows: some ids, or every row the list request matches except some. The request is the
 * list's own, so "all matching" means exactly what the list shows, loaded or not.
 */
export const BulkSelectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ids'), ids: z.array(rowId).min(1, 'Select at least one row').max(200_000) }),
  z.object({ mode: z.literal('matching'), except: z.array(rowId).max(200_000).default([]) }),
]);
export type BulkSelection = z.infer<typeof BulkSelectionSchema>;

const ownerName = z.string().trim().min(1, 'Choose an owner').max(120);

export const ContactBulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('addTag'), tag: tagName }),
  z.object({ type: z.literal('removeTag'), tag: tagName }),
  z.object({ type: z.literal('assignOwner'), owner: ownerName }),
  z.object({ type: z.literal('setStatus'), status: z.enum(contactStatuses) }),
  z.object({ type: z.literal('addToSegment'), segmentId: rowId }),
  z.object({ type: z.literal('delete') }),
]);

export const CallBulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setOutcome'), outcome: z.string().trim().min(1, 'Choose an outcome').max(60) }),
  z.object({ type: z.literal('markSpam'), spam: z.boolean().default(true) }),
  z.object({ type: z.literal('delete') }),
  z.object({ type: z.literal('addTag'), tag: tagName }),
]);

export const JobBulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setStatus'), status: z.enum(jobStatuses) }),
  z.object({ type: z.literal('assign'), assignee: ownerName }),
  z.object({ type: z.literal('delete') }),
]);

export const FollowUpBulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('markDone') }),
  z.object({ type: z.literal('assign'), assignee: ownerName }),
  z.object({ type: z.literal('reschedule'), dueAt: EpochMsSchema }),
  z.object({ type: z.literal('delete') }),
]);

export const DealBulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('moveToStage'), stageId: rowId }),
  z.object({ type: z.literal('assignOwner'), owner: ownerName }),
  z.object({ type: z.literal('delete') }),
]);

export const BulkRequestSchema = z.discriminatedUnion('list', [
  z.object({ list: z.literal('contacts'), request: ContactListQuerySchema, selection: BulkSelectionSchema, action: ContactBulkActionSchema }),
  z.object({ list: z.literal('calls'), request: CallListQuerySchema, selection: BulkSelectionSchema, action: CallBulkActionSchema }),
  z.object({ list: z.literal('jobs'), request: JobListQuerySchema, selection: BulkSelectionSchema, action: JobBulkActionSchema }),
  z.object({ list: z.literal('followups'), request: FollowUpListQuerySchema, selection: BulkSelectionSchema, action: FollowUpBulkActionSchema }),
  z.object({ list: z.literal('deals'), request: DealListQuerySchema, selection: BulkSelectionSchema, action: DealBulkActionSchema }),
]);
export type BulkRequest = z.output<typeof BulkRequestSchema>;
/** The rows of a bulk request without what to do to them. */
export type BulkTarget = { [List in BulkRequest['list']]: Omit<Extract<BulkRequest, { list: List }>, 'action'> }[BulkRequest['list']];

/** Export of a list's selection as CSV, by the export of that kind of row (docs/exports.md); jobs and deals by src-main/bulk/exports.ts. */
export const BulkExportSchema = z.discriminatedUnion('list', [
  z.object({ list: z.literal('contacts'), request: ContactListQuerySchema, selection: BulkSelectionSchema }),
  z.object({ list: z.literal('calls'), request: CallListQuerySchema, selection: BulkSelectionSchema }),
  z.object({ list: z.literal('followups'), request: FollowUpListQuerySchema, selection: BulkSelectionSchema }),
  z.object({ list: z.literal('jobs'), request: JobListQuerySchema, selection: BulkSelectionSchema }),
  z.object({ list: z.literal('deals'), request: DealListQuerySchema, selection: BulkSelectionSchema }),
]);
export type BulkExport = z.output<typeof BulkExportSchema>;
export type BulkList = BulkRequest['list'];
export const bulkLists = ['contacts', 'calls', 'jobs', 'followups', 'deals'] as const satisfies readonly BulkList[];
export type BulkActionType = BulkRequest['action']['type'];

export const bulkStates = ['running', 'done', 'cancelled', 'interrupted', 'failed', 'undoing', 'undone'] as const;
export type BulkState = (typeof bulkStates)[number];

export const BulkActionStatusSchema = z.object({
  id: z.string(),
  list: z.enum(bulkLists),
  /** What was done, as a toast says it: "Tagged 500 contacts “storm”". */
  label: z.string(),
  state: z.enum(bulkStates),
  /** Rows handled so far, of `total` (while undoing: rows restored so far). */
  done: z.number().int(),
  total: z.number().int(),
  /** Rows whose value the action changed (a contact already tagged is not changed again). */
  changed: z.number().int(),
  createdAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type BulkActionStatus = z.infer<typeof BulkActionStatusSchema>;
