import { z } from 'zod';
import { FileTransferSchema, fileCategories, sha256Pattern, StoredFileSchema } from '../domain/file';
import { BlobUsageSchema } from '../sync/blob-protocol';
import { ById, channel, Deleted, Id } from './channel';

// Files attached to contacts; the bytes travel on the transport's upload (bridge.ts). Then the
// files travelling between laptops through the relay: fetching a teammate's file, what is being
// uploaded or downloaded, and the workspace's storage use; progress also arrives as the
// `files.transfer` event (events.ts). The counterpart is src-main/files/handlers.ts.

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
  'files.fetch': channel({
    summary: "Fetch a file's bytes from the relay (when they are not on this laptop yet); answers once they are here and checked.",
    input: ById,
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
