import type { FileCategory, StoredFile } from '../../../src-shared/domain/file';
import { api } from '../../api';
import { formatBytes } from '../../ui/format';
import { activityChanged } from '../../ui/live-events';
import { deleteWithUndo } from '../../ui/undoable';
import { useLiveData } from '../../ui/use-live-data';

export const categoryLabels: Record<FileCategory, string> = {
  quote: 'Quote',
  contract: 'Contract',
  photo: 'Photo',
  document: 'Document',
};

/** A contact's files, newest first (a sent quote's PDF among them), kept current. */
export function useFiles(contactId: string) {
  return useLiveData(`files:${contactId}`, () => api.invoke('files.list', { contactId }), { reloadOn: [activityChanged(['files'], contactId)] });
}

// Browsers leave File.type empty for extensions they do not know; the common office ones are named here.
const typesByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  txt: 'text/plain',
};

export function mimeTypeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return typesByExtension[extension] ?? 'application/octet-stream';
}

export function guessCategory(file: File, chosen: FileCategory | 'auto'): FileCategory {
  if (chosen !== 'auto') return chosen;
  if (mimeTypeOf(file).startsWith('image/')) return 'photo';
  return /quote|estimate/i.test(file.name) ? 'quote' : /contract|agreement/i.test(file.name) ? 'contract' : 'document';
}

/** A message for a file over the limit, before any byte is sent (the core refuses it too). */
export function tooLargeMessage(file: File, maxFileBytes: number): string | undefined {
  return file.size > maxFileBytes ? `“${file.name}” is ${formatBytes(file.size)}, over the ${formatBytes(maxFileBytes)} limit for files.` : undefined;
}

export async function attachFile(contactId: string, file: File, category: FileCategory): Promise<StoredFile> {
  const staged = await api.uploadFile(file);
  return api.invoke('files.add', { contactId, uploadId: staged.uploadId, name: file.name, mimeType: mimeTypeOf(file), category });
}

export function deleteFileWithUndo(file: StoredFile): Promise<boolean> {
  return deleteWithUndo('files', file.id, { deleted: `Deleted ${file.name}`, restored: `Restored ${file.name}` });
}
