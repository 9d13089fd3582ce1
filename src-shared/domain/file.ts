import { z } from 'zod';
import { EpochMsSchema } from './contact';

export const fileCategories = ['quote', 'contract', 'photo', 'document'] as const;
export type FileCategory = (typeof fileCategories)[number];

export const sha256Pattern = /^[0-9a-f]{64}$/;

export const StoredFileSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  sha256: z.string().regex(sha256Pattern),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int().min(0),
  category: z.enum(fileCategories),
  addedBy: z.string(),
  createdAt: EpochMsSchema,
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** Whether the app can show this file itself; others open with the OS. */
export function isPreviewable(mimeType: string): boolean {
  // SVG can carry script, so it is never shown inline; it opens with the OS instead.
  return (mimeType.startsWith('image/') && mimeType !== 'image/svg+xml') || mimeType === 'application/pdf';
}
