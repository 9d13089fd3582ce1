import { z } from 'zod';
import { FileTransferSchema, sha256Pattern, StoredFileSchema } from '../domain/file';
import { BlobUsageSchema } from '../sync/blob-protocol';
import { channel } from './channel';

// Files travelling between laptops through the relay: fetching a teammate's file, what is being
// uploaded or downloaded, and the workspace's storage use. Progress also arrives as the
// `files.transfer` event (src-shared/ipc/events.ts).

export const fileTransferChannels = {
  'files.fetch': channel({
    summary: "Fetch a file's bytes from the relay (when they are not on this laptop yet); answers once they are here and checked.",
    input: z.object({ id: z.string().min(1).max(64) }),
    output: StoredFileSchema,
  }),
  'files.cancelFetch': channel({
    summary: 'Stop fetching a file; what arrived is kept to resume later.',
    input: z.object({ sha256: z.string().regex(sha256Pattern) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'files.transfers': channel({
    summary: 'Uploads waiting or under way, and downloads under way, with their progress.',
    input: z.object({}).default({}),
    output: z.array(FileTransferSchema),
  }),
  'files.retryUploads': channel({
    summary: 'Try the waiting uploads now rather than after their backoff.',
    input: z.object({}).default({}),
    output: z.object({ waiting: z.number().int() }),
  }),
  'files.storageUsage': channel({
    summary: "The workspace's storage use at the relay (admins).",
    input: z.object({}).default({}),
    output: BlobUsageSchema,
  }),
};
