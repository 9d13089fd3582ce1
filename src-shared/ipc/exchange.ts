import { z } from 'zod';
import {
  BackupInfoSchema,
  ExportCsvOptionsSchema,
  ExportVcardOptionsSchema,
  ImportBatchSummarySchema,
  ImportOptionsSchema,
  ImportPreviewSchema,
  JobFinishedSchema,
  JobProgressSchema,
  JobStatusSchema,
  UndoReportSchema,
} from '../domain/exchange';
import { channel } from './channel';

// Import, export and backup. Long work runs as a job: the channel answers a jobId at once, the
// core emits exchange.progress while it runs and exchange.finished at the end, and
// exchange.jobStatus answers the outcome (the import report, the export's file, the backup).
// The import wizard: upload (the transport's staging) -> exchange.previewImport (mapping,
// preview rows, problems and duplicates of the whole file; again on every change of the
// mapping or of a choice) -> exchange.runImport -> progress/cancel -> report, with
// exchange.importErrors to download the rejected rows and exchange.undoImport.

const UploadId = z.string().uuid();
const JobId = z.object({ jobId: z.string().min(1).max(64) });
const BatchId = z.object({ batchId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not an import batch id') });
const Started = z.object({ jobId: z.string() });

export const exchangeChannels = {
  'exchange.previewImport': channel({
    summary: 'Read an uploaded CSV or vCard: suggested mapping, the first rows as stored, problems and duplicates.',
    input: ImportOptionsSchema.extend({ uploadId: UploadId }),
    output: ImportPreviewSchema,
  }),
  'exchange.runImport': channel({
    summary: 'Import an uploaded file as one batch that can be undone; answers a job id.',
    input: ImportOptionsSchema.extend({ uploadId: UploadId }),
    output: Started,
  }),
  'exchange.undoImport': channel({
    summary: 'Take a whole import back out: created contacts deleted, updated ones reverted.',
    input: BatchId,
    output: UndoReportSchema,
  }),
  'exchange.listImports': channel({
    summary: 'Past imports, newest first.',
    input: z.object({}).default({}),
    output: z.array(ImportBatchSummarySchema),
  }),
  'exchange.importErrors': channel({
    summary: 'The rows an import could not store, as CSV (original columns plus line and reason).',
    input: BatchId,
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'exchange.exportCsv': channel({
    summary: 'Export contacts, notes, follow-ups or calls as CSV into the exports folder; answers a job id.',
    input: ExportCsvOptionsSchema,
    output: Started,
  }),
  'exchange.exportVcard': channel({
    summary: 'Export one contact, a selection or every contact as a vCard 3.0 or 4.0 file (with photos) into the exports folder; answers a job id.',
    input: ExportVcardOptionsSchema,
    output: Started,
  }),
  'exchange.exportJson': channel({
    summary: 'Export everything as one JSON file into the exports folder; answers a job id.',
    input: z.object({}).default({}),
    output: Started,
  }),
  'exchange.backup': channel({
    summary: 'Back the database and files up into one file in the backups folder; answers a job id.',
    input: z.object({}).default({}),
    output: Started,
  }),
  'exchange.listBackups': channel({
    summary: 'Backups in the backups folder, newest first.',
    input: z.object({}).default({}),
    output: z.array(BackupInfoSchema),
  }),
  'exchange.jobStatus': channel({
    summary: 'Progress and outcome of an import, export or backup job.',
    input: JobId,
    output: JobStatusSchema,
  }),
  'exchange.cancel': channel({
    summary: 'Stop a running job; a cancelled import takes out what it had stored.',
    input: JobId,
    output: z.object({ cancelled: z.boolean() }),
  }),
};

/** Events of the exchange jobs, for src-shared/ipc/events.ts. */
export const exchangeEvents = {
  'exchange.progress': JobProgressSchema,
  'exchange.finished': JobFinishedSchema,
};
