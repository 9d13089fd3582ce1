import { z } from 'zod';
import { BulkActionStatusSchema, BulkExportSchema, BulkRequestSchema } from '../domain/bulk';
import { channel, ById } from './channel';

export const bulkChannels = {
  'bulk.start': channel({
    summary:
      'Start a bulk action on the selected rows of a list (ids, or all matching its request except some). Answers at once with its id; progress comes as bulk.progress events.',
    input: BulkRequestSchema,
    output: BulkActionStatusSchema,
  }),
  'bulk.status': channel({
    summary: 'How far a bulk action got, or how it ended.',
    input: ById,
    output: BulkActionStatusSchema,
  }),
  'bulk.cancel': channel({
    summary: 'Stop a running bulk action after its current batch; what was done stays done and can be undone.',
    input: ById,
    output: z.object({ cancelled: z.boolean() }),
  }),
  'bulk.undo': channel({
    summary: 'Take a bulk action back: every row it changed gets back the values it had before, as new changes. Runs in batches like the action.',
    input: ById,
    output: BulkActionStatusSchema,
  }),
  'bulk.exportCsv': channel({
    summary:
      'Export the selected rows of a list (ids, or all matching its request except some) as CSV, through the export of that kind of row; answers the export job id (exchange.progress, exchange.jobStatus).',
    input: BulkExportSchema,
    output: z.object({ jobId: z.string() }),
  }),
  'bulk.recent': channel({
    summary: 'The bulk actions made on this laptop lately, newest first (an interrupted one can still be undone).',
    input: z.object({ limit: z.number().int().min(1).max(50).default(10) }).default({ limit: 10 }),
    output: z.array(BulkActionStatusSchema),
  }),
};

export const bulkEvents = {
  /** A bulk action (or its undo) moved on or ended. */
  'bulk.progress': BulkActionStatusSchema,
};
