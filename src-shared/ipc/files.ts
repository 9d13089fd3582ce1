import { z } from 'zod';
import { fileCategories, StoredFileSchema } from '../domain/file';
import { ById, channel, Deleted, Id } from './channel';

// Files attached to contacts; the bytes travel on the transport's upload (bridge.ts). The
// counterpart is src-main/files/handlers.ts.

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
