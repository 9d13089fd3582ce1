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
  /** Whether the bytes are on this laptop; if not, they can be fetched from the relay. */
  available: z.boolean(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** Whether the app can show this file itself; others open with the OS. */
export function isPreviewable(mimeType: string): boolean {
  // SVG can carry script, so it is never shown inline; it opens with the OS instead.
  return (mimeType.startsWith('image/') && mimeType !== 'image/svg+xml') || mimeType === 'application/pdf';
}

/**
 * A file's bytes moving between this laptop and the relay. `waiting`: queued (offline, or
 * backing off after a failure, see `message` and `retryAt`); `active`: bytes are moving;
 * `done`: finished (sent once, in the event, so screens can let go of it).
 */
export const FileTransferSchema = z.object({
  sha256: z.string().regex(sha256Pattern),
  direction: z.enum(['upload', 'download']),
  state: z.enum(['waiting', 'active', 'done', 'failed']),
  bytesDone: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** Why it is waiting or failed, in words for the user. */
  message: z.string().nullable(),
  retryAt: EpochMsSchema.nullable(),
});
export type FileTransfer = z.infer<typeof FileTransferSchema>;

/** What this laptop keeps without being asked: every file, those of the last N days, or none. */
export const offlineFileModes = ['everything', 'recent', 'on_demand'] as const;
export const OfflineFilesSchema = z.object({
  keep: z.enum(offlineFileModes),
  /** For `recent`: files added in this many days. */
  days: z.number().int().min(1).max(3650),
});
export type OfflineFiles = z.infer<typeof OfflineFilesSchema>;
export const defaultOfflineFiles: OfflineFiles = { keep: 'recent', days: 30 };
